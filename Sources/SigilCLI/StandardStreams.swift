#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to the standard streams, and terminal detection, without Foundation.
public enum StandardStreams {
    public static func write(_ text: String) { writeAll(1, text) }
    public static func writeError(_ text: String) { writeAll(2, text) }

    public static var stdinIsTerminal: Bool { isatty(0) == 1 }
    public static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    public static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Writes bytes to stdout unchanged (a file passed through as it is).
    public static func write(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { writeAll(1, $0) } }

    private static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { writeAll(fd, $0) }
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, base + offset, buffer.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}
