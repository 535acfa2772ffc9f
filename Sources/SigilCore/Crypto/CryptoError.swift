/// A failure of a cryptographic primitive wrapper (`OpenSSL`, `Sodium`).
///
/// Descriptions name the operation and the parameter that was wrong; they never carry key
/// material, passwords or derived bytes.
public enum CryptoError: CategorizedError, Equatable {
    /// An input had the wrong length, e.g. a 15-byte AES key.
    case invalidLength(what: String, expected: String, actual: Int)
    /// A numeric parameter is out of range, e.g. a scrypt `n` that is not a power of two.
    case invalidParameter(String)
    /// The C library reported a failure (out of memory, no entropy, ...).
    case libraryFailure(operation: String)

    public var category: ErrorCategory {
        switch self {
        case .invalidLength, .invalidParameter: .invalidInput
        case .libraryFailure: .system
        }
    }

    public var description: String {
        switch self {
        case let .invalidLength(what, expected, actual):
            "\(what) must be \(expected) bytes long, got \(actual)"
        case let .invalidParameter(message):
            message
        case let .libraryFailure(operation):
            "\(operation) failed in the cryptographic library"
        }
    }
}
