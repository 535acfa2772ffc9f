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
        subcommands: [AbiEncodeCommand.self, AbiDecodeCommand.self, AbiSelectorCommand.self,
                      AbiDecodeEventCommand.self, AbiDecodeErrorCommand.self]
    )
}
