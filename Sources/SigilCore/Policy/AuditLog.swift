#if canImport(Glibc)
import Glibc
#endif

/// One line of the signer's audit log.
public struct AuditEntry: Sendable, Equatable {
    /// Unix time in seconds.
    public var time: Int64
    /// keccak256 of the canonical request (or of the message / the typed-data digest).
    public var requestHash: [UInt8]
    /// The preview lines shown for the request.
    public var summary: [String]
    /// `signed`, `refused: <rule>` or `declined`.
    public var decision: String
    /// The signed transaction's hash (or the digest signed for a message); nil when not signed.
    public var signedHash: [UInt8]?

    public init(time: Int64, requestHash: [UInt8], summary: [String], decision: String, signedHash: [UInt8]?) {
        self.time = time
        self.requestHash = requestHash
        self.summary = summary
        self.decision = decision
        self.signedHash = signedHash
    }

    /// The JSON line (without the newline) chained to the line whose hash is `prev`.
    public func line(prev: [UInt8]) -> String {
        JSONValue.object([
            ("time", .integer(time)),
            ("requestHash", .string(requestHash.hexString)),
            ("summary", .array(summary.map { .string($0) })),
            ("decision", .string(decision)),
            ("signedHash", signedHash.map { .string($0.hexString) } ?? .null),
            ("prev", .string(prev.hexString)),
        ]).serialized()
    }
}

/// An append-only, hash-chained JSON Lines log: each line's `prev` is the keccak256 of the
/// exact bytes of the line before it (without its newline), 32 zero bytes for the first, so
/// editing, deleting or reordering lines breaks the chain at the line after the change.
/// Editing the last line or removing lines at the end is only visible against the recorded
/// head (`AuditHead`, kept in the state file by the caller). Appends use `O_APPEND`, one
/// `write` per line and `fsync`; the caller serializes writers with a `FileLock`.
public struct AuditLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The `prev` of the first line.
    public static let genesis = [UInt8](repeating: 0, count: 32)

    /// Appends `entry`, chained to the current last line, and returns the new head.
    ///
    /// With a `recorded` head, the log's last line must be the one recorded (else nothing is
    /// written: the log was changed outside the signer). Without one (a new state file), the
    /// whole log is verified first to learn its head.
    @discardableResult
    public func append(_ entry: AuditEntry, after recorded: AuditHead? = nil) throws -> AuditHead {
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: path, reason: .io(String(cString: strerror(errno)))) }
        defer { close(fd) }
        let prev = try Self.lastLineHash(fd, path: path)
        let base = try head(endingWith: prev, recorded: recorded)
        let line = Array(entry.line(prev: prev).utf8)
        let bytes = line + [0x0A]
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: .io(String(cString: strerror(errno))))
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw FileError(path: path, reason: .io(String(cString: strerror(errno)))) }
        return AuditHead(count: base.count + 1, hash: Keccak256.hash(line))
    }

    /// Refuses a log that does not end at the `recorded` head, before anything is shown or
    /// signed (`append` checks again under the same lock). A missing log is an empty one.
    public func checkEnd(_ recorded: AuditHead?) throws {
        guard let recorded else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 && errno == ENOENT {
            _ = try head(endingWith: Self.genesis, recorded: recorded)
            return
        }
        guard fd >= 0 else { throw FileError(path: path, reason: .io(String(cString: strerror(errno)))) }
        defer { close(fd) }
        _ = try head(endingWith: Self.lastLineHash(fd, path: path), recorded: recorded)
    }

    /// The head of the log whose last line hashes to `last`: `recorded` when it ends there
    /// (else an error), or, with nothing recorded, what verifying the whole log finds.
    private func head(endingWith last: [UInt8], recorded: AuditHead?) throws -> AuditHead {
        if let recorded {
            guard recorded.hash == last else {
                throw AuditLogError(line: nil, "'\(path)' does not end with the line the signer recorded last "
                    + "(edited, deleted or added outside the signer); check it with 'sigil-signer audit verify'")
            }
            return recorded
        }
        if last == Self.genesis { return .empty }
        let verified = try Self.verify(FileIO.read(path, limit: 1 << 30))
        return AuditHead(count: verified.count, hash: verified.head)
    }

    /// keccak256 of the last complete line, or `genesis` for an empty file.
    private static func lastLineHash(_ fd: Int32, path: String) throws -> [UInt8] {
        let size = Int(lseek(fd, 0, SEEK_END))
        guard size > 0 else { return genesis }
        var window = 4096
        while true {
            let start = max(0, size - window)
            var buffer = [UInt8](repeating: 0, count: size - start)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, $0.count, off_t(start)) }
            guard n == buffer.count else { throw FileError(path: path, reason: .io("short read")) }
            guard buffer.last == 0x0A else {
                throw AuditLogError(line: nil, "'\(path)' ends with an incomplete line; check it with 'sigil-signer audit verify'")
            }
            let body = buffer.dropLast()
            if let newline = body.lastIndex(of: 0x0A) {
                return Keccak256.hash(Array(body[(newline + 1)...]))
            }
            if start == 0 { return Keccak256.hash(Array(body)) }
            window *= 4
        }
    }

    /// Checks the chain of a whole log: the count of lines and the hash of the last one
    /// (to record elsewhere), or the first line that breaks the chain.
    public static func verify(_ bytes: [UInt8]) throws(AuditLogError) -> (count: Int, head: [UInt8]) {
        var prev = genesis
        var count = 0
        var start = 0
        while start < bytes.count {
            count += 1
            guard let end = bytes[start...].firstIndex(of: 0x0A) else {
                throw AuditLogError(line: count, "line \(count) is incomplete (no newline)")
            }
            let line = Array(bytes[start..<end])
            try check(line, number: count, prev: prev)
            prev = Keccak256.hash(line)
            start = end + 1
        }
        return (count, prev)
    }

    /// Checks the chain, then that the log ends where `recorded` says (see `AuditHead`).
    public static func verify(_ bytes: [UInt8], recorded: AuditHead) throws(AuditLogError) -> (count: Int, head: [UInt8]) {
        let result = try verify(bytes)
        try recorded.check(actual: AuditHead(count: result.count, hash: result.head))
        return result
    }

    private static let keys = ["time", "requestHash", "summary", "decision", "signedHash", "prev"]

    private static func check(_ line: [UInt8], number: Int, prev: [UInt8]) throws(AuditLogError) {
        guard let json = try? JSONParser.parse(line), case .object(let members) = json,
              members.map(\.0) == keys, case .string(let prevText)? = json["prev"],
              let stated = try? Hex.decode(prevText) else {
            throw AuditLogError(line: number, "line \(number) is not an audit entry")
        }
        guard stated == prev else {
            let what = number == 1 ? "the log's start (lines deleted before it?)"
                : "line \(number - 1) (a line edited, deleted or reordered)"
            throw AuditLogError(line: number, "line \(number) does not chain to \(what)")
        }
    }
}

/// An audit log whose hash chain is broken, or that cannot be appended to.
public struct AuditLogError: CategorizedError, Equatable {
    /// The first line (1-based) that breaks the chain, if any.
    public let line: Int?
    public let message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var category: ErrorCategory { .verificationFailed }
    public var description: String { "audit log broken: " + message }
}
