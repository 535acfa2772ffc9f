/// Text from outside (a peer's message, a file's content, a file name) made safe to show:
/// control characters are written out as escapes so that nothing a peer or a file sends can
/// move the cursor, clear the screen, set a window title or fake a line of Sigil's own output,
/// and the length is capped so that a peer cannot flood the terminal.
///
/// This is the one function every command uses for such text (errors, warnings, peer tables).
public enum DisplayText {
    /// The default cap, in characters, for one piece of outside text.
    public static let defaultLimit = 200

    /// `text` with every C0 control (U+0000–U+001F), DEL, C1 control (U+0080–U+009F) and
    /// bidirectional override (U+202A–U+202E, U+2066–U+2069) written as an escape: `\n`, `\r`,
    /// `\t` for the usual three (kept as they are with `multiline`, except `\r`), `\x1b` for other
    /// bytes below U+0100, `\u{202e}` above. An ESC sequence thus shows as `\x1b[2J`, inert.
    ///
    /// At most `limit` characters of the escaped form are kept (nil: no cap); the rest is
    /// replaced by `… (N more bytes)`, N counting the UTF-8 bytes of `text` left out.
    public static func escaped(_ text: String, limit: Int? = defaultLimit, multiline: Bool = false) -> String {
        escaped(text, limit: limit, multiline: multiline, bytesBeyond: 0)
    }

    /// Bytes read from a file or a socket, decoded as UTF-8 (invalid sequences as U+FFFD), then
    /// escaped and capped like `escaped(_:limit:)`; only the bytes that can be shown are decoded.
    public static func escaped(bytes: [UInt8], limit: Int? = defaultLimit) -> String {
        guard let limit, bytes.count > limit * 4 + 4 else {
            return escaped(String(decoding: bytes, as: UTF8.self), limit: limit)
        }
        let shown = limit * 4
        return escaped(String(decoding: bytes[..<shown], as: UTF8.self), limit: limit, multiline: false,
                       bytesBeyond: bytes.count - shown)
    }

    private static func escaped(_ text: String, limit: Int?, multiline: Bool, bytesBeyond: Int) -> String {
        var out = ""
        var kept = 0
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let piece = escape(scalars[index], multiline: multiline)
            if let limit, kept + piece.unicodeScalars.count > limit {
                let rest = text.utf8.distance(from: index, to: text.utf8.endIndex) + bytesBeyond
                return out + "… (\(rest) more bytes)"
            }
            out += piece
            kept += piece.unicodeScalars.count
            index = scalars.index(after: index)
        }
        if bytesBeyond > 0 { out += "… (\(bytesBeyond) more bytes)" }
        return out
    }

    /// Whether `text` would be shown differently by `escaped` (apart from the cap).
    public static func needsEscaping(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func escape(_ scalar: Unicode.Scalar, multiline: Bool) -> String {
        guard isControl(scalar) else { return String(scalar) }
        switch scalar {
        case "\n": return multiline ? "\n" : "\\n"
        case "\t": return multiline ? "\t" : "\\t"
        case "\r": return "\\r"
        default:
            let hex = String(scalar.value, radix: 16)
            if scalar.value < 0x100 { return "\\x" + (hex.count < 2 ? "0" : "") + hex }
            return "\\u{\(hex)}"
        }
    }
}
