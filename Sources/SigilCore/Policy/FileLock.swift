#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a lock file, released by `unlock()` or on deinit.
/// Serializes signer processes that share an audit log and its state.
public final class FileLock: @unchecked Sendable {
    private var fd: Int32

    /// Opens (creating, mode 0600) `path` and waits for the exclusive lock.
    public init(path: String) throws(FileError) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: path, reason: .io(String(cString: strerror(errno)))) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let text = String(cString: strerror(errno))
            close(fd)
            throw FileError(path: path, reason: .io(text))
        }
        self.fd = fd
    }

    /// Releases the lock (closing the file).
    public func unlock() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { unlock() }
}
