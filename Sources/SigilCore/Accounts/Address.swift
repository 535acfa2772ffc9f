/// A 20-byte Ethereum account address.
///
/// Parsing is strict: `0x` and exactly 40 hex digits; all-lower and all-upper case are taken
/// as unchecksummed, and mixed case must be a correct EIP-55 checksum. It prints checksummed.
public struct Address: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 20 bytes.
    public let bytes: [UInt8]

    /// The address 0x0000000000000000000000000000000000000000.
    public static let zero = Address(validated: [UInt8](repeating: 0, count: 20))

    /// An address from exactly 20 bytes.
    public init(bytes: [UInt8]) throws(AddressError) {
        guard bytes.count == 20 else { throw .invalidByteCount(bytes.count) }
        self.bytes = bytes
    }

    init(validated bytes: [UInt8]) {
        precondition(bytes.count == 20)
        self.bytes = bytes
    }

    /// Parses `0x` followed by 40 hex digits, checking the EIP-55 checksum of mixed-case text.
    public init(parsing text: String) throws(AddressError) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 2, scalars[0] == "0", scalars[1] == "x" else { throw .missingPrefix }
        var out = [UInt8]()
        out.reserveCapacity(20)
        var hasLower = false, hasUpper = false
        var pending: UInt8 = 0
        for (offset, scalar) in scalars.enumerated().dropFirst(2) {
            guard scalar.isASCII, let nibble = Hex.nibble(UInt8(scalar.value)) else {
                throw .invalidDigit(Character(scalar), offset: offset)
            }
            if ("a"..."f").contains(scalar) { hasLower = true }
            if ("A"..."F").contains(scalar) { hasUpper = true }
            if offset % 2 == 0 { pending = nibble << 4 } else { out.append(pending | nibble) }
        }
        guard scalars.count == 42 else { throw .invalidLength(digits: scalars.count - 2) }
        let address = Address(validated: out)
        if hasLower && hasUpper {
            let expected = address.checksummed
            guard expected.unicodeScalars.elementsEqual(scalars) else { throw .badChecksum(expected: expected) }
        }
        self = address
    }

    /// The EIP-55 mixed-case checksum form: a hex letter is upper case when the matching
    /// nibble of keccak256(lower-case hex without 0x) is 8 or more.
    public var checksummed: String {
        let lower = Array(Hex.encode(bytes, prefix: false).utf8)
        let hash = Keccak256.hash(lower)
        var out: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        out.reserveCapacity(42)
        for (i, c) in lower.enumerated() {
            let nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0x0F
            out.append(c >= UInt8(ascii: "a") && nibble >= 8 ? c - 32 : c)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { checksummed }

    public static func < (lhs: Address, rhs: Address) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}

/// Why an address was rejected.
public enum AddressError: CategorizedError, Equatable {
    /// The text did not start with `0x`.
    case missingPrefix
    /// The text did not have exactly 40 hex digits after `0x`.
    case invalidLength(digits: Int)
    /// A character that is not a hex digit, at this offset (counted from the start, `0x` included).
    case invalidDigit(Character, offset: Int)
    /// Mixed case that is not the EIP-55 checksum; `expected` is the correct form.
    case badChecksum(expected: String)
    /// Raw bytes that are not 20 long.
    case invalidByteCount(Int)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .missingPrefix: return "address must start with 0x"
        case .invalidLength(let n): return "address must have 40 hex digits after 0x, got \(n)"
        case .invalidDigit(let c, let offset):
            let shown = c.isASCII && !c.isWhitespace
                ? "'\(c)'" : "U+\(String(c.unicodeScalars.first!.value, radix: 16, uppercase: true))"
            return "invalid hex digit \(shown) at offset \(offset) in address"
        case .badChecksum(let expected):
            return "address has an invalid EIP-55 checksum (mixed case); the checksummed form is \(expected)"
        case .invalidByteCount(let n): return "address must be 20 bytes, got \(n)"
        }
    }
}
