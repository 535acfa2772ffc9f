/// What a vanity address must look like: hex digits at the start and/or end of its 40 digits.
///
/// Matching ignores case unless `checksumCase` is set; then every letter of the pattern must
/// also appear in exactly that case in the EIP-55 checksummed address (digits have no case).
/// The digit test is a masked comparison of the 20 address bytes; the checksum (a second
/// Keccak-256) is computed only for addresses whose digits already match.
public struct VanityPattern: Sendable, Equatable {
    /// The prefix digits as given (without a leading `0x`).
    public let prefix: String
    /// The suffix digits as given.
    public let suffix: String
    /// Whether letters must match the EIP-55 checksum case.
    public let checksumCase: Bool

    /// Masks and values over the address bytes 0–7, 8–15 (as little-endian loads) and 16–19.
    private let mask0: UInt64, value0: UInt64
    private let mask1: UInt64, value1: UInt64
    private let mask2: UInt32, value2: UInt32
    /// For `checksumCase`: (digit position 0–39, must be upper case) of each pattern letter.
    private let letters: [CaseRequirement]

    struct CaseRequirement: Sendable, Equatable {
        let position: Int
        let upper: Bool
    }

    /// A pattern from hex digits. `prefix` may start with `0x`. Throws for a character that is
    /// not a hex digit, more than 40 digits in all, or an empty pattern.
    public init(prefix: String, suffix: String, checksumCase: Bool) throws(VanityError) {
        var prefixScalars = Array(prefix.unicodeScalars)
        if prefixScalars.count >= 2, prefixScalars[0] == "0", prefixScalars[1] == "x" || prefixScalars[1] == "X" {
            prefixScalars.removeFirst(2)
        }
        let suffixScalars = Array(suffix.unicodeScalars)
        let total = prefixScalars.count + suffixScalars.count
        guard total <= 40 else { throw .tooLong(digits: total) }
        guard total > 0 else { throw .emptyPattern }

        var bytes = [UInt8](repeating: 0, count: 20), masks = [UInt8](repeating: 0, count: 20)
        var letters = [CaseRequirement]()
        func place(_ scalars: [Unicode.Scalar], from start: Int, field: VanityError.Field) throws(VanityError) {
            for (i, scalar) in scalars.enumerated() {
                guard scalar.isASCII, let nibble = Hex.nibble(UInt8(scalar.value)) else {
                    throw .invalidCharacter(Character(scalar), field: field, offset: i)
                }
                let position = start + i
                let shift: UInt8 = position % 2 == 0 ? 4 : 0
                bytes[position / 2] |= nibble << shift
                masks[position / 2] |= 0x0F << shift
                if nibble >= 10 { letters.append(CaseRequirement(position: position, upper: scalar.value < 0x61)) }
            }
        }
        try place(prefixScalars, from: 0, field: .prefix)
        try place(suffixScalars, from: 40 - suffixScalars.count, field: .suffix)

        func word(_ b: [UInt8], _ from: Int, _ count: Int) -> UInt64 {
            var w: UInt64 = 0
            for i in 0..<count { w |= UInt64(b[from + i]) << (8 * UInt64(i)) }
            return w
        }
        self.prefix = String(String.UnicodeScalarView(prefixScalars))
        self.suffix = suffix
        self.checksumCase = checksumCase
        mask0 = word(masks, 0, 8); value0 = word(bytes, 0, 8)
        mask1 = word(masks, 8, 8); value1 = word(bytes, 8, 8)
        mask2 = UInt32(word(masks, 16, 4)); value2 = UInt32(word(bytes, 16, 4))
        self.letters = checksumCase ? letters : []
    }

    /// How many hex digits the pattern fixes.
    public var digitCount: Int { prefix.unicodeScalars.count + suffix.unicodeScalars.count }

    /// The mean number of addresses to try: 16 per digit, and 2 more per letter whose case
    /// must match the checksum.
    public var expectedTries: Double {
        var tries = 1.0
        for _ in 0..<digitCount { tries *= 16 }
        for _ in letters { tries *= 2 }
        return tries
    }

    /// Whether the 20 address bytes at `address` have the pattern's digits (any case).
    @inline(__always)
    func matchesDigits(_ address: UnsafeRawPointer) -> Bool {
        let w0 = UInt64(littleEndian: address.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let w1 = UInt64(littleEndian: address.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let w2 = UInt32(littleEndian: address.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        return (w0 & mask0) == value0 && (w1 & mask1) == value1 && (w2 & mask2) == value2
    }

    /// Whether the pattern's letters have the checksum case in the address (always true
    /// without `checksumCase`). Allocates nothing.
    func matchesChecksum(_ address: UnsafeRawPointer) -> Bool {
        if letters.isEmpty { return true }
        var text = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var hash = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        return withUnsafeMutableBytes(of: &text) { hex in
            for i in 0..<20 {
                let byte = address.load(fromByteOffset: i, as: UInt8.self)
                hex[2 * i] = Self.lowerHexDigit(byte >> 4)
                hex[2 * i + 1] = Self.lowerHexDigit(byte & 0x0F)
            }
            return withUnsafeMutableBytes(of: &hash) { digest in
                Keccak256.hash(UnsafeRawBufferPointer(rebasing: hex[0..<40]), into: digest)
                for letter in letters {
                    let byte = digest[letter.position / 2]
                    let nibble = letter.position % 2 == 0 ? byte >> 4 : byte & 0x0F
                    if (nibble >= 8) != letter.upper { return false }
                }
                return true
            }
        }
    }

    /// Whether `address` fits the pattern, checked on its checksummed text (a slow,
    /// independent path used to verify a result).
    public func matches(_ address: Address) -> Bool {
        let text = Array(address.checksummed.unicodeScalars.dropFirst(2))
        let want = Array(prefix.unicodeScalars) + [Unicode.Scalar](
            repeating: "?", count: 40 - digitCount) + Array(suffix.unicodeScalars)
        for (have, wanted) in zip(text, want) where wanted != "?" {
            let same = checksumCase ? have == wanted : have.properties.lowercaseMapping == wanted.properties.lowercaseMapping
            if !same { return false }
        }
        return true
    }

    @inline(__always)
    private static func lowerHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + 0x30 : nibble + 0x57
    }
}

/// Why a vanity pattern was rejected or a search ended without a key.
public enum VanityError: CategorizedError, Equatable {
    /// Which part of the pattern a character came from.
    public enum Field: String, Sendable, Equatable {
        case prefix, suffix
    }

    /// A character that is not a hex digit (offset counted after any `0x`).
    case invalidCharacter(Character, field: Field, offset: Int)
    /// Prefix and suffix together fix more than the 40 digits of an address.
    case tooLong(digits: Int)
    /// Neither a prefix nor a suffix was given.
    case emptyPattern
    /// `cancel()` stopped the search before a match.
    case cancelled
    /// A found key did not reproduce the address the search computed (a bug; never expected).
    case verificationFailed

    public var category: ErrorCategory {
        switch self {
        case .invalidCharacter, .tooLong, .emptyPattern: return .invalidInput
        case .cancelled: return .declined
        case .verificationFailed: return .system
        }
    }

    public var description: String {
        switch self {
        case .invalidCharacter(let c, let field, let offset):
            let shown = c.isASCII && !c.isWhitespace
                ? "'\(c)'" : "U+\(String(c.unicodeScalars.first!.value, radix: 16, uppercase: true))"
            return "vanity \(field.rawValue) has a character that is not a hex digit: \(shown) at offset \(offset)"
        case .tooLong(let n): return "vanity prefix and suffix fix \(n) hex digits; an address has only 40"
        case .emptyPattern: return "vanity search needs a prefix or a suffix"
        case .cancelled: return "vanity search was cancelled"
        case .verificationFailed: return "vanity search found a key whose address did not verify (internal error)"
        }
    }
}
