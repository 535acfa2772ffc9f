import ArgumentParser
import SigilCLI
import SigilCore

struct KeyNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new random key in the keystore.",
        discussion: """
        New files use scrypt n=262144 r=8 p=1 (about a second to unlock); --light uses n=4096 p=6 \
        for throwaway and test keys. On a terminal the password is asked twice.

        Examples:
          sigil key new --name deployer
          SIGIL_PASSWORD=… sigil key new --light --json
        """
    )

    @Option(name: .long, help: ArgumentHelp("A local name for the account (the file name).", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Use light scrypt parameters (n=4096, p=6): fast, for test keys.")
    var light = false

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var password: PasswordOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        if let name { try KeystoreDirectory.validate(name: name) }
        let secret = try password.newPassword()
        let key = PrivateKey.generate()
        let file = try KeystoreFile.encrypt(key, password: secret, kdf: KeyFileStrength.kdf(light: light))
        let account = try keystore.store(file, address: key.address, name: name)
        output.emit(AccountPresenter.fields(account), json: AccountPresenter.json(account))
    }
}
