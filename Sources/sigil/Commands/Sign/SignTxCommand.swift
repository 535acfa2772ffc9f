import ArgumentParser
import SigilCLI
import SigilCore

struct SignTxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Sign an unsigned transaction request: a sigil, JSON-RPC or eth-account JSON file, or cast --raw-unsigned hex.",
        discussion: """
        Prints the signed raw transaction (hex), or {"raw","hash","from"} with --json; -o writes \
        it to a new file atomically. A request whose "from" is not the chosen key is refused \
        (exit 3). On a terminal the decoded request is shown and confirmed first (--yes skips). \
        The key: --from, --private-key-file (- for standard input), or, with neither, the \
        keystore account whose address is the request's "from"; it is read or unlocked once.

        --batch FILE signs one request per line (any JSON shape, or raw-unsigned hex) with one \
        key unlock, printing one signed transaction per line in input order (blank lines are \
        skipped). It is all or \
        nothing: if any line is refused, nothing is printed or written, and the error names the \
        first bad line ("FILE line N: …") with that line's exit status.

        \(RequestSigning.formatHelp)

        Examples:
          sigil sign tx request.json --from deployer -o signed.json --json
          sigil sign tx 0x02f0… --private-key-file key.hex
          sigil sign tx --batch requests.jsonl --from ops > signed.txt
        """
    )

    @Argument(help: ArgumentHelp("The request file, raw-unsigned hex, or - for standard input.", valueName: "request"))
    var request: String?

    @Option(name: .long, help: ArgumentHelp("Sign every request in a JSON Lines file.", valueName: "file"), completion: .file())
    var batch: String?

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the result to this new file.", valueName: "file"),
            completion: .file())
    var outputFile: String?

    @Option(name: .long, help: "With --batch: signing threads (default: all cores).") var threads: Int?
    @Flag(name: .long, help: "Do not ask for confirmation on a terminal.") var yes = false
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (request != nil) != (batch != nil) else { throw ValidationError("give a request or --batch FILE (one of them)") }
    }

    func run() throws {
        RequestSigning.installCallDecoder()
        if let batch { return try signBatch(batch) }
        let loaded = try RequestSigning.load(request!)
        try RequestSigning.check(loaded, signer: nil)
        let signer = try SigningKey(wallet, requestFrom: loaded.from)
        try RequestSigning.check(loaded, signer: signer.address)
        if StandardStreams.stdinIsTerminal && StandardStreams.stderrIsTerminal && !yes {
            let preview = TransactionPreview(loaded, signer: signer.address)
            StandardStreams.writeError(preview.text + (preview.text.hasSuffix("\n") ? "" : "\n"))
            guard TerminalPrompt.confirm("Sign this transaction?") else { throw CommandFailure(.declined, "not signed") }
        }
        let key = try signer.unlock()
        let signed = try RequestSigning.sign(loaded, with: key)
        let text = output.json ? RequestSigning.json(signed, from: key.address).serialized(pretty: true) : signed.rawBytes.hexString
        if let outputFile {
            try FileIO.writeAtomically(outputFile, Array((text + "\n").utf8), mode: 0o644)
        } else {
            StandardStreams.write(text + "\n")
        }
    }

    private func signBatch(_ path: String) throws {
        let bytes = try FileIO.read(path, limit: LineBatch.maximumInputSize)
        let key = try wallet.makeSigner()
        let json = output.json
        let out: String
        do {
            out = try LineBatch.map(bytes, threads: threads ?? LineBatch.defaultThreads) { line in
                let signed = try RequestSigning.sign(RequestReader.read(Array(line)), with: key)
                return json ? RequestSigning.json(signed, from: key.address).serialized() : signed.rawBytes.hexString
            }
        } catch {
            throw error.commandFailure(path: path)
        }
        if let outputFile {
            try FileIO.writeAtomically(outputFile, Array(out.utf8), mode: 0o644)
        } else {
            StandardStreams.write(out)
        }
    }
}
