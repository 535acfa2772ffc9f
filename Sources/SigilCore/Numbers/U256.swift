/// An unsigned 256-bit integer: the EVM's word, used for wei amounts, gas prices, nonces and
/// every other Ethereum quantity.
///
/// The value is stored as four 64-bit limbs in little-endian limb order (`w0` is the least
/// significant). Arithmetic operators trap on overflow like Swift's `Int`; the
/// `...ReportingOverflow` methods wrap and report, and `checkedAdd`/`checkedSub`/`checkedMul`
/// throw a `NumberError` for values that come from users. Text forms live in `U256+Text.swift`,
/// arithmetic in `U256+Arithmetic.swift`.
public struct U256: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// Bits 0–63.
    public private(set) var w0: UInt64
    /// Bits 64–127.
    public private(set) var w1: UInt64
    /// Bits 128–191.
    public private(set) var w2: UInt64
    /// Bits 192–255.
    public private(set) var w3: UInt64

    /// 0.
    public static let zero = U256(w0: 0, w1: 0, w2: 0, w3: 0)
    /// 1.
    public static let one = U256(w0: 1, w1: 0, w2: 0, w3: 0)
    /// 2^256 - 1.
    public static let max = U256(w0: .max, w1: .max, w2: .max, w3: .max)

    /// The value whose limbs are given, least significant first.
    public init(w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// The value of a 64-bit unsigned integer.
    public init(_ value: UInt64) {
        self.init(w0: value, w1: 0, w2: 0, w3: 0)
    }

    /// An integer literal; literals are limited to `UInt64` (use `init(decimal:)` for larger values).
    public init(integerLiteral value: UInt64) {
        self.init(value)
    }

    /// The value from a fixed array of limbs, least significant first.
    init(limbs: InlineArray<4, UInt64>) {
        self.init(w0: limbs[0], w1: limbs[1], w2: limbs[2], w3: limbs[3])
    }

    /// The limbs as a fixed array, least significant first.
    var limbs: InlineArray<4, UInt64> { [w0, w1, w2, w3] }

    /// Whether the value is 0.
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// The value as a `UInt64`, or nil if it does not fit.
    public var uint64Value: UInt64? { (w1 | w2 | w3) == 0 ? w0 : nil }

    /// The number of zero bits above the most significant set bit (256 for zero).
    public var leadingZeroBitCount: Int {
        if w3 != 0 { return w3.leadingZeroBitCount }
        if w2 != 0 { return 64 + w2.leadingZeroBitCount }
        if w1 != 0 { return 128 + w1.leadingZeroBitCount }
        return 192 + w0.leadingZeroBitCount
    }

    /// The number of significant bits: 0 for zero, 1 for one, 256 for values ≥ 2^255.
    public var bitWidth: Int { 256 - leadingZeroBitCount }

    // MARK: Comparison

    public static func < (lhs: U256, rhs: U256) -> Bool {
        if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
        return lhs.w0 < rhs.w0
    }

    // MARK: Bytes

    /// Reads a big-endian unsigned integer of at most 32 bytes. Leading zero bytes are allowed
    /// (an ABI word is exactly 32 bytes; `[]` is zero); more than 32 bytes throws `.overflow`
    /// whatever their value, so a caller never silently drops bytes.
    public init(bigEndian bytes: [UInt8]) throws(NumberError) {
        guard bytes.count <= 32 else { throw .overflow }
        var limbs = InlineArray<4, UInt64>(repeating: 0)
        var shift: UInt64 = 0
        var limb = 0
        for byte in bytes.reversed() {
            limbs[limb] |= UInt64(byte) << shift
            shift += 8
            if shift == 64 { shift = 0; limb += 1 }
        }
        self.init(limbs: limbs)
    }

    /// The value as exactly 32 big-endian bytes (an ABI word, a storage slot).
    public var bigEndianBytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let limbs = self.limbs
        for limb in 0..<4 {
            let word = limbs[limb]
            for byte in 0..<8 {
                out[31 - (limb * 8 + byte)] = UInt8(truncatingIfNeeded: word >> (UInt64(byte) * 8))
            }
        }
        return out
    }

    /// The value as big-endian bytes without leading zeros (RLP's integer form); zero is `[]`.
    public var minimalBigEndianBytes: [UInt8] {
        let byteCount = (bitWidth + 7) / 8
        return Array(bigEndianBytes[(32 - byteCount)...])
    }

    /// The decimal form, e.g. `1500000000000000000`.
    public var description: String { decimalString }
}
