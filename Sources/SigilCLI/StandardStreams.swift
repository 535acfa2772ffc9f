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

    private static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}
