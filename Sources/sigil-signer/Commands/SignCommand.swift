import ArgumentParser
import SigilCLI
import SigilCore

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign an unsigned transaction request: a sigil, JSON-RPC or eth-account JSON file, or cast --raw-unsigned hex.",
        discussion: """
        The request is checked in full first (unknown or missing fields, chain id 0, gas \
        limits, fees: exit 65), and a request whose "from" is not the chosen key is refused \
        (exit 3), before anything is shown. The signer then decodes the request itself and \
        shows it on stderr, From included; call data it cannot decode is shown in full. On a \
        terminal it asks for confirmation (answering no exits 9); with --policy FILE the policy \
        decides first (a refusal exits 5), and --yes (only with --policy) skips the question. \
        Off a terminal a policy is required, and with one the signer signs what the policy \
        allows without asking (--yes is not needed). Every decision is appended to the audit log.

        The key: --from ACCOUNT, --private-key-file FILE (- for standard input), or, with \
        neither, the keystore account whose address is the request's "from" (no "from" and \
        no --from is a usage error, exit 64). With --from and a "from", they must agree (exit \
        3). A keystore account is unlocked once, only after the confirmation; a private key \
        file is read once, before the preview.

        Prints the signed raw transaction (hex), or {"raw","hash","from"} with --json; -o writes \
        it to a new file (never overwritten) that 'sigil broadcast' reads as it is.

        \(RequestSigning.formatHelp)

        Examples:
          sigil-signer sign request.json --from deployer -o signed.json --json
          sigil-signer sign request.json --private-key-file key.hex --policy policy.json --yes
          cast mktx … --raw-unsigned | sigil-signer sign - --from deployer --policy policy.toml
          sigil-signer sign web3-tx.json --policy policy.json
        """
    )

    @Argument(help: ArgumentHelp("The request file, raw-unsigned hex, or - for standard input.", valueName: "request"))
    var request: String

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the result to this new file.", valueName: "file"),
            completion: .file())
    var outputFile: String?

    @OptionGroup var signer: SignerOptions
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        RequestSigning.installCallDecoder()
        try SignerOutput.checkFree(outputFile)
        let loaded = try RequestSigning.load(request)
        try RequestSigning.check(loaded, signer: nil)
        let session = try SignerSession(signer)
        let key = try SigningKey(wallet, requestFrom: loaded.from)
        try RequestSigning.check(loaded, signer: key.address)
        let preview = TransactionPreview(loaded, signer: key.address)
        StandardStreams.writeError(output.errorStyle.highlightingWarnings(preview.text) + "\n")
        let summary = preview.lines.map { "\($0.label): \($0.value)" } + preview.warnings.map { "Warning: \($0)" }
        let requestHash = Keccak256.hash(Array(RequestFile.serialize(loaded).utf8))
        let state = try session.ledger.load()
        try session.approve(session.engine?.evaluate(request: loaded, state: state), question: "Sign this transaction?",
                            requestHash: requestHash, summary: summary)
        let signingKey = try key.unlock()
        let signed = try RequestSigning.sign(loaded, with: signingKey)
        // The daily total counts every signature, with or without a policy in force now.
        let engine = session.engine ?? PolicyEngine(policy: SigningPolicy())
        try session.record(requestHash, summary, "signed", signed.hash, state: engine.recording(loaded, in: state))
        let text = output.json ? RequestSigning.json(signed, from: signingKey.address).serialized(pretty: true) : signed.rawBytes.hexString
        try SignerOutput.write(text, to: outputFile)
    }
}
