import ArgumentParser
import SigilCLI
import SigilCore

struct KeyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a private key or another keystore file into the keystore.",
        discussion: """
        The key comes from a file (or - for standard input), never from an argument. A keystore \
        file from another tool is decrypted with the password and re-encrypted with Sigil's \
        parameters (the same password).

        Examples:
          sigil key import --private-key-file key.hex --name ops
          sigil key import --keystore-file ~/.ethereum/keystore/UTC--… --light
          sigil key import --mnemonic-file seed.txt --path "m/44'/60'/0'/0/3" --name hd3
        """
    )

    @Option(name: .long, help: ArgumentHelp("File holding a hex private key, or - for standard input.", valueName: "file"),
            completion: .file())
    var privateKeyFile: String?

    @Option(name: .long, help: ArgumentHelp("A v3 keystore file written by another tool.", valueName: "file"),
            completion: .file())
    var keystoreFile: String?

    @OptionGroup var mnemonicOptions: MnemonicOptions

    @Option(name: .long, help: "With --mnemonic-file: the derivation path (default m/44'/60'/0'/0/0).")
    var path: String?

    @Option(name: .long, help: ArgumentHelp("A local name for the account (the file name).", valueName: "name"))
    var name: String?

    @Flag(name: .long, help: "Use light scrypt parameters (n=4096, p=6): fast, for test keys.")
    var light = false

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var password: PasswordOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard [privateKeyFile != nil, keystoreFile != nil, mnemonicOptions.mnemonicFile != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --private-key-file, --keystore-file or --mnemonic-file")
        }
        if path != nil && mnemonicOptions.mnemonicFile == nil { throw ValidationError("--path goes with --mnemonic-file") }
    }

    func run() throws {
        if let name { try KeystoreDirectory.validate(name: name) }
        let key: PrivateKey
        let secret: SecureBytes
        if let privateKeyFile {
            key = try WalletOptions.privateKey(fromFile: privateKeyFile)
            secret = try password.newPassword()
        } else if mnemonicOptions.mnemonicFile != nil {
            let derivation = try path.map(DerivationPath.init(parsing:)) ?? DerivationPath.ethereum(index: 0)
            key = try mnemonicOptions.mnemonic().privateKey(at: derivation, passphrase: mnemonicOptions.passphrase())
            secret = try password.newPassword()
        } else {
            let source = try KeystoreFile(json: FileIO.read(keystoreFile!, limit: 1 << 20))
            secret = try password.password(prompt: "Password of the keystore file: ")
            key = try source.unlock(password: secret)
        }
        let file = try KeystoreFile.encrypt(key, password: secret, kdf: KeyFileStrength.kdf(light: light))
        let account = try keystore.store(file, address: key.address, name: name)
        output.emit(AccountPresenter.fields(account), json: AccountPresenter.json(account))
    }
}
