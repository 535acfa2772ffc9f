/// One line of a signer preview: where a value is in the document and how to show it.
public struct TypedDataSummaryLine: Sendable, Equatable {
    /// E.g. `domain.chainId`, `message.to`.
    public let path: String
    /// The value as text: integers in decimal, addresses checksummed, bytes in hex, strings
    /// quoted with control and bidirectional-override characters escaped, structs as
    /// `Type {field: value, ...}` and arrays as `[a, b]`; always in full, never shortened
    /// (a signer must not sign what it did not show).
    public let display: String
}

extension TypedData {
    /// The domain fields, then the top-level message fields, for a signer to review.
    public var summary: [TypedDataSummaryLine] {
        var lines: [TypedDataSummaryLine] = []
        for (root, value) in [("domain", domain), ("message", message)] {
            guard case .structure(_, let members)? = value else { continue }
            for (name, member) in members {
                lines.append(TypedDataSummaryLine(path: "\(root).\(name)", display: TypedDataDisplay.render(member)))
            }
        }
        return lines
    }
}

/// Rendering of typed-data values and user text for terminals.
enum TypedDataDisplay {
    static func render(_ value: TypedDataValue) -> String {
        var out = ""
        write(value, to: &out)
        return out
    }

    private static func write(_ value: TypedDataValue, to out: inout String) {
        switch value {
        case .integer(_, let decimal): out += decimal
        case .bool(let flag): out += flag ? "true" : "false"
        case .address(let address): out += address.checksummed
        case .fixedBytes(let bytes), .bytes(let bytes):
            out += Hex.encode(bytes)
        case .string(let text): out += "\"" + escaped(text) + "\""
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                write(item, to: &out)
            }
            out += "]"
        case .structure(let name, let members):
            out += escaped(name) + " {"
            for (index, (field, member)) in members.enumerated() {
                if index > 0 { out += ", " }
                out += escaped(field) + ": "
                write(member, to: &out)
            }
            out += "}"
        }
    }

    /// `text` with characters that could disguise what a terminal shows replaced by
    /// `\u{XXXX}`: C0 and C1 controls, DEL, zero-width characters, bidirectional controls,
    /// line and paragraph separators and the byte-order mark. Also `"` and `\`.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let hidden = v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v)
                || (0x2028...0x202E).contains(v) || (0x2060...0x2069).contains(v) || v == 0xFEFF || v == 0x061C
            if hidden {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else if scalar == "\"" || scalar == "\\" {
                out += "\\" + String(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
