/// Strict hexadecimal encoding and decoding of byte strings.
///
/// Decoding never guesses: an odd number of digits, a non-hex character, a missing or
/// repeated `0x` prefix each produce a `HexError` that says what was wrong and where.
public enum Hex {
    /// Whether a `0x` prefix must, may or must not be present.
    public enum Prefix: Sendable {
        case required
        case optional
        case forbidden
    }

    /// Decodes `text` into bytes. Upper- and lower-case digits are both accepted.
    public static func decode(_ text: some StringProtocol, prefix: Prefix = .required) throws(HexError) -> [UInt8] {
        var utf8 = Substring(text).utf8[...]
        let hasPrefix = utf8.count >= 2 && utf8.first == UInt8(ascii: "0")
            && (utf8.dropFirst().first == UInt8(ascii: "x") || utf8.dropFirst().first == UInt8(ascii: "X"))
        switch (prefix, hasPrefix) {
        case (.required, false): throw .missingPrefix
        case (.forbidden, true): throw .unexpectedPrefix
        case (_, true): utf8 = utf8.dropFirst(2)
        default: break
        }
        if utf8.count >= 2, utf8.first == UInt8(ascii: "0"),
           utf8.dropFirst().first == UInt8(ascii: "x") || utf8.dropFirst().first == UInt8(ascii: "X") {
            throw .repeatedPrefix
        }
        let prefixLength = hasPrefix ? 2 : 0
        // Digits first, so that a stray non-ASCII character is named rather than miscounted.
        var offset = prefixLength
        for index in utf8.indices {
            if nibble(utf8[index]) == nil {
                let scalar = Substring(text).unicodeScalars[index...].first ?? Unicode.Scalar(utf8[index])
                throw .invalidDigit(Character(scalar), offset: offset)
            }
            offset += 1
        }
        guard utf8.count % 2 == 0 else { throw .oddLength(utf8.count) }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count / 2)
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            out.append(nibble(utf8[index])! << 4 | nibble(utf8[next])!)
            index = utf8.index(after: next)
        }
        return out
    }

    /// Decodes `text` and checks that it holds exactly `count` bytes.
    public static func decode(_ text: some StringProtocol, count: Int, prefix: Prefix = .required) throws(HexError) -> [UInt8] {
        let bytes = try decode(text, prefix: prefix)
        guard bytes.count == count else { throw .wrongLength(expected: count, actual: bytes.count) }
        return bytes
    }

    /// Encodes bytes as lower-case hex, with a `0x` prefix unless `prefix` is false.
    public static func encode(_ bytes: some Sequence<UInt8>, prefix: Bool = true) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.underestimatedCount * 2 + 2)
        if prefix { out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "x")) }
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c &- UInt8(ascii: "A") &+ 10
        default: return nil
        }
    }
}

/// Why a hex string was rejected.
public enum HexError: CategorizedError, Equatable {
    case missingPrefix
    case unexpectedPrefix
    case repeatedPrefix
    case oddLength(Int)
    case invalidDigit(Character, offset: Int)
    case wrongLength(expected: Int, actual: Int)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .missingPrefix: return "hex value must start with 0x"
        case .unexpectedPrefix: return "hex value must not start with 0x here"
        case .repeatedPrefix: return "hex value has the 0x prefix twice"
        case .oddLength(let n): return "hex value has an odd number of digits (\(n))"
        case .invalidDigit(let c, let offset):
            let shown = c.isASCII && !c.isWhitespace ? "'\(c)'" : "U+\(String(c.unicodeScalars.first!.value, radix: 16, uppercase: true))"
            return "invalid hex digit \(shown) at offset \(offset)"
        case .wrongLength(let expected, let actual): return "expected \(expected) bytes of hex, got \(actual)"
        }
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hex with a `0x` prefix.
    public var hexString: String { Hex.encode(self) }
}
