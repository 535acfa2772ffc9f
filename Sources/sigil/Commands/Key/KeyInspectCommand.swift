import ArgumentParser
import SigilCLI
import SigilCore

struct KeyInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a key's address and public key, or a keystore account's details; never the secret.",
        discussion: """
        With --private-key-file, prints the address and uncompressed public key. With a keystore \
        account, prints what the file records (address, name, file, KDF) without asking for the \
        password.

        Examples:
          sigil key inspect --private-key-file key.hex
          cat key.hex | sigil key inspect --private-key-file - --json
          sigil key inspect deployer
        """
    )

    @Argument(help: ArgumentHelp("A keystore account: address or local name.", valueName: "account"),
              completion: .custom(ConfigCompletions.accounts))
    var account: String?

    @Option(name: .long, help: ArgumentHelp("File holding a hex private key, or - for standard input.", valueName: "file"),
            completion: .file())
    var privateKeyFile: String?

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (account != nil) != (privateKeyFile != nil) else {
            throw ValidationError("give a keystore account or --private-key-file (one of them)")
        }
    }

    func run() throws {
        if let account {
            let found = try keystore.directory.resolve(account)
            output.emit(AccountPresenter.fields(found), json: AccountPresenter.json(found))
            return
        }
        let publicKey = try WalletOptions.privateKey(fromFile: privateKeyFile!).publicKey
        let address = publicKey.address.checksummed
        let uncompressed = publicKey.uncompressed.hexString
        output.emit(
            [("address", address), ("public key", uncompressed)],
            json: .object([("address", .string(address)), ("publicKey", .string(uncompressed))])
        )
    }
}
