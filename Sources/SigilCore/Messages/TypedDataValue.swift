/// A validated value of a typed-data document, ready to encode and to display.
public indirect enum TypedDataValue: Sendable {
    /// An integer of a `uint<N>` or `int<N>` type: its 32-byte two's-complement word and its
    /// decimal text.
    case integer(word: [UInt8], decimal: String)
    case bool(Bool)
    case address(Address)
    /// A `bytes<N>` value: exactly N bytes.
    case fixedBytes([UInt8])
    case bytes([UInt8])
    case string(String)
    case array([TypedDataValue])
    /// A struct value: its type name and its members in the type's field order.
    case structure(String, [(String, TypedDataValue)])
}
