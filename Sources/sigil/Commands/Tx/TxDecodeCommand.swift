import ArgumentParser
import SigilCLI
import SigilCore

struct TxDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Decode a signed transaction of any type, offline: every field, the sender, the call.",
        discussion: """
        Shows the type, every field, the value in ether and fees in gwei, the sender recovered \
        from the signature, the hash, whether the signature is canonical (low s), and the decoded \
        call when the selector is a known one (ERC-20, ERC-721, ERC-1155, WETH, multicall). Blob \
        transactions are read in either form (with or without the blobs).

        With --batch FILE, each line of FILE is a raw transaction; one line of output each: \
        "<hash> <sender>" (or one JSON object per line with --json).

        Examples:
          sigil tx decode 0x02f8…
          sigil tx decode signed.json --json
          sigil tx decode --batch raws.txt > senders.txt
        """
    )

    @Argument(help: ArgumentHelp("Raw signed transaction: 0x-hex, a file, or - for standard input.", valueName: "raw"))
    var raw: String?

    @Option(name: .long, help: ArgumentHelp("A file with one raw transaction per line (- for standard input).", valueName: "file"),
            completion: .file())
    var batch: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard (raw != nil) != (batch != nil) else { throw ValidationError("give a raw transaction or --batch FILE (one of them)") }
    }

    func run() throws {
        if let batch { return try decodeBatch(batch) }
        let presenter = TransactionPresenter(try SignedTransaction.decode(RawTransactionInput.bytes(raw!)))
        output.emit(presenter.lines, json: presenter.json)
    }

    private func decodeBatch(_ path: String) throws {
        let bytes = try FileIO.read(path, limit: 1 << 30)
        var out = ""
        out.reserveCapacity(bytes.count / 2)
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self).trimmingWhitespace()
            if text.isEmpty { continue }
            let transaction: SignedTransaction
            let sender: Address
            do {
                transaction = try SignedTransaction.decode(Hex.decode(text))
                sender = try transaction.recoverSender()
            } catch {
                throw CommandFailure(.invalidInput, "\(path == "-" ? "standard input" : path) line \(lineNumber): \(error)")
            }
            let hash = transaction.hash.hexString
            out += output.json
                ? JSONValue.object([("hash", .string(hash)), ("from", .string(sender.checksummed))]).serialized() + "\n"
                : "\(hash) \(sender.checksummed)\n"
            if out.utf8.count > 1 << 20 { StandardStreams.write(out); out = "" }
        }
        StandardStreams.write(out)
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
