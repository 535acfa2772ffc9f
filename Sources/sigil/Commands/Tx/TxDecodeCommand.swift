import ArgumentParser
import SigilCLI
import SigilCore

struct TxDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a signed transaction of any type, or preview an unsigned request, offline.",
        discussion: """
        Shows the type, every field, the value in ether and fees in gwei, the sender recovered \
        from the signature, the hash, whether the signature is canonical (low s), and the decoded \
        call when the selector is a known one (ERC-20, ERC-721, ERC-1155, WETH, multicall). Blob \
        transactions are read in either form (with or without the blobs).

        An unsigned request is previewed as the signers show it ("signed: no", then every \
        field): a request file in any shape 'sigil sign tx' reads (sigil.unsigned-tx/1, a \
        JSON-RPC transaction object, an eth-account dict), cast's --raw-unsigned hex, or the \
        unsigned bytes. With --json: {"signed": false, "signingHash", "rawUnsigned", "request", "preview"}.

        With --batch FILE, each line of FILE is a raw transaction; one line of output each: \
        "<hash> <sender>" (or one JSON object per line with --json), in input order. If any \
        line fails, nothing is printed: the error names the first bad line ("FILE line N: …") \
        and exits 65 for bytes that do not decode, 3 for a signature that gives no sender.

        Examples:
          sigil tx decode 0x02f8…
          sigil tx decode signed.json --json
          sigil tx decode request.json
          sigil tx decode --batch raws.txt > senders.txt
        """
    )

    @Argument(help: ArgumentHelp("Raw signed transaction or unsigned request: 0x-hex, a file, or - for standard input.", valueName: "raw"))
    var raw: String?

    @Option(name: .long, help: ArgumentHelp("A file with one raw transaction per line (- for standard input).", valueName: "file"),
            completion: .file())
    var batch: String?

    @Option(name: .long, help: "With --batch: decoding threads (default: all cores).") var threads: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (raw != nil) != (batch != nil) else { throw ValidationError("give a raw transaction or --batch FILE (one of them)") }
    }

    func run() throws {
        if let batch { return try decodeBatch(batch) }
        switch try DecodableTransaction.read(raw!) {
        case .signed(let signed):
            let presenter = TransactionPresenter(signed)
            output.emit(presenter.lines, json: presenter.json)
        case .unsigned(let request):
            RequestSigning.installCallDecoder()
            let preview = TransactionPreview(request)
            let unsigned = try request.rawUnsigned()
            let hash = Keccak256.hash(unsigned).hexString
            output.emit([("signed", "no (an unsigned request)"), ("signingHash", hash)]
                        + preview.lines.map { ($0.label, $0.value) } + preview.warnings.map { ("Warning", $0) },
                        json: .object([("signed", .bool(false)), ("signingHash", .string(hash)), ("rawUnsigned", .string(unsigned.hexString)),
                                       ("request", RequestFile.json(request)), ("preview", preview.json)]))
        }
    }

    private func decodeBatch(_ path: String) throws {
        let bytes = try FileIO.read(path, limit: LineBatch.maximumInputSize)
        let json = output.json
        do {
            StandardStreams.write(try LineBatch.map(bytes, threads: threads ?? LineBatch.defaultThreads) { line in
                let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
                let transaction = try SignedTransaction.decode(Hex.decode(text))
                // As in `recover tx`: bytes that decode but whose signature gives no sender
                // (high s, no curve point) are a verification failure, not malformed input.
                let sender: String
                do { sender = try transaction.recoverSender().checksummed } catch {
                    throw CommandFailure(.verificationFailed, "invalid transaction signature: \(error)")
                }
                let hash = transaction.hash.hexString
                return json ? JSONValue.object([("hash", .string(hash)), ("from", .string(sender))]).serialized() : "\(hash) \(sender)"
            })
        } catch {
            throw error.commandFailure(path: path)
        }
    }
}

struct TxHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the hash of a signed transaction (keccak256 of its canonical bytes).",
        discussion: """
        Examples:
          sigil tx hash 0x02f8…
        """
    )

    @Argument(help: ArgumentHelp("Raw signed transaction: 0x-hex, a file, or - for standard input.", valueName: "raw"))
    var raw: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let hash = try SignedTransaction.decode(RawTransactionInput.bytes(raw)).hash.hexString
        output.emit(line: hash, json: .object([("hash", .string(hash))]))
    }
}
