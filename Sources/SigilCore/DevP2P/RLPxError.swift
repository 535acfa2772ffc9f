/// Why an RLPx handshake, frame or base-protocol message was rejected.
///
/// Each case is something a peer did (or a local key problem); descriptions are one line,
/// name what was wrong, and never carry key material or secrets.
public enum RLPxError: CategorizedError, Equatable {
    /// A MAC did not verify. The string says which one: "auth message", "ack message",
    /// "handshake auth message", "handshake ack message", "frame header", "frame".
    case badMAC(String)
    /// A size out of range: a handshake message size, or a frame size past the 16 MiB limit.
    case badSize(Int)
    /// The auth message's signature does not yield an ephemeral public key.
    case badSignature
    /// An ECIES message could not be decrypted (too short, bad ephemeral key, ...).
    case decryptionFailed(String)
    /// Well-formed crypto, malformed content; the string names what.
    case malformed(String)
    /// A key (ours or the peer's) is not usable: not on the curve, wrong length, ...
    case invalidKey(String)
    /// The handshake methods were called out of order (a programming error of the caller).
    case outOfOrder(String)
    /// The cryptographic library failed.
    case cryptoFailure(String)

    public var category: ErrorCategory {
        switch self {
        case .badMAC, .badSignature, .decryptionFailed: .verificationFailed
        case .badSize, .malformed, .invalidKey: .invalidInput
        case .outOfOrder, .cryptoFailure: .system
        }
    }

    public var description: String {
        switch self {
        case .badMAC(let what): "peer sent a \(what) with a bad MAC"
        case .badSize(let size): "peer sent a bad size: \(size) bytes"
        case .badSignature: "peer's auth message carries an invalid signature"
        case .decryptionFailed(let why): "could not decrypt the peer's handshake message: \(why)"
        case .malformed(let what): "peer sent a malformed \(what)"
        case .invalidKey(let why): "invalid key: \(why)"
        case .outOfOrder(let why): "RLPx handshake steps out of order: \(why)"
        case .cryptoFailure(let why): "RLPx cryptography failed: \(why)"
        }
    }

    /// Maps a primitive's failure (never caused by the peer's bytes) to `.cryptoFailure`.
    static func crypto(_ error: CryptoError) -> RLPxError { .cryptoFailure(error.description) }
}
