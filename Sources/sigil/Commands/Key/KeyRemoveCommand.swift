import ArgumentParser
import SigilCLI
import SigilCore

struct KeyRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Delete an account's key file from the keystore.",
        discussion: """
        Asks for confirmation on a terminal; scripts must pass --yes. Export the key first if you \
        may need it again: removal cannot be undone.

        Examples:
          sigil key remove old-test-key
          sigil key remove 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --yes
        """
    )

    @Argument(help: ArgumentHelp("The keystore account: address or local name.", valueName: "account"),
              completion: .custom(ConfigCompletions.accounts))
    var account: String

    @Flag(name: .long, help: "Do not ask for confirmation (required off a terminal).")
    var yes = false

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let directory = try keystore.directory
        let found = try directory.resolve(account)
        if !yes {
            guard StandardStreams.stdinIsTerminal else {
                throw CommandFailure(.usage, "removing a key needs confirmation: add --yes when not on a terminal")
            }
            guard TerminalPrompt.confirm("Delete \(found.path)? This cannot be undone.") else {
                throw CommandFailure(.declined, "nothing removed")
            }
        }
        try directory.remove(found)
        output.emit([("removed", found.path)], json: .object([("removed", .string(found.path)),
                                                             ("address", found.address.map { .string($0.checksummed) } ?? .null)]))
    }
}
