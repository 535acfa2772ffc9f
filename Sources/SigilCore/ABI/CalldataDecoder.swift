/// Calldata decoded against a known function, ready to show.
public struct DecodedCall: Sendable {
    /// One argument: its name (or `arg<n>`), type, value and display text.
    public struct Argument: Sendable {
        public let name: String
        public let type: ABIType
        public let value: ABIValue
        /// `value.displayString`; amounts stay raw integers (the caller applies decimals).
        public let display: String
    }

    public let function: ABIFunction
    public let standard: String?
    public let arguments: [Argument]
    /// Bytes after the encoded arguments (some wallets append tags); 0 normally.
    public let trailingBytes: Int

    /// The function name.
    public var name: String { function.name }
    /// The canonical signature.
    public var signature: String { function.signature }
}

/// Decodes calldata against the built-in table (or a given list of functions).
public enum CalldataDecoder {
    /// The decoded call when the selector is known and the arguments decode strictly; nil otherwise.
    public static func describe(_ data: [UInt8]) -> DecodedCall? {
        guard data.count >= 4, let entry = KnownSelectors.lookup(data.prefix(4)) else { return nil }
        return describe(data, as: entry.function, standard: entry.standard)
    }

    /// The decoded call for the first of `functions` whose selector matches and whose arguments decode.
    public static func describe(_ data: [UInt8], using functions: [ABIFunction]) -> DecodedCall? {
        guard data.count >= 4 else { return nil }
        for function in functions where function.selector.elementsEqual(data.prefix(4)) {
            if let call = describe(data, as: function, standard: nil) { return call }
        }
        return nil
    }

    private static func describe(_ data: [UInt8], as function: ABIFunction, standard: String?) -> DecodedCall? {
        guard let (values, used) = try? ABIDecoder.decodePrefix(Array(data[4...]), as: function.inputTypes, offsetBase: 4) else {
            return nil
        }
        let arguments = zip(function.inputs, values).enumerated().map { index, pair in
            DecodedCall.Argument(name: pair.0.name ?? "arg\(index)", type: pair.0.type, value: pair.1, display: pair.1.displayString)
        }
        return DecodedCall(function: function, standard: standard, arguments: arguments, trailingBytes: data.count - 4 - used)
    }
}
