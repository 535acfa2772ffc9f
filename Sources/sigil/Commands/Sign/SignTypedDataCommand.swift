import ArgumentParser
import SigilCLI
import SigilCore

struct SignTypedDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typed-data",
        abstract: "Sign EIP-712 typed data (an eth_signTypedData_v4 JSON document).",
        discussion: """
        The document is checked strictly (unknown types, missing or extra fields, out-of-range \
        values are errors naming their path). The domain and message are shown on stderr first \
        when it is a terminal.

        Examples:
          sigil sign typed-data permit.json --from deployer
          cat order.json | sigil sign typed-data - --private-key-file key.hex --json
        """
    )

    @Argument(help: ArgumentHelp("The typed-data JSON file, or - for standard input.", valueName: "file"), completion: .file())
    var file: String

    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let document = try TypedData(json: JSONParser.parse(FileIO.read(file, limit: 4 << 20)))
        if StandardStreams.stderrIsTerminal {
            StandardStreams.writeError(OutputOptions.table(document.summary.map { ($0.path, $0.display) }))
        }
        let key = try wallet.makeSigner()
        let signature = try document.sign(with: key)
        output.emit(line: signature.bytes.hexString, json: .object(SignatureText.fields(signature) + [
            ("address", .string(key.address.checksummed)),
            ("digest", .string(document.signingHash.hexString)),
        ]))
    }
}
