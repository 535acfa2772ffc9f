import ArgumentParser
import SigilCLI
import SigilCore

#if canImport(Glibc)
import Glibc
#endif

struct KeyVanityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanity",
        abstract: "Search for a key whose address starts and/or ends with given hex digits; save it.",
        discussion: """
        Each thread starts from a fresh random key and walks k, k+1, k+2, … (adding G to the \
        point, with batched inversions), so no key is ever reused across runs. The found key is \
        re-derived and checked, then saved straight into the keystore. Every extra hex digit \
        makes the search 16× longer (32× with --checksum-case for a letter).

        Examples:
          sigil key vanity --prefix dead --name dead
          sigil key vanity --prefix 00 --suffix 00 --threads 2 --light
          sigil key vanity --prefix Beef --checksum-case
        """
    )

    @Option(name: .long, help: "Hex digits the address must start with (after 0x).") var prefix = ""
    @Option(name: .long, help: "Hex digits the address must end with.") var suffix = ""
    @Flag(name: .long, help: "Match the letters' case in the EIP-55 checksummed address too.") var checksumCase = false
    @Option(name: .long, help: "Worker threads (default: all cores).") var threads: Int?
    @Option(name: .long, help: ArgumentHelp("A local name for the account.", valueName: "name")) var name: String?
    @Flag(name: .long, help: "Use light scrypt parameters (n=4096, p=6) for the key file.") var light = false
    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var password: PasswordOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let pattern = try VanityPattern(prefix: prefix, suffix: suffix, checksumCase: checksumCase)
        if let name { try KeystoreDirectory.validate(name: name) }
        // Ask for the password first: the search may take a while and should not wait on a prompt after.
        let secret = try password.newPassword()
        let workers = threads ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        guard (1...1024).contains(workers) else { throw CommandFailure(.usage, "--threads must be 1 to 1024") }
        let showProgress = StandardStreams.stderrIsTerminal && !output.json
        let search = VanitySearch(pattern: pattern, threads: workers)
        let key = try search.run(progressInterval: 0.5) { progress in
            guard showProgress else { return }
            StandardStreams.writeError("\r\u{1B}[K" + ProgressText.vanity(progress, expected: pattern.expectedTries))
        }
        if showProgress { StandardStreams.writeError("\r\u{1B}[K") }
        let file = try KeystoreFile.encrypt(key, password: secret, kdf: KeyFileStrength.kdf(light: light))
        let account = try keystore.store(file, address: key.address, name: name)
        output.emit(AccountPresenter.fields(account), json: AccountPresenter.json(account))
    }
}
