/// The cost settings for a new keystore: which KDF, how hard. Salt and key length are chosen
/// by `KeystoreFile.encrypt` (32 random bytes, 32-byte key).
public enum KeystoreKDF: Sendable, Equatable {
    case scrypt(n: Int, r: Int, p: Int)
    case pbkdf2(iterations: Int)

    /// geth's and eth-account's default: scrypt n = 2^18, r = 8, p = 1 (256 MiB, about 0.5 s).
    public static let standard = KeystoreKDF.scrypt(n: 262_144, r: 8, p: 1)
    /// geth's `--lightkdf`: scrypt n = 4096, r = 8, p = 6.
    public static let light = KeystoreKDF.scrypt(n: 4096, r: 8, p: 6)
}

/// A keystore's complete KDF description (`crypto.kdf` + `crypto.kdfparams`), validated so that
/// a hostile file cannot make unlocking take unbounded time or memory.
public enum KeyDerivation: Sendable, Equatable {
    case scrypt(n: Int, r: Int, p: Int, keyLength: Int, salt: [UInt8])
    /// PBKDF2 with HMAC-SHA256, the only PRF Web3 Secret Storage defines.
    case pbkdf2(iterations: Int, keyLength: Int, salt: [UInt8])

    /// The largest scrypt memory we will allocate: 128·r·n ≤ 1 GiB (n = 2^20 with r = 8).
    public static let maximumScryptMemory = 1 << 30
    /// The largest scrypt work factor n·r·p we accept: 4 × the standard n = 2^18, r = 8, p = 1.
    public static let maximumScryptWork = 1 << 23
    /// The largest PBKDF2 iteration count we accept (about 40 × the 262144 that geth once used).
    public static let maximumPBKDF2Iterations = 10_000_000
    /// Derived keys must cover the AES key and the MAC key (16 + 16 bytes).
    public static let keyLengthRange = 32...128
    public static let maximumSaltLength = 1024

    /// The JSON name of the KDF (`"scrypt"` or `"pbkdf2"`).
    public var name: String {
        switch self {
        case .scrypt: "scrypt"
        case .pbkdf2: "pbkdf2"
        }
    }

    public var keyLength: Int {
        switch self {
        case .scrypt(_, _, _, let dklen, _), .pbkdf2(_, let dklen, _): dklen
        }
    }

    public var salt: [UInt8] {
        switch self {
        case .scrypt(_, _, _, _, let salt), .pbkdf2(_, _, let salt): salt
        }
    }

    /// Fresh parameters for `kdf` with a random 32-byte salt.
    public init(_ kdf: KeystoreKDF) throws(KeystoreError) {
        let salt: [UInt8]
        do { salt = try OpenSSL.randomBytes(32) } catch { throw .cryptoFailure(error.description) }
        switch kdf {
        case let .scrypt(n, r, p): self = .scrypt(n: n, r: r, p: p, keyLength: 32, salt: salt)
        case let .pbkdf2(iterations): self = .pbkdf2(iterations: iterations, keyLength: 32, salt: salt)
        }
        try validate()
    }

    /// Checks the parameters; errors name the JSON path of the offending field.
    public func validate() throws(KeystoreError) {
        let base = "crypto.kdfparams."
        guard Self.keyLengthRange.contains(keyLength) else {
            throw .malformed(path: base + "dklen", reason: "must be between 32 and 128, got \(keyLength)")
        }
        guard salt.count <= Self.maximumSaltLength else {
            throw .malformed(path: base + "salt", reason: "longer than \(Self.maximumSaltLength) bytes")
        }
        switch self {
        case let .scrypt(n, r, p, _, _):
            guard n > 1, n & (n - 1) == 0 else {
                throw .malformed(path: base + "n", reason: "must be a power of two greater than 1, got \(n)")
            }
            guard r >= 1 else { throw .malformed(path: base + "r", reason: "must be at least 1, got \(r)") }
            guard p >= 1 else { throw .malformed(path: base + "p", reason: "must be at least 1, got \(p)") }
            let memory = 128.multipliedReportingOverflow(by: r).partialValue.multipliedReportingOverflow(by: n)
            guard r <= 1 << 20, n <= 1 << 40, !memory.overflow, memory.partialValue <= Self.maximumScryptMemory else {
                throw .excessiveCost("scrypt n=\(n) r=\(r) needs more than 1 GiB of memory (128·r·n)")
            }
            let work = n.multipliedReportingOverflow(by: r).partialValue.multipliedReportingOverflow(by: p)
            guard p <= 1 << 20, !work.overflow, work.partialValue <= Self.maximumScryptWork else {
                throw .excessiveCost("scrypt n=\(n) r=\(r) p=\(p) costs more than n·r·p = 2^23")
            }
        case let .pbkdf2(iterations, _, _):
            guard iterations >= 1 else {
                throw .malformed(path: base + "c", reason: "must be at least 1, got \(iterations)")
            }
            guard iterations <= Self.maximumPBKDF2Iterations else {
                throw .excessiveCost("pbkdf2 c=\(iterations) exceeds \(Self.maximumPBKDF2Iterations) iterations")
            }
        }
    }

    /// Derives the key from `password` (validating first). scrypt runs on libsodium.
    public func derive(password: SecureBytes) throws(KeystoreError) -> SecureBytes {
        try validate()
        do {
            switch self {
            case let .scrypt(n, r, p, dklen, salt):
                return try Sodium.scrypt(password: password, salt: salt, n: n, r: r, p: p, keyLength: dklen)
            case let .pbkdf2(iterations, dklen, salt):
                return try OpenSSL.pbkdf2SHA256(password: password, salt: salt, iterations: iterations, keyLength: dklen)
            }
        } catch {
            throw .cryptoFailure(error.description)
        }
    }

    /// `kdfparams` in geth's key order (alphabetical, as Go's encoding/json writes maps).
    var parametersJSON: JSONValue {
        switch self {
        case let .scrypt(n, r, p, dklen, salt):
            .object([("dklen", .integer(dklen)), ("n", .integer(n)), ("p", .integer(p)), ("r", .integer(r)),
                     ("salt", .string(Hex.encode(salt, prefix: false)))])
        case let .pbkdf2(iterations, dklen, salt):
            .object([("c", .integer(iterations)), ("dklen", .integer(dklen)), ("prf", .string("hmac-sha256")),
                     ("salt", .string(Hex.encode(salt, prefix: false)))])
        }
    }
}
