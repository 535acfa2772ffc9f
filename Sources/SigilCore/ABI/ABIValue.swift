/// A value of an ABI type. The type is given separately (a value alone does not say whether
/// `.uint` is a `uint8` or a `uint256`, or whether `.array` is fixed or dynamic).
public indirect enum ABIValue: Sendable, Hashable {
    /// A `uint<M>` value.
    case uint(U256)
    /// An `int<M>` value.
    case int(I256)
    /// An `address`.
    case address(Address)
    /// A `bool`.
    case bool(Bool)
    /// A `bytes<M>` value: exactly M bytes.
    case fixedBytes([UInt8])
    /// A `bytes` value.
    case bytes([UInt8])
    /// A `string` value.
    case string(String)
    /// The elements of a `T[k]` or `T[]` value.
    case array([ABIValue])
    /// The components of a tuple value.
    case tuple([ABIValue])

    /// A short name of the kind of value, for error messages.
    var kindName: String {
        switch self {
        case .uint: return "an unsigned integer"
        case .int: return "a signed integer"
        case .address: return "an address"
        case .bool: return "a boolean"
        case .fixedBytes(let b): return "\(b.count) fixed bytes"
        case .bytes: return "bytes"
        case .string: return "a string"
        case .array(let e): return "an array of \(e.count)"
        case .tuple(let c): return "a tuple of \(c.count)"
        }
    }
}

/// A named function parameter (the name is optional and does not affect the selector).
public struct ABIParameter: Sendable, Hashable {
    /// The parameter name as written, if any.
    public var name: String?
    /// The parameter type.
    public var type: ABIType

    public init(name: String? = nil, type: ABIType) {
        self.name = name
        self.type = type
    }
}
