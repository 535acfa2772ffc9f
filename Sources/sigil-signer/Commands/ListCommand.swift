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
        try AccountPresenter.printList(keystore.directory, output: output)
    }
}
