extension ABIValue {
    /// A one-line human form that `ABIArgumentParser` reads back (inside arrays and tuples):
    /// integers in decimal, addresses EIP-55 checksummed, bytes as `0x` hex, strings as JSON
    /// string literals, arrays as `[a, b]` and tuples as `(a, b)`.
    ///
    /// A top-level string argument is read as-is by the parser, so there the quotes differ.
    public var displayString: String {
        switch self {
        case .uint(let v): return v.decimalString
        case .int(let v): return v.description
        case .address(let a): return a.checksummed
        case .bool(let b): return b ? "true" : "false"
        case .fixedBytes(let bytes), .bytes(let bytes): return Hex.encode(bytes)
        case .string(let text): return JSONValue.string(text).serialized()
        case .array(let elements): return "[" + elements.map(\.displayString).joined(separator: ", ") + "]"
        case .tuple(let components): return "(" + components.map(\.displayString).joined(separator: ", ") + ")"
        }
    }
}
