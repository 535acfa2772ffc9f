/// A Solidity ABI type: the atomic types, fixed and dynamic arrays, and tuples nested arbitrarily.
///
/// Fixed-point (`fixed`/`ufixed`) and `function` types are not supported.
public indirect enum ABIType: Sendable, Hashable, CustomStringConvertible {
    /// `uint<bits>`, bits = 8 ... 256 in steps of 8.
    case uint(bits: Int)
    /// `int<bits>`, bits = 8 ... 256 in steps of 8.
    case int(bits: Int)
    /// `address`: 20 bytes.
    case address
    /// `bool`.
    case bool
    /// `bytes<count>`, count = 1 ... 32.
    case fixedBytes(Int)
    /// `bytes`: a dynamic byte string.
    case bytes
    /// `string`: dynamic UTF-8 text.
    case string
    /// `T[count]`.
    case fixedArray(ABIType, count: Int)
    /// `T[]`.
    case array(ABIType)
    /// `(T1,T2,...)`.
    case tuple([ABIType])

    /// Parses one type, e.g. `uint256`, `(address,uint256)[]`, `bytes32[2]`; `uint` means
    /// `uint256`, `int` means `int256` and `byte` means `bytes1`.
    public init(parsing text: String) throws(ABIError) {
        self = try ABISignatureParser.parseType(text)
    }

    /// Whether the encoding is stored out of line (behind an offset): `bytes`, `string`,
    /// `T[]`, and fixed arrays and tuples that contain a dynamic type.
    public var isDynamic: Bool {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes: return false
        case .bytes, .string, .array: return true
        case .fixedArray(let element, _): return element.isDynamic
        case .tuple(let components): return components.contains { $0.isDynamic }
        }
    }

    /// The bytes the type takes in the head of an enclosing tuple: 32 for a dynamic type (the
    /// offset), the full inline size for a static one. Saturates at `Int.max`.
    public var headSize: Int {
        switch self {
        case .uint, .int, .address, .bool, .fixedBytes, .bytes, .string, .array: return 32
        case .fixedArray(let element, let count):
            if element.isDynamic { return 32 }
            let (size, overflow) = element.headSize.multipliedReportingOverflow(by: count)
            return overflow ? Int.max : size
        case .tuple(let components):
            return isDynamic ? 32 : ABIType.headSize(of: components)
        }
    }

    /// The summed head sizes of a sequence of types (a tuple's head), saturating at `Int.max`.
    static func headSize(of types: some Sequence<ABIType>) -> Int {
        var total = 0
        for type in types {
            let (sum, overflow) = total.addingReportingOverflow(type.headSize)
            if overflow { return Int.max }
            total = sum
        }
        return total
    }

    /// The canonical name used in signatures and selectors: `uint256`, `(address,uint256)[]`.
    public var canonicalName: String {
        switch self {
        case .uint(let bits): return "uint\(bits)"
        case .int(let bits): return "int\(bits)"
        case .address: return "address"
        case .bool: return "bool"
        case .fixedBytes(let count): return "bytes\(count)"
        case .bytes: return "bytes"
        case .string: return "string"
        case .fixedArray(let element, let count): return "\(element.canonicalName)[\(count)]"
        case .array(let element): return "\(element.canonicalName)[]"
        case .tuple(let components): return "(" + components.map(\.canonicalName).joined(separator: ",") + ")"
        }
    }

    public var description: String { canonicalName }

    /// Whether the parameters are within the ABI's ranges (bit widths, byte counts, non-empty
    /// arrays and tuples), recursively.
    public var isValid: Bool {
        switch self {
        case .uint(let bits), .int(let bits): return bits >= 8 && bits <= 256 && bits % 8 == 0
        case .address, .bool, .bytes, .string: return true
        case .fixedBytes(let count): return (1...32).contains(count)
        case .fixedArray(let element, let count): return count > 0 && element.isValid
        case .array(let element): return element.isValid
        case .tuple(let components): return !components.isEmpty && components.allSatisfy(\.isValid)
        }
    }
}
