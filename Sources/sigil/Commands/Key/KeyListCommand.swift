import ArgumentParser
import SigilCLI
import SigilCore

struct KeyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the accounts in the keystore (address, name, KDF, file).",
        discussion: """
        Examples:
          sigil key list
          sigil key list --keystore ~/.ethereum/keystore --json
        """
    )

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let accounts = try keystore.directory.accounts()
        if output.json {
            StandardStreams.write(JSONValue.array(accounts.map(AccountPresenter.json)).serialized(pretty: true) + "\n")
        } else if accounts.isEmpty {
            StandardStreams.writeError("no accounts in \(keystore.directory.path) (create one with `sigil key new`)\n")
        } else {
            StandardStreams.write(AccountPresenter.table(accounts))
        }
    }
}
