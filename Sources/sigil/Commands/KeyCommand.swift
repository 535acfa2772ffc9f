import ArgumentParser
import SigilCLI
import SigilCore

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create, import, inspect and manage keys.",
        subcommands: [KeyInspectCommand.self]
    )
}

struct KeyInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the address and public key of a key, never the secret.",
        discussion: """
        Examples:
          sigil key inspect --private-key-file key.hex
          cat key.hex | sigil key inspect --private-key-file - --json
        """
    )

    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let key = try wallet.makeSigner()
        let publicKey = key.publicKey
        let address = publicKey.address.checksummed
        let uncompressed = publicKey.uncompressed.hexString
        output.emit(
            [("address", address), ("public key", uncompressed)],
            json: .object([("address", .string(address)), ("publicKey", .string(uncompressed))])
        )
    }
}
