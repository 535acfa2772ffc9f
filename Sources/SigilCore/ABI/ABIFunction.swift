/// A contract function: name, parameters, selector, and call encoding/decoding.
public struct ABIFunction: Sendable, Hashable {
    /// The function name (may be empty for a bare parameter list).
    public let name: String
    /// The input parameters.
    public let inputs: [ABIParameter]
    /// The output parameters (empty when the signature had none).
    public let outputs: [ABIParameter]

    public init(name: String, inputs: [ABIParameter], outputs: [ABIParameter] = []) {
        self.name = name
        self.inputs = inputs
        self.outputs = outputs
    }

    /// Parses a human-readable signature; see `ABISignatureParser`.
    public init(parsing signature: String) throws(ABIError) {
        self = try ABISignatureParser.parseFunction(signature)
    }

    /// The input types.
    public var inputTypes: [ABIType] { inputs.map(\.type) }
    /// The output types.
    public var outputTypes: [ABIType] { outputs.map(\.type) }

    /// The canonical signature, e.g. `transfer(address,uint256)`.
    public var signature: String {
        name + "(" + inputs.map(\.type.canonicalName).joined(separator: ",") + ")"
    }

    /// The first 4 bytes of keccak256 of the canonical signature.
    public var selector: [UInt8] { Array(Keccak256.hash(Array(signature.utf8)).prefix(4)) }

    /// `selector || abi.encode(values)`.
    public func encodeCall(_ values: [ABIValue]) throws(ABIError) -> [UInt8] {
        selector + (try ABIEncoder.encode(values, as: inputTypes))
    }

    /// Checks the selector and decodes the arguments. Error offsets count from the start
    /// of the calldata (selector included).
    public func decodeCall(_ calldata: [UInt8], allowTrailingBytes: Bool = false) throws(ABIError) -> [ABIValue] {
        let expected = selector
        guard calldata.count >= 4, calldata.prefix(4).elementsEqual(expected) else {
            throw .selectorMismatch(expected: expected, found: Array(calldata.prefix(4)))
        }
        return try ABIDecoder.decode(Array(calldata[4...]), as: inputTypes,
                                     allowTrailingBytes: allowTrailingBytes, offsetBase: 4)
    }

    /// Decodes return data for `outputs`.
    public func decodeOutput(_ data: [UInt8], allowTrailingBytes: Bool = false) throws(ABIError) -> [ABIValue] {
        try ABIDecoder.decode(data, as: outputTypes, allowTrailingBytes: allowTrailingBytes)
    }

    /// `abi.encode` of return values for `outputs`.
    public func encodeOutput(_ values: [ABIValue]) throws(ABIError) -> [UInt8] {
        try ABIEncoder.encode(values, as: outputTypes)
    }
}
