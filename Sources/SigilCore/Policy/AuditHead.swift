/// Where the audit log ends: how many lines it holds and the keccak256 of the last one.
///
/// The hash chain shows an edited, deleted or reordered line by the line after it, so it
/// cannot show a change to the last line or lines removed from the end. The signer therefore
/// records the head in the state file beside the log (`<log>.state`, written under the same
/// lock as the log) after every append; `audit verify` compares the log with it, and an
/// append refuses a log whose last line is not the one recorded.
public struct AuditHead: Sendable, Equatable {
    /// The number of lines (entries).
    public var count: Int
    /// keccak256 of the last line's bytes (without its newline); `AuditLog.genesis` when empty.
    public var hash: [UInt8]

    public init(count: Int, hash: [UInt8]) {
        self.count = count
        self.hash = hash
    }

    /// The head of an empty log.
    public static let empty = AuditHead(count: 0, hash: AuditLog.genesis)

    /// Refuses a log whose chain is intact (`actual`) but that does not end where this
    /// recorded head says, naming the first line that differs.
    public func check(actual: AuditHead) throws(AuditLogError) {
        if actual.count < count {
            let missing = count - actual.count
            throw AuditLogError(line: actual.count + 1,
                "the log has \(actual.count) entries but the signer recorded \(count): "
                + "the last \(missing == 1 ? "line was" : "\(missing) lines were") deleted")
        }
        if actual.count > count {
            throw AuditLogError(line: count + 1,
                "the log has \(actual.count) entries but the signer recorded \(count): "
                + "line \(count + 1) onwards were not written by the signer (or it stopped before recording them)")
        }
        if actual.hash != hash {
            throw AuditLogError(line: count,
                "line \(count), the last, is not the line the signer wrote (its hash differs from the recorded head): it was edited")
        }
    }

    /// The two state-file members: `"auditCount"` (a decimal string) and `"auditHead"` (hex).
    public var jsonMembers: [(String, JSONValue)] {
        [("auditCount", .string(String(count))), ("auditHead", .string(hash.hexString))]
    }

    /// Reads the two state-file members; nil when they are malformed.
    public init?(count countValue: JSONValue?, hash hashValue: JSONValue?) {
        guard case .string(let countText)? = countValue, let count = Int(countText), count >= 0,
              case .string(let hashText)? = hashValue, hashText.hasPrefix("0x"),
              let hash = try? Hex.decode(hashText), hash.count == 32 else { return nil }
        self.init(count: count, hash: hash)
    }
}
