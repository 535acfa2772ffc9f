#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a lock file (`flock(2)` with `LOCK_EX`).
///
/// The lock belongs to the open file description, so it excludes other processes and also
/// other `FileLock` instances in the same process (each opens the file anew). It is released
/// by `unlock()`, on deinit, or by the kernel when the process dies — a crashed holder never
/// leaves a stale lock behind. The lock file is created with mode 0600 inside a directory
/// created (or tightened) to 0700; its contents are never used.
public final class FileLock {
    /// The lock file's path.
    public let path: String
    private var fd: Int32

    /// Takes the lock, waiting as long as needed (`timeout: nil`) or at most `timeout`
    /// seconds (polling with `LOCK_NB` every few milliseconds); `timeout: 0` tries once.
    public init(path: String, timeout: Double? = nil) throws(JournalError) {
        self.path = path
        let directory = FileIO.directory(of: path)
        do {
            try FileIO.createDirectory(directory, mode: 0o700, enforceMode: true)
        } catch {
            throw JournalError.io(path: directory, reason: error.description)
        }
        let opened = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard opened >= 0 else { throw JournalError.io(path: path, reason: FileIO.errnoText()) }
        fd = opened
        do {
            try Self.acquire(fd: opened, path: path, timeout: timeout)
        } catch {
            Glibc.close(opened)
            fd = -1
            throw error
        }
    }

    private static func acquire(fd: Int32, path: String, timeout: Double?) throws(JournalError) {
        guard let timeout else {
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR { throw JournalError.io(path: path, reason: FileIO.errnoText()) }
            }
            return
        }
        let deadline = monotonicSeconds() + max(0, timeout)
        var pause: UInt32 = 1_000 // microseconds, growing to 20 ms
        while true {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
            let failure = errno
            if failure != EWOULDBLOCK && failure != EINTR {
                throw JournalError.io(path: path, reason: String(cString: strerror(failure)))
            }
            if monotonicSeconds() >= deadline { throw JournalError.lockTimeout(path: path, seconds: timeout) }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Whether the lock is still held by this instance.
    public var isHeld: Bool { fd >= 0 }

    /// Releases the lock (idempotent).
    public func unlock() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        Glibc.close(fd)
        fd = -1
    }

    deinit { unlock() }
}
