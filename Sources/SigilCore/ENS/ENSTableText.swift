/// Decodes the compact text of `ENSNormalizationTables` (format described in
/// scripts/generate-ens-tables.py): hex numbers, `,` between entries, `+` for a run, `:` between
/// a key and its values, `.` inside a sequence, `;` between records, `|` between fields.
/// Whitespace is ignored. The text is generated, so malformed input is a programming error.
struct ENSTableText {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = text.utf8.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: " ") }
    }

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = Array(bytes)
    }

    /// The text split at `separator` (an empty text gives no parts).
    func parts(_ separator: Character) -> [ENSTableText] {
        guard !bytes.isEmpty else { return [] }
        let byte = separator.asciiValue!
        return bytes.split(separator: byte, omittingEmptySubsequences: false).map { ENSTableText(bytes: $0) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    var number: UInt32 { Self.hex(bytes[...]) }

    /// A `.`-separated sequence of code points.
    var sequence: [UInt32] {
        guard !bytes.isEmpty else { return [] }
        return bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { Self.hex($0) }
    }

    /// Gap/extra ranges (see the generator) as a set.
    var codePointSet: ENSCodePointSet {
        var ranges: [ClosedRange<UInt32>] = []
        var cursor: UInt32 = 0
        for token in bytes.split(separator: UInt8(ascii: ",")) {
            let pieces = token.split(separator: UInt8(ascii: "+"), omittingEmptySubsequences: false)
            let start = cursor + Self.hex(pieces[0])
            let end = start + (pieces.count > 1 ? Self.hex(pieces[1]) : 0)
            ranges.append(start...end)
            cursor = end + 1
        }
        return ENSCodePointSet(sortedRanges: ranges)
    }

    /// Key-gap entries (see the generator) as a dictionary.
    var codePointMap: [UInt32: [UInt32]] {
        var map: [UInt32: [UInt32]] = [:]
        var key: UInt32 = 0
        for entry in parts(",") {
            let fields = entry.parts(":")
            key += fields[0].number
            map[key] = fields[1].sequence
        }
        return map
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt32 {
        var value: UInt32 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(digit - UInt8(ascii: "a") + 10)
            default: preconditionFailure("ENS tables: bad hex digit \(digit)")
            }
        }
        return value
    }
}
