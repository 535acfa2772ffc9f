import ArgumentParser
import SigilCLI
import SigilCore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the keystore accounts this signer can use.",
        discussion: """
        Reads the same keystore folder as sigil (--keystore DIR, $SIGIL_KEYSTORE, or the data \
        directory's keystore/); geth's and foundry's folders work as they are.

        Examples:
          sigil-signer list
          sigil-signer list --keystore /media/usb/keystore --json
        """
    )

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let accounts = try keystore.directory.accounts()
        if output.json {
            StandardStreams.write(JSONValue.array(accounts.map(AccountPresenter.json)).serialized(pretty: true) + "\n")
        } else if accounts.isEmpty {
            StandardStreams.writeError("no accounts in \(keystore.directory.path)\n")
        } else {
            StandardStreams.write(AccountPresenter.table(accounts))
        }
    }
}
