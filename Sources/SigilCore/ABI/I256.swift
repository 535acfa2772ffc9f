/// A signed 256-bit integer in two's complement, the representation of ABI `intM` values.
public struct I256: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 256-bit two's complement pattern (what the ABI word holds for `int256`).
    public let bits: U256

    /// The smallest value, -2^255.
    public static let min = I256(twosComplement: U256(w0: 0, w1: 0, w2: 0, w3: 1 << 63))
    /// The largest value, 2^255 - 1.
    public static let max = I256(twosComplement: U256(w0: .max, w1: .max, w2: .max, w3: .max >> 1))

    /// The value whose two's complement bit pattern is `bits`.
    public init(twosComplement bits: U256) {
        self.bits = bits
    }

    /// `-magnitude` when `negative`, else `magnitude`; nil outside -2^255 ... 2^255 - 1.
    public init?(magnitude: U256, negative: Bool) {
        if negative {
            guard magnitude <= I256.min.bits else { return nil }
            bits = (~magnitude) &+ U256.one
        } else {
            guard magnitude.bitWidth <= 255 else { return nil }
            bits = magnitude
        }
    }

    /// A small value.
    public init(_ value: Int64) {
        self.init(magnitude: U256(value.magnitude), negative: value < 0)!
    }

    /// Whether the value is below zero.
    public var isNegative: Bool { bits.w3 >> 63 == 1 }

    /// The absolute value (2^255 for `min`).
    public var magnitude: U256 { isNegative ? (~bits) &+ U256.one : bits }

    /// Whether the value lies in -2^(width-1) ... 2^(width-1) - 1, the range of `int<width>`.
    public func fits(bitWidth width: Int) -> Bool {
        if isNegative { return (magnitude &- U256.one).bitWidth <= width - 1 }
        return bits.bitWidth <= width - 1
    }

    /// The decimal form with a leading `-` for negative values.
    public var description: String { (isNegative ? "-" : "") + magnitude.decimalString }

    public static func < (lhs: I256, rhs: I256) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        return lhs.bits < rhs.bits
    }
}
