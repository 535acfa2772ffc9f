import ArgumentParser
import SigilCore

/// `verify receipt FILE [--block-hash 0x…]`, shared by `sigil` and `sigil-signer`: checks a
/// receipt proof bundle fully offline and prints what it proves. Exit 0 when it verifies, 3
/// when it does not, 65 when the file is malformed.
public struct VerifyReceiptCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Check a receipt proof (from `sigil tx proof`) offline: the transaction is in that block, with that receipt.",
        discussion: """
        Checks, with no network: the header hashes to the block hash; the block's transactions \
        rebuild its transactionsRoot and its receipts its receiptsRoot; the transaction at the \
        index hashes to the transaction hash; every receipt's bloom matches its logs. It proves \
        inclusion in that block; that the block is on the chain you care about is what \
        --block-hash pins (a hash you took from a source you trust). Any byte changed in the \
        file is refused. Exit 0 when it verifies, 3 when it does not, 65 when malformed.

        Examples:
          sigil verify receipt proof.json
          sigil verify receipt proof.json --block-hash 0x… --json
        """
    )

    @Argument(help: ArgumentHelp("The proof file (- for standard input).", valueName: "file"), completion: .file())
    var file: String
    @Option(name: .long, help: ArgumentHelp("The block hash the proof must be for.", valueName: "hash")) var blockHash: String?
    @OptionGroup var output: OutputOptions

    public init() {}

    public func run() throws {
        let pinned = try blockHash.map { text -> [UInt8] in
            guard let hash = try? Hex.decode(text, count: 32) else { throw CommandFailure(.usage, "--block-hash must be a 0x-prefixed 32-byte hash") }
            return hash
        }
        let bytes = try FileIO.read(file)
        let proved = try ReceiptProofBundle.parse(bytes).verify(pinned: pinned)
        let status = proved.succeeded ? "1 (success)" : "0 (REVERTED)"
        let logs = proved.receipt.logs
        var fields: [(String, String)] = [
            ("valid", "transaction \(Hex.encode(proved.transactionHash)) is at index \(proved.transactionIndex) of block \(proved.header.number)"),
            ("block hash", Hex.encode(proved.blockHash) + (pinned == nil ? "  (not pinned: give --block-hash to tie it to a chain)" : "  (pinned)")),
            ("status", status), ("gas used", String(proved.gasUsed)), ("logs", String(logs.count)),
        ]
        if let sender = proved.sender { fields.insert(("from", sender.checksummed), at: 2) }
        output.emit(fields, json: .object([
            ("valid", .bool(true)), ("transactionHash", .string(Hex.encode(proved.transactionHash))),
            ("blockNumber", .string(String(proved.header.number))), ("blockHash", .string(Hex.encode(proved.blockHash))),
            ("pinned", .bool(pinned != nil)), ("transactionIndex", .integer(proved.transactionIndex)),
            ("from", proved.sender.map { .string($0.checksummed) } ?? .null),
            ("status", proved.succeeded ? .integer(1) : .integer(0)), ("gasUsed", .string(String(proved.gasUsed))),
            ("logs", .array(logs.map { log in
                .object([("address", .string(log.address.checksummed)), ("topics", .array(log.topics.map { .string(Hex.encode($0)) })),
                         ("data", .string(Hex.encode(log.data)))])
            })),
        ]))
    }
}
