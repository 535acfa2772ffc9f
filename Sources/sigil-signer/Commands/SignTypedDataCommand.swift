import ArgumentParser
import SigilCLI
import SigilCore

struct SignTypedDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-typed-data",
        abstract: "Sign EIP-712 typed data (an eth_signTypedData_v4 JSON document).",
        discussion: """
        The domain and message fields are shown on stderr and confirmed on a terminal. With \
        --policy FILE the policy must allow messages ("allowMessages": true), else exit 5.

        Examples:
          sigil-signer sign-typed-data permit.json --from deployer
        """
    )

    @Argument(help: ArgumentHelp("The typed-data JSON file, or - for standard input.", valueName: "file"), completion: .file())
    var file: String

    @OptionGroup var signer: SignerOptions
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let bytes = try FileIO.read(file, limit: 4 << 20)
        let document = try TypedData(json: JSONParser.parse(bytes))
        let session = try SignerSession(signer)
        let key = try SigningKey(wallet)
        let fields = [("signer", key.address.checksummed)] + document.summary.map { ($0.path, $0.display) }
        StandardStreams.writeError(output.errorStyle.heading("Typed data (EIP-712):") + "\n" + OutputOptions.table(fields))
        let summary = fields.map { "\($0.0): \($0.1)" }
        let requestHash = Keccak256.hash(bytes)
        try session.approve(session.engine?.evaluateMessage(), question: "Sign this typed data?",
                            requestHash: requestHash, summary: summary)
        let signingKey = try key.unlock()
        let signature = try document.sign(with: signingKey)
        try session.record(requestHash, summary, "signed", document.signingHash)
        output.emit(line: signature.bytes.hexString, json: .object(SignatureText.fields(signature) + [
            ("address", .string(signingKey.address.checksummed)),
            ("digest", .string(document.signingHash.hexString)),
        ]))
    }
}
