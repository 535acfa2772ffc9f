import ArgumentParser
import SigilCLI
import SigilCore

struct KeyExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print an account's keystore JSON, or (explicitly) its raw private key.",
        discussion: """
        By default the encrypted keystore file is printed exactly as it is stored, byte for byte \
        (whichever tool wrote it): safe to copy to geth, MetaMask or cast. --private-key decrypts \
        and prints the raw key: it asks for confirmation on a terminal, and needs --yes when \
        standard input is not a terminal.

        Examples:
          sigil key export deployer > deployer.json
          sigil key export deployer --private-key
        """
    )

    @Argument(help: ArgumentHelp("The keystore account: address or local name.", valueName: "account"),
              completion: .custom(ConfigCompletions.accounts))
    var account: String

    @Flag(name: .long, help: "Print the raw private key (hex) instead of the keystore JSON.")
    var privateKey = false

    @Flag(name: .long, help: "With --private-key: do not ask for confirmation (required off a terminal).")
    var yes = false

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var password: PasswordOptions
    @OptionGroup var color: ColorOptions

    func run() throws {
        let found = try keystore.directory.resolve(account)
        guard privateKey else {
            // The file's exact bytes, whichever tool wrote it (extra fields and layout included).
            let stored = try FileIO.read(found.path, limit: KeystoreDirectory.fileSizeLimit)
            StandardStreams.write(bytes: stored)
            // Only a terminal gets a final line break the file lacks; a redirect gets the file as it is.
            if StandardStreams.stdoutIsTerminal && stored.last != 0x0A { StandardStreams.write("\n") }
            return
        }
        if !yes {
            guard StandardStreams.stdinIsTerminal else {
                throw CommandFailure(.usage, "printing a raw private key needs confirmation: add --yes when not on a terminal")
            }
            guard TerminalPrompt.confirm("Print the UNENCRYPTED private key of \(found.address?.checksummed ?? found.fileName)?") else {
                throw CommandFailure(.declined, "export cancelled")
            }
        }
        let key = try found.file.unlock(password: password.password())
        key.withUnsafeSecret { StandardStreams.write(Hex.encode($0) + "\n") }
    }
}
