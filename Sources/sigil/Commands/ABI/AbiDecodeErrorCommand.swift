import ArgumentParser
import SigilCLI
import SigilCore

struct AbiDecodeErrorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode-error",
        abstract: "Explain revert data: Error(string), Panic(uint256) or a custom error.",
        discussion: """
        Error(string) shows its text, Panic(uint256) its code and meaning, a custom error its \
        arguments when its declaration is given with --error-sig (repeatable) or is one of \
        Sigil's common errors (OpenZeppelin 5); anything else shows as "custom error 0x…" with \
        its data. Texts from the data are escaped.

        Examples:
          sigil abi decode-error 0x08c379a0000…
          sigil abi decode-error 0x4e487b710000000000000000000000000000000000000000000000000000000000000011
          sigil abi decode-error --error-sig "InsufficientBalance(uint256 available, uint256 required)" 0xcf479181…
          sigil abi decode-error 0x --json
        """
    )

    @Option(name: .customLong("error-sig"), help: ArgumentHelp("A custom error declaration, e.g. \"Unauthorized(address caller)\" (repeatable).", valueName: "signature"))
    var errorSignatures: [String] = []
    @Argument(help: ArgumentHelp("The revert data, 0x-hex (0x for none), or - for standard input.", valueName: "data"))
    var data: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let signatures = try errorSignatures.map { text throws(ABIError) in try ABIErrorSignature(parsing: text) }
        let reason = RevertReason(data: try ByteInput.hex(from: data), errorSignatures: signatures)
        output.emit(line: reason.description, json: reason.json)
    }
}
