#if canImport(Glibc)
import Glibc
#endif

/// Cryptographically secure random bytes from the operating system.
///
/// On Linux this is `getrandom(2)` with no flags: it blocks only until the kernel's pool has
/// been initialised once after boot, and never returns predictable bytes afterwards.
public enum SystemRandom {
    /// `count` fresh random bytes, held in a `SecureBytes` so that they are wiped when released.
    ///
    /// Interrupted calls (`EINTR`) and short reads are retried until the buffer is full. Any
    /// other failure means the system cannot provide randomness, and the process stops rather
    /// than continue with weak keys.
    public static func bytes(_ count: Int) -> SecureBytes {
        precondition(count >= 0, "SystemRandom.bytes: negative count")
        let out = SecureBytes(count: count)
        out.withUnsafeMutableBytes { buffer in
            fill(buffer)
        }
        return out
    }

    /// Fills `buffer` completely with random bytes.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var filled = 0
        while filled < buffer.count {
            let result = sigil_getrandom(base + filled, buffer.count - filled, 0)
            if result > 0 {
                filled += result
            } else if result < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            } else {
                fatalError("getrandom(2) failed (errno \(errno)): no secure randomness available")
            }
        }
    }
}

/// `ssize_t getrandom(void *buf, size_t buflen, unsigned int flags)` from glibc ≥ 2.25.
///
/// Swift's Glibc module does not include <sys/random.h>, so the symbol is bound by name. The
/// arguments (a pointer, a size and a 32-bit integer) and the result are passed identically by
/// the Swift and C calling conventions on the platforms Sigil supports (x86-64, AArch64).
@_silgen_name("getrandom")
private func sigil_getrandom(_ buffer: UnsafeMutableRawPointer, _ length: Int, _ flags: UInt32) -> Int
