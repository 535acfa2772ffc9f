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
        try AccountPresenter.printList(keystore.directory, output: output)
    }
}
