import ArgumentParser
import SigilCLI
import SigilCore

struct AddressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address",
        abstract: "Print the address of the signing key.",
        discussion: """
        Examples:
          sigil-signer address --private-key-file key.hex
          sigil-signer address --from deployer
          sigil-signer address --private-key-file - --json < key.hex
        """
    )

    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let address = try wallet.signerAddress().checksummed
        output.emit(line: address, json: .object([("address", .string(address))]))
    }
}
