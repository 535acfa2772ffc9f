/// Why the transaction journal could not be used or changed.
public enum JournalError: CategorizedError, Equatable {
    /// A file operation failed.
    case io(path: String, reason: String)
    /// Another process held the lock for longer than the allowed wait.
    case lockTimeout(path: String, seconds: Double)
    /// A complete (newline-terminated) line that is not a valid record: real corruption, not a
    /// torn write, so the journal refuses to guess.
    case corrupt(path: String, line: Int, reason: String)
    /// A record with this transaction hash is already in the journal.
    case duplicateHash(String)
    /// A status update names a transaction the journal does not hold.
    case unknownHash(String)
    /// A record that cannot be written (for example a hash that is not 32 bytes).
    case invalidRecord(String)
    /// The session was used after `withLock` returned.
    case sessionClosed

    public var category: ErrorCategory {
        switch self {
        case .io: .system
        case .lockTimeout: .timedOut
        case .corrupt, .invalidRecord, .duplicateHash: .invalidInput
        case .unknownHash: .notFound
        case .sessionClosed: .system
        }
    }

    public var description: String {
        switch self {
        case .io(let path, let reason): "journal '\(path)': \(reason)"
        case .lockTimeout(let path, let seconds):
            "journal lock '\(path)' is held by another process; gave up after \(seconds) s"
        case .corrupt(let path, let line, let reason): "journal '\(path)' line \(line) is corrupt: \(DisplayText.escaped(reason))"
        case .duplicateHash(let hash): "journal already holds transaction \(hash)"
        case .unknownHash(let hash): "journal holds no transaction \(hash)"
        case .invalidRecord(let reason): "invalid journal record: \(DisplayText.escaped(reason))"
        case .sessionClosed: "journal session used after its lock was released"
        }
    }
}
