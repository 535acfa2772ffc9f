import ArgumentParser
import SigilCLI
import SigilCore

struct AbiDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode ABI data: call data (with or without selector), or return data with f(…)(…).",
        discussion: """
        With a signature that has outputs, "balanceOf(address)(uint256)", DATA is return data. \
        Otherwise DATA holds the inputs, optionally prefixed by the function's selector (checked).

        Examples:
          sigil abi decode "transfer(address,uint256)" 0xa9059cbb…
          sigil abi decode "balanceOf(address)(uint256)" 0x00…2a
        """
    )

    @Argument(help: ArgumentHelp("The function signature.", valueName: "signature")) var signature: String
    @Argument(help: ArgumentHelp("The data, 0x-hex (or - for standard input).", valueName: "data")) var data: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let function = try ABIFunction(parsing: signature)
        let bytes = try ByteInput.hex(from: data)
        let values: [ABIValue]
        let types: [ABIParameter]
        if !function.outputs.isEmpty {
            values = try function.decodeOutput(bytes)
            types = function.outputs
        } else if bytes.count % 32 == 4 {
            values = try function.decodeCall(bytes)
            types = function.inputs
        } else {
            values = try ABIDecoder.decode(bytes, as: function.inputTypes)
            types = function.inputs
        }
        let rows = zip(types, values).enumerated().map { i, pair in
            (pair.0.name ?? "arg\(i)", pair.0.type.canonicalName, pair.1.displayString)
        }
        output.emit(rows.map { ("\($0.0) (\($0.1))", $0.2) },
                    json: .array(rows.map { .object([("name", .string($0.0)), ("type", .string($0.1)), ("value", .string($0.2))]) }))
    }
}
