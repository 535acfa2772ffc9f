/// Why a keystore could not be read, written or unlocked. Descriptions never contain the
/// password, the key or any derived bytes.
public enum KeystoreError: CategorizedError, Equatable {
    /// The cipher named in `crypto.cipher` is not aes-128-ctr.
    case unsupportedCipher(String)
    /// The KDF named in `crypto.kdf` is neither scrypt nor pbkdf2.
    case unsupportedKDF(String)
    /// The pbkdf2 PRF in `crypto.kdfparams.prf` is not hmac-sha256.
    case unsupportedPRF(String)
    /// The top-level `version` is not 3.
    case unsupportedVersion(String)
    /// KDF parameters so costly that unlocking would amount to a denial of service.
    case excessiveCost(String)
    /// A field is missing or malformed; `path` is its JSON path, e.g. "crypto.kdfparams.n".
    case malformed(path: String, reason: String)
    /// The MAC did not match: the password is wrong or the file was altered.
    case wrongPasswordOrCorrupted
    /// The cryptographic library failed (out of memory, no entropy).
    case cryptoFailure(String)

    public var category: ErrorCategory {
        switch self {
        case .unsupportedCipher, .unsupportedKDF, .unsupportedPRF, .unsupportedVersion, .excessiveCost: .unsupported
        case .malformed: .invalidInput
        case .wrongPasswordOrCorrupted: .wrongPassword
        case .cryptoFailure: .system
        }
    }

    public var description: String {
        switch self {
        case .unsupportedCipher(let name): "unsupported keystore cipher '\(Self.clip(name))' (only aes-128-ctr)"
        case .unsupportedKDF(let name): "unsupported keystore kdf '\(Self.clip(name))' (only scrypt and pbkdf2)"
        case .unsupportedPRF(let name): "unsupported pbkdf2 prf '\(Self.clip(name))' (only hmac-sha256)"
        case .unsupportedVersion(let version): "unsupported keystore version \(Self.clip(version)) (only 3)"
        case .excessiveCost(let message): "refusing keystore: \(message)"
        case let .malformed(path, reason): "malformed keystore field \(DisplayText.escaped(path)): \(DisplayText.escaped(reason))"
        case .wrongPasswordOrCorrupted: "wrong password or corrupted keystore"
        case .cryptoFailure(let message): "keystore crypto failed: \(message)"
        }
    }

    /// Keeps names from a hostile file short in messages.
    private static func clip(_ text: String) -> String {
        DisplayText.escaped(text, limit: 40)
    }
}
