import SigilCore

/// Turns a command's data argument into bytes, the way `cast` does: an argument that starts
/// with 0x is hex, anything else is UTF-8 text; `-` reads standard input (byte for byte, so a
/// trailing newline counts; hex on stdin may be surrounded by whitespace).
public enum ByteInput {
    public static func bytes(from argument: String, forceText: Bool) throws -> [UInt8] {
        if argument == "-" {
            let raw = try FileIO.read("-")
            if !forceText, raw.starts(with: Array("0x".utf8)) || raw.starts(with: Array("0X".utf8)) {
                let text = String(decoding: raw, as: UTF8.self).trimmingWhitespace()
                return try Hex.decode(text)
            }
            return raw
        }
        if !forceText, argument.hasPrefix("0x") || argument.hasPrefix("0X") {
            return try Hex.decode(argument)
        }
        return Array(argument.utf8)
    }
}

extension ByteInput {
    /// Hex bytes from an argument, or from standard input with `-` (surrounding whitespace ignored).
    public static func hex(from argument: String) throws -> [UInt8] {
        if argument == "-" {
            return try Hex.decode(String(decoding: FileIO.read("-"), as: UTF8.self).trimmingWhitespace())
        }
        return try Hex.decode(argument)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingWhitespace() -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
