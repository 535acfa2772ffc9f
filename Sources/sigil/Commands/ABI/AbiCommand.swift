import ArgumentParser
import SigilCLI
import SigilCore

struct AbiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "abi",
        abstract: "Encode and decode Solidity ABI data; compute selectors.",
        discussion: """
        Signatures are human-readable: transfer(address,uint256), or with names and tuples: \
        "f(uint256 id, (address,uint256)[] items)". Arguments: numbers in decimal or 0x-hex \
        (units such as 1ether allowed), addresses (EIP-55 checked), true/false, 0x-hex bytes, \
        text strings, arrays [1,2,3], tuples (0x…,5).
        """,
        subcommands: [AbiEncodeCommand.self, AbiDecodeCommand.self, AbiSelectorCommand.self]
    )
}

struct AbiEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "ABI-encode arguments for a function signature (with --calldata: selector first).",
        discussion: """
        Examples:
          sigil abi encode "transfer(address,uint256)" 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf 1ether
          sigil abi encode --calldata "approve(address,uint256)" 0x… 0
          sigil abi encode "f(uint256[],(bool,string))" "[1,2]" "(true,hello)"
        """
    )

    @Argument(help: ArgumentHelp("The function signature.", valueName: "signature")) var signature: String
    /// Unrecognized input is an argument, so that negative numbers (-1) are values, not options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The arguments, one per parameter (negative numbers such as -1 are values).", valueName: "args"))
    var arguments: [String] = []
    @Flag(name: .long, help: "Prefix the 4-byte selector (calldata for a call).") var calldata = false
    @OptionGroup var output: OutputOptions

    func validate() throws { try PositionalValues.refuseOptions(arguments) }

    func run() throws {
        let function = try ABIFunction(parsing: signature)
        let values = try ABIArgumentParser.parse(PositionalValues.values(arguments), as: function.inputTypes)
        let encoded = calldata ? try function.encodeCall(values) : try ABIEncoder.encode(values, as: function.inputTypes)
        output.emit(line: encoded.hexString, json: .object([
            ("signature", .string(function.signature)), ("selector", .string(function.selector.hexString)),
            ("data", .string(encoded.hexString)),
        ]))
    }
}

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

struct AbiSelectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selector",
        abstract: "The 4-byte selector of a signature, or the known signature of a selector.",
        discussion: """
        Examples:
          sigil abi selector "transfer(address to, uint256 amount)"     # 0xa9059cbb
          sigil abi selector 0xa9059cbb                                # transfer(address,uint256) (ERC-20)
        """
    )

    @Argument(help: ArgumentHelp("A function signature, or a 4-byte selector 0x…", valueName: "signature-or-selector"))
    var text: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        if text.hasPrefix("0x") {
            let selector = try Hex.decode(text, count: 4)
            guard let entry = KnownSelectors.lookup(selector) else {
                throw CommandFailure(.notFound, "selector \(selector.hexString) is not in Sigil's table of common functions")
            }
            output.emit(line: "\(entry.function.signature) (\(entry.standard))", json: .object([
                ("selector", .string(selector.hexString)), ("signature", .string(entry.function.signature)),
                ("standard", .string(entry.standard)),
            ]))
            return
        }
        let function = try ABIFunction(parsing: text)
        output.emit(line: function.selector.hexString, json: .object([
            ("selector", .string(function.selector.hexString)), ("signature", .string(function.signature)),
        ]))
    }
}
