/// Why an ABI signature, argument, value or encoding was rejected.
///
/// Every description names what was wrong and where: a character position in a signature,
/// an argument number and type, a path inside a value, or a byte offset in encoded data.
public enum ABIError: CategorizedError, Equatable {
    /// A signature or type text was malformed at `position` (0-based, in characters).
    case invalidSignature(String, position: Int)
    /// A type that is valid Solidity but that this version does not handle (`fixed128x18`, `function`).
    case unsupportedType(String, position: Int)
    /// A command-line argument could not be read as its type. `index` is 1-based.
    case invalidArgument(index: Int, type: String, reason: String)
    /// The number of arguments differs from the number of parameters.
    case argumentCount(expected: Int, got: Int)
    /// A value given to the encoder does not match its type; `path` locates it (`argument 2[1].0`).
    case valueMismatch(path: String, reason: String)
    /// Encoded data was malformed; `offset` is the byte where the problem is.
    case invalidEncoding(String, offset: Int)
    /// Calldata was too short to hold a selector, or its selector is not the function's.
    case selectorMismatch(expected: [UInt8], found: [UInt8])

    public var category: ErrorCategory {
        switch self {
        case .unsupportedType: return .unsupported
        default: return .invalidInput
        }
    }

    public var description: String {
        switch self {
        case .invalidSignature(let reason, let position):
            return "\(reason) at position \(position)"
        case .unsupportedType(let name, let position):
            return "unsupported type '\(name)' at position \(position)"
        case .invalidArgument(let index, let type, let reason):
            return "argument \(index) (\(type)): \(reason)"
        case .argumentCount(let expected, let got):
            return "expected \(expected) argument\(expected == 1 ? "" : "s"), got \(got)"
        case .valueMismatch(let path, let reason):
            return "\(path): \(reason)"
        case .invalidEncoding(let reason, let offset):
            return "invalid ABI encoding at byte \(offset): \(reason)"
        case .selectorMismatch(let expected, let found):
            if found.count < 4 { return "calldata is \(found.count) bytes, too short for a 4-byte selector" }
            return "calldata selector \(Hex.encode(found)) is not the function's selector \(Hex.encode(expected))"
        }
    }

    /// `'text'`, shortened to 60 characters so hostile input cannot flood a terminal.
    static func quote(_ text: some StringProtocol) -> String {
        text.count > 60 ? "'\(text.prefix(60))…'" : "'\(text)'"
    }
}
