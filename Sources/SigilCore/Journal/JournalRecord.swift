/// Where a journaled transaction stands. Set by whoever learns it (the broadcaster, a receipt
/// watcher); the journal only stores and folds it.
public enum JournalStatus: String, Sendable, CaseIterable {
    /// Journaled, not yet (known to be) broadcast.
    case pending
    /// At least one peer accepted it into its mempool.
    case accepted
    /// Every peer refused it outright, so it never entered a mempool.
    case rejected
    /// Included in a block and succeeded.
    case mined
    /// Included in a block and reverted (the nonce is spent).
    case reverted
    /// A later record with the same nonce supersedes it (a bump, a cancel).
    case replaced
    /// It vanished from the mempools without being included; its nonce is still unused.
    case dropped

    /// Whether a record in this state holds on to its nonce.
    ///
    /// A rejected transaction never entered any mempool and a dropped one left every mempool
    /// without being included, so in both cases the chain never spent the nonce: keeping it
    /// reserved would leave a gap that stalls every later transaction of the account. Every
    /// other state either spent the nonce (mined, reverted), may still spend it (pending,
    /// accepted), or shares it with the record that superseded it (replaced).
    public var reservesNonce: Bool { self != .rejected && self != .dropped }
}

/// One signed transaction as the journal stores it: everything needed to rebroadcast the very
/// same bytes, to bump or cancel it, and to tie it to a batch payout row.
public struct JournalRecord: Sendable, Equatable {
    public var nonce: UInt64
    /// The transaction hash (32 bytes).
    public var hash: [UInt8]
    /// The signed transaction exactly as broadcast: for a blob transaction, the network form
    /// with its sidecar when it was broadcast so (decode it with `SignedTransaction.decode`;
    /// `hash` is that of the plain form, as always).
    public var raw: [UInt8]
    /// The transaction type as the caller names it (e.g. "0x2").
    public var type: String
    /// The recipient, or nil for a contract creation.
    public var to: Address?
    public var value: U256
    /// `maxFeePerGas`, or `gasPrice` for legacy and access-list transactions.
    public var maxFeePerGas: U256
    /// `maxPriorityFeePerGas`; nil for legacy and access-list transactions.
    public var maxPriorityFeePerGas: U256?
    /// Unix seconds when the record was written.
    public var createdAt: Int64
    /// The peers (URLs or names) the transaction was or will be sent to.
    public var peers: [String]
    public var status: JournalStatus
    /// Ties the transaction to a payout row: "<batch name>#<row id>".
    public var batchKey: String?
    public var note: String?

    public init(
        nonce: UInt64, hash: [UInt8], raw: [UInt8], type: String, to: Address?, value: U256,
        maxFeePerGas: U256, maxPriorityFeePerGas: U256?, createdAt: Int64 = JournalRecord.now(),
        peers: [String] = [], status: JournalStatus = .pending, batchKey: String? = nil, note: String? = nil
    ) {
        self.nonce = nonce
        self.hash = hash
        self.raw = raw
        self.type = type
        self.to = to
        self.value = value
        self.maxFeePerGas = maxFeePerGas
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.createdAt = createdAt
        self.peers = peers
        self.status = status
        self.batchKey = batchKey
        self.note = note
    }

    /// The legacy name of `maxFeePerGas`.
    public var gasPrice: U256 { maxFeePerGas }

    /// The hash as 0x-prefixed hex.
    public var hashHex: String { Hex.encode(hash) }

    /// The current Unix time in seconds.
    public static func now() -> Int64 { Int64(time(nil)) }
}

#if canImport(Glibc)
import Glibc
#endif

/// The journal's line format: one compact JSON object per line, either a transaction record
/// (`"kind":"tx"`) or a status update (`"kind":"status"`) that names a hash. Integers that can
/// exceed 2^53 are written as decimal strings; bytes as 0x-hex.
enum JournalLine {
    case record(JournalRecord)
    case update(hash: [UInt8], status: JournalStatus, note: String?, at: Int64)

    func encoded() -> [UInt8] {
        let value: JSONValue
        switch self {
        case .record(let r):
            value = .object([
                ("kind", .string("tx")),
                ("nonce", .integer(r.nonce)),
                ("hash", .string(Hex.encode(r.hash))),
                ("raw", .string(Hex.encode(r.raw))),
                ("type", .string(r.type)),
                ("to", r.to.map { .string($0.checksummed) } ?? .null),
                ("value", .string(r.value.decimalString)),
                ("maxFeePerGas", .string(r.maxFeePerGas.decimalString)),
                ("maxPriorityFeePerGas", r.maxPriorityFeePerGas.map { .string($0.decimalString) } ?? .null),
                ("createdAt", .integer(r.createdAt)),
                ("peers", .array(r.peers.map { .string($0) })),
                ("status", .string(r.status.rawValue)),
                ("batchKey", r.batchKey.map { .string($0) } ?? .null),
                ("note", r.note.map { .string($0) } ?? .null),
            ])
        case .update(let hash, let status, let note, let at):
            value = .object([
                ("kind", .string("status")),
                ("hash", .string(Hex.encode(hash))),
                ("status", .string(status.rawValue)),
                ("note", note.map { .string($0) } ?? .null),
                ("at", .integer(at)),
            ])
        }
        // Compact JSON escapes every control character, so the only newline is the terminator:
        // a line that ends in "\n" was written completely.
        return Array(value.serialized().utf8) + [UInt8(ascii: "\n")]
    }

    /// Decodes one complete line; the error text says which field is wrong.
    static func decode(_ line: ArraySlice<UInt8>) throws(LineError) -> JournalLine {
        let json: JSONValue
        do { json = try JSONParser.parse(Array(line)) } catch { throw LineError(error.description) }
        guard json.objectValue != nil else { throw LineError("not a JSON object") }
        switch try string(json, "kind") {
        case "tx":
            let to: Address?
            if case .null? = json["to"] { to = nil } else {
                do { to = try Address(parsing: try string(json, "to")) } catch { throw LineError("field 'to': \(error)") }
            }
            let priority: U256? = json["maxPriorityFeePerGas"] == .null ? nil : try u256(json, "maxPriorityFeePerGas")
            let peers = try (json["peers"]?.arrayValue ?? []).map { (p: JSONValue) throws(LineError) -> String in
                guard let s = p.stringValue else { throw LineError("field 'peers' must hold strings") }
                return s
            }
            return .record(JournalRecord(
                nonce: try integer(json, "nonce"), hash: try bytes(json, "hash", count: 32),
                raw: try bytes(json, "raw", count: nil), type: try string(json, "type"), to: to,
                value: try u256(json, "value"), maxFeePerGas: try u256(json, "maxFeePerGas"),
                maxPriorityFeePerGas: priority, createdAt: Int64(bitPattern: try integer(json, "createdAt")),
                peers: peers, status: try status(json), batchKey: try optionalString(json, "batchKey"),
                note: try optionalString(json, "note")))
        case "status":
            return .update(hash: try bytes(json, "hash", count: 32), status: try status(json),
                           note: try optionalString(json, "note"), at: Int64(bitPattern: try integer(json, "at")))
        case let other:
            throw LineError("unknown kind '\(other)'")
        }
    }

    struct LineError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    private static func string(_ json: JSONValue, _ key: String) throws(LineError) -> String {
        guard let s = json[key]?.stringValue else { throw LineError("field '\(key)' must be a string") }
        return s
    }

    private static func optionalString(_ json: JSONValue, _ key: String) throws(LineError) -> String? {
        guard let value = json[key], value != .null else { return nil }
        guard let s = value.stringValue else { throw LineError("field '\(key)' must be a string or null") }
        return s
    }

    private static func integer(_ json: JSONValue, _ key: String) throws(LineError) -> UInt64 {
        guard case .number(let text)? = json[key] else { throw LineError("field '\(key)' must be a number") }
        if let n = UInt64(text) { return n }
        if let n = Int64(text) { return UInt64(bitPattern: n) }
        throw LineError("field '\(key)' is not an integer: \(text)")
    }

    private static func u256(_ json: JSONValue, _ key: String) throws(LineError) -> U256 {
        do { return try U256(decimal: try string(json, key)) } catch { throw LineError("field '\(key)': \(error)") }
    }

    private static func bytes(_ json: JSONValue, _ key: String, count: Int?) throws(LineError) -> [UInt8] {
        let text = try string(json, key)
        do {
            let decoded = try Hex.decode(text)
            if let count, decoded.count != count { throw LineError("field '\(key)' must be \(count) bytes") }
            return decoded
        } catch let error as LineError { throw error } catch { throw LineError("field '\(key)': \(error)") }
    }

    private static func status(_ json: JSONValue) throws(LineError) -> JournalStatus {
        let text = try string(json, "status")
        guard let status = JournalStatus(rawValue: text) else { throw LineError("unknown status '\(text)'") }
        return status
    }
}
