/// A value in Ethereum's Recursive Length Prefix encoding: a byte string or a list of items.
///
/// RLP knows nothing of integers; by convention an unsigned integer is its minimal big-endian
/// bytes (zero is the empty string). `uint(_:)` / `uintBytes(_:)` build such items and
/// `uintBytes()` / `uint64()` read them back, rejecting non-canonical forms.
public enum RLPItem: Sendable, Hashable {
    /// A byte string (possibly empty).
    case bytes([UInt8])
    /// A list of items (possibly empty).
    case list([RLPItem])

    /// An unsigned integer as its minimal big-endian bytes; 0 becomes the empty string.
    public static func uint<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> RLPItem {
        .bytes(minimalBigEndian(value))
    }

    /// An unsigned integer given as big-endian bytes of any width (for example a 32-byte
    /// U256); leading zero bytes are stripped, so all-zero input becomes the empty string.
    public static func uintBytes(_ bigEndian: [UInt8]) -> RLPItem {
        guard let first = bigEndian.firstIndex(where: { $0 != 0 }) else { return .bytes([]) }
        return .bytes(Array(bigEndian[first...]))
    }

    /// The UTF-8 bytes of `text` as a byte string.
    public static func string(_ text: String) -> RLPItem {
        .bytes(Array(text.utf8))
    }

    /// The bytes of a byte string, or nil for a list.
    public var bytesValue: [UInt8]? {
        if case .bytes(let bytes) = self { return bytes }
        return nil
    }

    /// The items of a list, or nil for a byte string.
    public var listValue: [RLPItem]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The bytes of a byte string; throws `.expectedBytes` for a list.
    public func bytes() throws(RLPError) -> [UInt8] {
        guard case .bytes(let bytes) = self else {
            throw RLPError(reason: .expectedBytes, offset: 0)
        }
        return bytes
    }

    /// The items of a list; throws `.expectedList` for a byte string.
    public func list() throws(RLPError) -> [RLPItem] {
        guard case .list(let items) = self else {
            throw RLPError(reason: .expectedList, offset: 0)
        }
        return items
    }

    /// The minimal big-endian bytes of an integer field (empty for zero).
    ///
    /// Throws `.expectedBytes` for a list and `.leadingZeroInInteger` when the first byte is
    /// zero (including the single byte 0x00, since zero must be the empty string).
    public func uintBytes() throws(RLPError) -> [UInt8] {
        let bytes = try bytes()
        if let first = bytes.first, first == 0 {
            throw RLPError(reason: .leadingZeroInInteger, offset: 0, detail: "\(bytes.count)-byte integer starts with 0x00")
        }
        return bytes
    }

    /// An integer field as `T`, canonical (no leading zero) and no wider than `T`.
    public func uint<T: FixedWidthInteger & UnsignedInteger>(as type: T.Type) throws(RLPError) -> T {
        let bytes = try uintBytes()
        let capacity = T.bitWidth / 8
        guard bytes.count <= capacity else {
            throw RLPError(reason: .integerTooLarge, offset: 0, detail: "\(bytes.count) bytes for a \(T.bitWidth)-bit field")
        }
        var value: T = 0
        for byte in bytes { value = value << 8 | T(byte) }
        return value
    }

    /// An integer field of at most 8 bytes, canonical.
    public func uint64() throws(RLPError) -> UInt64 {
        try uint(as: UInt64.self)
    }
}

extension RLPItem: CustomStringConvertible {
    /// Byte strings as 0x-hex, lists in brackets: `["0x646f67", []]`.
    public var description: String {
        switch self {
        case .bytes(let bytes): return "\"\(Hex.encode(bytes))\""
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

/// The big-endian bytes of `value` without leading zeros (empty for zero).
func minimalBigEndian<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> [UInt8] {
    guard value != 0 else { return [] }
    let count = (T.bitWidth - value.leadingZeroBitCount + 7) / 8
    var out = [UInt8](repeating: 0, count: count)
    var rest = value
    for index in stride(from: count - 1, through: 0, by: -1) {
        out[index] = UInt8(truncatingIfNeeded: rest)
        rest >>= 8
    }
    return out
}
