import ArgumentParser
import SigilCLI
import SigilCore

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
