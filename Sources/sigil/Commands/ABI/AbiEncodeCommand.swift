import ArgumentParser
import SigilCLI
import SigilCore

struct AbiEncodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "ABI-encode arguments for a function signature (--calldata: selector first; --packed: abi.encodePacked).",
        discussion: """
        Examples:
          sigil abi encode "transfer(address,uint256)" 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf 1ether
          sigil abi encode --calldata "approve(address,uint256)" 0x… 0
          sigil abi encode "f(uint256[],(bool,string))" "[1,2]" "(true,hello)"
          sigil abi encode --packed "(int16,bytes1,uint16,string)" -1 0x42 3 "Hello, world!"

        --packed follows Solidity's abi.encodePacked: values at their natural size without \
        padding, bytes and strings raw without a length, array elements padded to 32 bytes; \
        tuples, nested arrays and arrays of bytes or strings are refused (exit 65).
        """
    )

    @Argument(help: ArgumentHelp("The function signature.", valueName: "signature")) var signature: String
    /// Unrecognized input is an argument, so that negative numbers (-1) are values, not options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The arguments, one per parameter (negative numbers such as -1 are values).", valueName: "args"))
    var arguments: [String] = []
    @Flag(name: .long, help: "Prefix the 4-byte selector (calldata for a call).") var calldata = false
    @Flag(name: .long, help: "Solidity's non-standard packed encoding (abi.encodePacked).") var packed = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try PositionalValues.refuseOptions(arguments)
        if calldata && packed { throw ValidationError("give --calldata or --packed, not both") }
    }

    func run() throws {
        let function = try ABISignatureParser.parseFunction(signature, requireName: !packed)
        let values = try ABIArgumentParser.parse(PositionalValues.values(arguments), as: function.inputTypes)
        let encoded = packed ? try ABIEncoder.encodePacked(values, as: function.inputTypes)
            : calldata ? try function.encodeCall(values) : try ABIEncoder.encode(values, as: function.inputTypes)
        output.emit(line: encoded.hexString, json: .object([
            ("signature", .string(function.signature)), ("selector", .string(function.selector.hexString)),
            ("data", .string(encoded.hexString)),
        ]))
    }
}
