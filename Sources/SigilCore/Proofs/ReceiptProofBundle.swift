/// A self-contained proof that a transaction was included in a block, with its receipt:
/// the block header (RLP), every transaction and receipt of the block (the values of its
/// transactions and receipts tries) and the transaction's index. Checked fully offline by
/// `verify()`; `sigil tx proof` writes it, `sigil verify receipt` and `sigil-signer verify
/// receipt` check it. Schema: docs/receipt-proof.md.
///
/// The file must be exactly as `serialized()` writes it (canonical JSON, lowercase hex), so
/// any byte changed in it is refused, not silently normalized.
public struct ReceiptProofBundle: Sendable, Equatable {
    public static let format = "sigil.receipt-proof/1"

    public var transactionHash: [UInt8]
    public var blockNumber: UInt64
    public var blockHash: [UInt8]
    public var header: [UInt8]
    public var transactionIndex: Int
    public var transactions: [[UInt8]]
    public var receipts: [[UInt8]]

    public init(transactionHash: [UInt8], blockNumber: UInt64, blockHash: [UInt8], header: [UInt8], transactionIndex: Int,
                transactions: [[UInt8]], receipts: [[UInt8]]) {
        self.transactionHash = transactionHash
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.header = header
        self.transactionIndex = transactionIndex
        self.transactions = transactions
        self.receipts = receipts
    }

    public var json: JSONValue {
        .object([
            ("format", .string(Self.format)),
            ("transactionHash", .string(Hex.encode(transactionHash))),
            ("blockNumber", .string(String(blockNumber))),
            ("blockHash", .string(Hex.encode(blockHash))),
            ("transactionIndex", .integer(transactionIndex)),
            ("header", .string(Hex.encode(header))),
            ("transactions", .array(transactions.map { .string(Hex.encode($0)) })),
            ("receipts", .array(receipts.map { .string(Hex.encode($0)) })),
        ])
    }

    /// The file's text: pretty JSON and a final newline.
    public func serialized() -> String { json.serialized(pretty: true) + "\n" }

    /// Reads a bundle; refuses anything that is not exactly what `serialized()` writes.
    public static func parse(_ bytes: [UInt8]) throws(ProofBundleError) -> ReceiptProofBundle {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes) } catch { throw .malformed("not JSON: \(error.description)") }
        guard case .object(let members) = json else { throw .malformed("expected a JSON object") }
        let known = ["format", "transactionHash", "blockNumber", "blockHash", "transactionIndex", "header", "transactions", "receipts"]
        if let unknown = members.first(where: { !known.contains($0.0) }) { throw .malformed("unknown field '\(unknown.0)'") }
        guard json["format"]?.stringValue == format else { throw .malformed("format must be \"\(format)\"") }
        func hex(_ key: String, count: Int? = nil) throws(ProofBundleError) -> [UInt8] {
            guard let text = json[key]?.stringValue else { throw .malformed("missing field '\(key)'") }
            return try decode(text, field: key, count: count)
        }
        func list(_ key: String) throws(ProofBundleError) -> [[UInt8]] {
            guard case .array(let items)? = json[key] else { throw .malformed("'\(key)' must be an array of hex strings") }
            var out: [[UInt8]] = []
            for (index, item) in items.enumerated() {
                guard let text = item.stringValue else { throw .malformed("'\(key)[\(index)]' must be a hex string") }
                out.append(try decode(text, field: "\(key)[\(index)]", count: nil))
            }
            return out
        }
        guard let numberText = json["blockNumber"]?.stringValue, let number = UInt64(numberText) else {
            throw .malformed("'blockNumber' must be a decimal string")
        }
        guard case .number(let indexText)? = json["transactionIndex"], let index = Int(indexText), index >= 0 else {
            throw .malformed("'transactionIndex' must be a non-negative integer")
        }
        let bundle = ReceiptProofBundle(transactionHash: try hex("transactionHash", count: 32), blockNumber: number,
                                        blockHash: try hex("blockHash", count: 32), header: try hex("header"), transactionIndex: index,
                                        transactions: try list("transactions"), receipts: try list("receipts"))
        guard Array(bundle.serialized().utf8) == bytes else {
            throw .malformed("the file is not in the canonical form Sigil writes (was it edited?)")
        }
        return bundle
    }

    private static func decode(_ text: String, field: String, count: Int?) throws(ProofBundleError) -> [UInt8] {
        guard text.hasPrefix("0x"), !text.utf8.contains(where: { (0x41...0x46).contains($0) }),
              let bytes = try? Hex.decode(text), count.map({ $0 == bytes.count }) ?? true else {
            throw .malformed("'\(field)' must be lowercase 0x-hex\(count.map { " of \($0) bytes" } ?? "")")
        }
        return bytes
    }
}

/// What a receipt proof establishes, once every check passed.
public struct ProvedInclusion: Sendable, Equatable {
    public let header: BlockHeader
    public let blockHash: [UInt8]
    public let transactionHash: [UInt8]
    public let transactionIndex: Int
    public let receipt: Receipt
    /// Gas used by the transaction alone.
    public let gasUsed: UInt64
    /// The sender recovered from the transaction's signature.
    public let sender: Address?

    public var succeeded: Bool {
        if case .status(let ok) = receipt.outcome { return ok }
        return true
    }
}

extension ReceiptProofBundle {
    /// Checks everything offline: the header hashes to `blockHash` (and to `pinned`, if given)
    /// and has `blockNumber`; the transactions rebuild transactionsRoot and the receipts
    /// receiptsRoot; the transaction at the index hashes to `transactionHash`; every receipt's
    /// bloom matches its logs.
    public func verify(pinned: [UInt8]? = nil) throws(ProofBundleError) -> ProvedInclusion {
        let decoded: BlockHeader
        do { decoded = try BlockHeader(rlp: header) } catch { throw .invalid("the header does not decode: \(error.description)") }
        guard decoded.hash == blockHash else { throw .invalid("the header does not hash to blockHash") }
        if let pinned, pinned != blockHash {
            throw .invalid("the block is \(Hex.encode(blockHash)), not the pinned \(Hex.encode(pinned))")
        }
        guard decoded.number == blockNumber else { throw .invalid("blockNumber \(blockNumber) is not the header's \(decoded.number)") }
        guard MerklePatriciaTrie.orderedRoot(transactions) == decoded.transactionsRoot else {
            throw .invalid("the transactions do not rebuild the header's transactionsRoot")
        }
        guard MerklePatriciaTrie.orderedRoot(receipts) == decoded.receiptsRoot else {
            throw .invalid("the receipts do not rebuild the header's receiptsRoot")
        }
        guard transactions.count == receipts.count else { throw .invalid("\(transactions.count) transactions but \(receipts.count) receipts") }
        guard transactionIndex < transactions.count else { throw .invalid("transactionIndex \(transactionIndex) is past the block's transactions") }
        guard Keccak256.hash(transactions[transactionIndex]) == transactionHash else {
            throw .invalid("the transaction at index \(transactionIndex) does not hash to transactionHash")
        }
        var previousGas: UInt64 = 0
        var gasUsed: UInt64 = 0
        var found: Receipt? = nil
        for (index, encoded) in receipts.enumerated() {
            let receipt: Receipt
            do { receipt = try Receipt(encoded: encoded) } catch { throw .invalid("receipt \(index) does not decode: \(error.description)") }
            guard receipt.bloomMatchesLogs else { throw .invalid("receipt \(index): its bloom does not match its logs") }
            guard receipt.cumulativeGasUsed >= previousGas else { throw .invalid("receipt \(index): cumulative gas decreases") }
            if index == transactionIndex { found = receipt; gasUsed = receipt.cumulativeGasUsed - previousGas }
            previousGas = receipt.cumulativeGasUsed
        }
        let sender = try? SignedTransaction.decode(transactions[transactionIndex]).recoverSender(acceptingHighS: true)
        return ProvedInclusion(header: decoded, blockHash: blockHash, transactionHash: transactionHash, transactionIndex: transactionIndex,
                               receipt: found!, gasUsed: gasUsed, sender: sender)
    }
}

/// A receipt proof that is malformed (exit 65) or does not check out (exit 3).
public enum ProofBundleError: CategorizedError, Equatable {
    case malformed(String)
    case invalid(String)

    public var category: ErrorCategory {
        switch self {
        case .malformed: .invalidInput
        case .invalid: .verificationFailed
        }
    }

    public var description: String {
        switch self {
        case .malformed(let reason): "receipt proof: \(reason)"
        case .invalid(let reason): "receipt proof does not verify: \(reason)"
        }
    }
}
