#if canImport(Glibc)
import Glibc
#endif

/// The per-account record of every signed transaction, written before it is broadcast.
///
/// Files: `<directory>/<chain id>/<address, lower case>.jsonl`, guarded by the lock file of the
/// same name plus `.lock` (see `FileLock`). Both are created 0600 in 0700 directories.
///
/// The journal is append-only: each line is a complete JSON object written with one `write(2)`
/// on an `O_APPEND` descriptor and then `fsync`ed (a broadcast's outcome excepted: see
/// `updateStatus(durable:)`; the next fsync of the file carries it), so a crash can at worst leave the last line
/// without its newline. Such a torn line is ignored when reading and cut off before the next
/// append (both under the lock); a complete line that does not parse is real corruption and is
/// reported, never skipped, since a lost record could mean a double payment.
///
/// Every read or write happens inside `withLock`, so separate processes (eight concurrent
/// `sigil send`s) see each other's records and pick consecutive nonces.
public struct TransactionJournal: Sendable {
    public let chainId: U256
    public let address: Address
    /// The journal file.
    public let path: String
    /// The lock file.
    public let lockPath: String

    public init(directory: String, chainId: U256, address: Address) {
        self.chainId = chainId
        self.address = address
        let base = "\(directory)/\(chainId.decimalString)/\(Hex.encode(address.bytes))"
        path = base + ".jsonl"
        lockPath = base + ".jsonl.lock"
    }

    /// Runs `body` while holding the journal's lock, with the journal read and folded.
    ///
    /// `timeout` bounds the wait for another process's lock (nil: wait indefinitely). The
    /// session must not be used after `body` returns.
    public func withLock<T>(timeout: Double? = nil, _ body: (inout JournalSession) throws -> T) throws -> T {
        let lock = try FileLock(path: lockPath, timeout: timeout)
        defer { lock.unlock() }
        let fd = Glibc.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw JournalError.io(path: path, reason: FileIO.errnoText()) }
        let handle = JournalSession.Handle(fd: fd)
        defer { handle.close() }
        var session = JournalSession(path: path, handle: handle)
        try session.load()
        // What this session read and wrote is left for the next one in this process, so a long
        // batch never re-reads the journal: each lock costs what was appended since the last.
        defer { session.keepInCache() }
        return try body(&session)
    }
}

/// The journal's contents while its lock is held: records folded with their status updates,
/// in the order they were written.
public struct JournalSession {
    final class Handle {
        var fd: Int32
        init(fd: Int32) { self.fd = fd }
        func close() {
            if fd >= 0 { Glibc.close(fd); fd = -1 }
        }
    }

    /// The journal file.
    public let path: String
    private let handle: Handle
    private var folded: [JournalRecord] = []
    private var indexByHash: [[UInt8]: Int] = [:]
    private var indicesByNonce: [UInt64: [Int]] = [:]
    private var indicesByBatchKey: [String: [Int]] = [:]
    /// The file's identity, the length read or written so far and its line count (for the cache).
    private var device: UInt64 = 0
    private var inode: UInt64 = 0
    private var offset: off_t = 0
    private var lines = 0

    init(path: String, handle: Handle) {
        self.path = path
        self.handle = handle
    }

    // MARK: Reading

    /// Every transaction record, with its latest status, in the order written.
    public func records() -> [JournalRecord] { folded }

    /// The records that use `nonce` (an original and its bumps or cancel), oldest first.
    public func records(nonce: UInt64) -> [JournalRecord] { (indicesByNonce[nonce] ?? []).map { folded[$0] } }

    /// The most recent record for `nonce`, the one that superseded the others.
    public func latest(nonce: UInt64) -> JournalRecord? { indicesByNonce[nonce]?.last.map { folded[$0] } }

    /// The record with this hash.
    public func record(hash: [UInt8]) -> JournalRecord? { indexByHash[hash].map { folded[$0] } }

    /// Every record tied to a batch row, oldest first.
    public func records(forBatchKey key: String) -> [JournalRecord] {
        (indicesByBatchKey[key] ?? []).map { folded[$0] }
    }

    /// The record that stands for a batch row: the most recent one that still holds its nonce,
    /// or else the most recent one; nil if the row was never journaled.
    public func record(forBatchKey key: String) -> JournalRecord? {
        let all = records(forBatchKey: key)
        return all.last { $0.status.reservesNonce } ?? all.last
    }

    /// The nonce for the next new transaction.
    ///
    /// Nonces below `pendingFromPeers` (the highest "pending" transaction count the peers
    /// report) are spent on chain or in a mempool. Above it, a nonce is reserved by the journal
    /// while any of its records has a status that `reservesNonce` (rejected and dropped do not:
    /// the chain never spent that nonce). A *replaced* record keeps its nonce reserved because
    /// the later record with the same nonce that superseded it uses it.
    ///
    /// The result is the smallest unreserved nonce at or above `pendingFromPeers`. When the
    /// reserved nonces have no gap this is max(pendingFromPeers, 1 + highest reserved nonce);
    /// when a rejected or dropped transaction left a gap below later ones, the gap is filled
    /// first, because until it is, none of the later transactions can be included.
    public func nextNonce(pendingFromPeers: UInt64) -> UInt64 {
        // Walks up from pendingFromPeers through the nonces the journal reserves: the cost is
        // the number of journaled nonces above the peers' count, not the journal's length.
        var nonce = pendingFromPeers
        while let indices = indicesByNonce[nonce], indices.contains(where: { folded[$0].status.reservesNonce }) { nonce += 1 }
        return nonce
    }

    // MARK: Writing

    /// Appends a transaction record (durably, before the caller broadcasts it).
    public mutating func append(_ record: JournalRecord) throws(JournalError) {
        guard record.hash.count == 32 else { throw .invalidRecord("hash must be 32 bytes, got \(record.hash.count)") }
        guard !record.raw.isEmpty else { throw .invalidRecord("raw transaction is empty") }
        guard indexByHash[record.hash] == nil else { throw .duplicateHash(record.hashHex) }
        try write(JournalLine.record(record).encoded())
        insert(record)
    }

    /// Records a new status (and optionally a note) for the transaction with `hash`.
    ///
    /// `durable: false` skips the `fsync` (the line is still written, so another process and a
    /// killed one see it; only a power loss can lose it): for what a later run can find out
    /// again from the chain, such as a broadcast's outcome. A lost update leaves the record
    /// `pending`, which `sigil tx status` and a batch rerun settle by asking the peers.
    public mutating func updateStatus(hash: [UInt8], status: JournalStatus, note: String? = nil,
                                      durable: Bool = true) throws(JournalError) {
        guard let index = indexByHash[hash] else { throw .unknownHash(Hex.encode(hash)) }
        try write(JournalLine.update(hash: hash, status: status, note: note, at: JournalRecord.now()).encoded(), durable: durable)
        folded[index].status = status
        if let note { folded[index].note = note }
    }

    private mutating func write(_ line: [UInt8], durable: Bool = true) throws(JournalError) {
        let fd = handle.fd
        guard fd >= 0 else { throw .sessionClosed }
        let before = lseek(fd, 0, SEEK_END)
        var written = 0
        repeat {
            written = line.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        if written != line.count {
            let reason = written < 0 ? FileIO.errnoText() : "short write (disk full?)"
            if before >= 0 { _ = ftruncate(fd, before) }
            throw .io(path: path, reason: reason)
        }
        guard !durable || fsync(fd) == 0 else { throw .io(path: path, reason: FileIO.errnoText()) }
        offset = before + off_t(line.count)
        lines += 1
    }

    // MARK: Loading

    /// Reads and folds the file; cuts off a torn last line (we hold the lock, so no writer is
    /// in the middle of it).
    mutating func load() throws(JournalError) {
        let fd = handle.fd
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, reason: FileIO.errnoText()) }
        // The journal is append-only, so what this process already parsed of this very file
        // (same device and inode, not longer than the file) is resumed instead of re-read:
        // without this, every lock would re-parse everything and a long batch would be quadratic.
        var offset: off_t = 0
        var lineBase = 0
        // Taken, not copied: the session then owns its arrays and appends without copying them.
        if let cached = JournalCache.shared.take(path: path, device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
           cached.offset <= info.st_size {
            folded = cached.folded
            indexByHash = cached.indexByHash
            indicesByNonce = cached.indicesByNonce
            indicesByBatchKey = cached.indicesByBatchKey
            offset = cached.offset
            lineBase = cached.lines
        }
        let start = offset
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: FileIO.errnoText())
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            offset += off_t(n)
        }
        let complete = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        if complete < bytes.count {
            guard ftruncate(fd, start + off_t(complete)) == 0, fsync(fd) == 0 else {
                throw .io(path: path, reason: FileIO.errnoText())
            }
        } else if bytes.isEmpty && start == 0 {
            // A new journal: make its directory entry durable too.
            let dirFD = Glibc.open(FileIO.directory(of: path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dirFD >= 0 { fsync(dirFD); Glibc.close(dirFD) }
        }
        let read = try fold(bytes[0..<complete], lineBase: lineBase)
        (device, inode, self.offset, lines) = (UInt64(info.st_dev), UInt64(info.st_ino), start + off_t(complete), lineBase + read)
    }

    /// Leaves the folded state for the next session of this process (see `load`).
    mutating func keepInCache() {
        guard handle.fd >= 0 else { return }
        JournalCache.shared.store(path: path, state: JournalCache.State(
            device: device, inode: inode, offset: offset, lines: lines,
            folded: folded, indexByHash: indexByHash, indicesByNonce: indicesByNonce, indicesByBatchKey: indicesByBatchKey))
        (folded, indexByHash, indicesByNonce, indicesByBatchKey) = ([], [:], [:], [:])
    }

    private mutating func insert(_ record: JournalRecord) {
        let index = folded.count
        folded.append(record)
        indexByHash[record.hash] = index
        indicesByNonce[record.nonce, default: []].append(index)
        if let key = record.batchKey { indicesByBatchKey[key, default: []].append(index) }
    }

    /// Folds complete lines into the state; returns how many lines it read.
    @discardableResult
    private mutating func fold(_ bytes: ArraySlice<UInt8>, lineBase: Int = 0) throws(JournalError) -> Int {
        var lineNumber = lineBase
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
            lineNumber += 1
            let parsed: JournalLine
            do { parsed = try JournalLine.decode(line) } catch {
                throw .corrupt(path: path, line: lineNumber, reason: error.reason)
            }
            switch parsed {
            case .record(let record):
                guard indexByHash[record.hash] == nil else {
                    throw .corrupt(path: path, line: lineNumber, reason: "repeats transaction \(record.hashHex)")
                }
                insert(record)
            case .update(let hash, let status, let note, _):
                // Updates are only ever written for a journaled hash; a stray one changes nothing.
                guard let index = indexByHash[hash] else { continue }
                folded[index].status = status
                if let note { folded[index].note = note }
            }
        }
        return lineNumber - lineBase
    }
}

/// What this process has already parsed of each journal file (see `JournalSession.load`).
/// Entries are only read and written while the journal's file lock is held.
final class JournalCache: @unchecked Sendable {
    struct State {
        let device: UInt64
        let inode: UInt64
        let offset: off_t
        let lines: Int
        let folded: [JournalRecord]
        let indexByHash: [[UInt8]: Int]
        let indicesByNonce: [UInt64: [Int]]
        let indicesByBatchKey: [String: [Int]]
    }

    static let shared = JournalCache()
    private var states: [String: State] = [:]
    private var mutex = pthread_mutex_t()

    private init() { pthread_mutex_init(&mutex, nil) }

    /// Removes and returns the state of `path` if it is of this very file.
    func take(path: String, device: UInt64, inode: UInt64) -> State? {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        guard let state = states.removeValue(forKey: path), state.device == device, state.inode == inode else { return nil }
        return state
    }

    func store(path: String, state: State) {
        pthread_mutex_lock(&mutex)
        states[path] = state
        pthread_mutex_unlock(&mutex)
    }
}
