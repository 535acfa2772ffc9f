/// A transaction receipt in its consensus encoding, the value the receipts trie stores.
///
/// Legacy (type 0): RLP([statusOrRoot, cumulativeGasUsed, logsBloom, logs]). Typed (EIP-2718,
/// types 1 to 4): the type byte followed by that RLP. Before Byzantium the first field is the
/// 32-byte post-transaction state root; since then (EIP-658) it is the status, empty for
/// failure and 0x01 for success.
public struct Receipt: Sendable, Equatable {
    /// What the first field holds.
    public enum Outcome: Sendable, Equatable {
        /// EIP-658 status: true for success.
        case status(Bool)
        /// Pre-Byzantium: the 32-byte state root after the transaction.
        case stateRoot([UInt8])
    }

    /// 0 for legacy (plain RLP), 1...4 for typed receipts.
    public var type: UInt8
    public var outcome: Outcome
    public var cumulativeGasUsed: UInt64
    /// 256 bytes.
    public var logsBloom: [UInt8]
    public var logs: [Log]

    public init(type: UInt8, outcome: Outcome, cumulativeGasUsed: UInt64, logsBloom: [UInt8], logs: [Log]) {
        self.type = type
        self.outcome = outcome
        self.cumulativeGasUsed = cumulativeGasUsed
        self.logsBloom = logsBloom
        self.logs = logs
    }

    /// Decodes a consensus encoding strictly: canonical RLP, nothing after it, the status
    /// empty or 0x01 (or a 32-byte root), a canonical 64-bit gas figure, a 256-byte bloom and
    /// well-formed logs. Re-encoding gives the input back.
    public init(encoded: [UInt8]) throws(ReceiptError) {
        guard let first = encoded.first else { throw .emptyInput }
        let type: UInt8
        let body: [UInt8]
        if first >= 0xc0 {
            type = 0
            body = encoded
        } else if (1...4).contains(first) {
            type = first
            body = Array(encoded.dropFirst())
        } else {
            throw .unsupportedType(first)
        }
        let fields: [RLPItem]
        do {
            guard case .list(let items) = try RLP.decode(body) else { throw ReceiptError.wrongShape("a byte string") }
            fields = items
        } catch let error as RLPError {
            throw .invalidRLP(error.description)
        } catch let error as ReceiptError {
            throw error
        } catch {
            throw .invalidRLP("\(error)")
        }
        guard fields.count == 4 else { throw .wrongShape("a list of \(fields.count) items") }
        guard let statusBytes = fields[0].bytesValue else { throw .invalidField(name: "status", problem: "a list") }
        let outcome: Outcome
        switch statusBytes {
        case []: outcome = .status(false)
        case [1]: outcome = .status(true)
        case let root where root.count == 32: outcome = .stateRoot(root)
        default: throw .invalidField(name: "status", problem: "\(statusBytes.count) bytes; expected empty, 0x01 or a 32-byte state root")
        }
        let gas: UInt64
        do {
            gas = try fields[1].uint64()
        } catch {
            throw .invalidField(name: "cumulativeGasUsed", problem: error.description)
        }
        guard let bloom = fields[2].bytesValue, bloom.count == 256 else {
            throw .invalidField(name: "logsBloom", problem: "not 256 bytes")
        }
        guard let logItems = fields[3].listValue else { throw .invalidField(name: "logs", problem: "not a list") }
        var logs = [Log]()
        logs.reserveCapacity(logItems.count)
        for (index, item) in logItems.enumerated() { logs.append(try Log(item: item, index: index)) }
        self.init(type: type, outcome: outcome, cumulativeGasUsed: gas, logsBloom: bloom, logs: logs)
    }

    /// The consensus encoding (the receipts-trie value): RLP for legacy, type || RLP otherwise.
    public var encoded: [UInt8] {
        let first: RLPItem
        switch outcome {
        case .status(let success): first = .bytes(success ? [1] : [])
        case .stateRoot(let root): first = .bytes(root)
        }
        var out = [UInt8]()
        if type != 0 { out.append(type) }
        RLP.encode(.list([first, .uint(cumulativeGasUsed), .bytes(logsBloom), .list(logs.map(\.rlpItem))]), into: &out)
        return out
    }

    /// Whether `logsBloom` is exactly the bloom of `logs`.
    public var bloomMatchesLogs: Bool { Receipt.bloom(of: logs) == logsBloom }

    /// The 2048-bit logs bloom (256 bytes) of `logs`: for the address and each topic, the
    /// three bits named by the low 11 bits of the first three byte pairs of its Keccak-256.
    public static func bloom(of logs: [Log]) -> [UInt8] {
        var bloom = [UInt8](repeating: 0, count: 256)
        func add(_ bytes: [UInt8]) {
            let hash = Keccak256.hash(bytes)
            for pair in stride(from: 0, to: 6, by: 2) {
                let bit = (Int(hash[pair]) << 8 | Int(hash[pair + 1])) & 2047
                bloom[255 - bit / 8] |= 1 << UInt8(bit % 8)
            }
        }
        for log in logs {
            add(log.address.bytes)
            for topic in log.topics { add(topic) }
        }
        return bloom
    }
}
