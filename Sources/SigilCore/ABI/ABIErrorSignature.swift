/// A Solidity custom error (`error InsufficientBalance(uint256 available, uint256 required)`):
/// revert data is its 4-byte selector followed by `abi.encode` of its arguments.
public struct ABIErrorSignature: Sendable, Hashable {
    /// The error name.
    public let name: String
    /// The parameters (names optional).
    public let inputs: [ABIParameter]
    /// The first 4 bytes of keccak256 of the canonical signature.
    public let selector: [UInt8]

    public init(name: String, inputs: [ABIParameter]) {
        self.name = name
        self.inputs = inputs
        let canonical = name + "(" + inputs.map(\.type.canonicalName).joined(separator: ",") + ")"
        selector = Array(Keccak256.hash(Array(canonical.utf8)).prefix(4))
    }

    /// Parses `Name(T1 a, T2 b)`, with or without names and the `error` keyword.
    public init(parsing text: String) throws(ABIError) {
        self = try ABISignatureParser.parseError(text)
    }

    /// The canonical signature, e.g. `InsufficientBalance(uint256,uint256)`.
    public var signature: String {
        name + "(" + inputs.map(\.type.canonicalName).joined(separator: ",") + ")"
    }

    /// The input types.
    public var inputTypes: [ABIType] { inputs.map(\.type) }

    /// `selector || abi.encode(values)`: the revert data of this error.
    public func encode(_ values: [ABIValue]) throws(ABIError) -> [UInt8] {
        selector + (try ABIEncoder.encode(values, as: inputTypes))
    }

    /// The arguments of revert data that starts with this error's selector (checked).
    public func decode(_ data: [UInt8]) throws(ABIError) -> [ABIValue] {
        guard data.count >= 4, data.prefix(4).elementsEqual(selector) else {
            throw .selectorMismatch(expected: selector, found: Array(data.prefix(4)))
        }
        return try ABIDecoder.decode(Array(data[4...]), as: inputTypes, offsetBase: 4)
    }
}
