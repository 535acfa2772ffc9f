/// A secp256k1 private key: a secret integer k with 0 < k < n.
///
/// The 32 bytes live in a `SecureBytes`, wiped when the key is released. The key prints as
/// `PrivateKey(<redacted>)`, is deliberately not `Codable`, and gives its bytes out only
/// through `withUnsafeSecret`. Its public key is computed once, at creation.
public final class PrivateKey: Sendable, CustomStringConvertible {
    private let secret: SecureBytes

    /// The matching public key k·G.
    public let publicKey: PublicKey

    /// A key from its 32 big-endian bytes, which must encode an integer in [1, n-1].
    public convenience init(secret: SecureBytes) throws(KeyError) {
        guard secret.count == Secp256k1.scalarLength else { throw .invalidSecretLength(secret.count) }
        let copy = SecureBytes(count: secret.count)
        copy.withUnsafeMutableBytes { out in
            secret.withUnsafeBytes { out.copyMemory(from: $0) }
        }
        try self.init(owning: copy)
    }

    /// Takes ownership of a 32-byte buffer (no copy).
    private init(owning secret: SecureBytes) throws(KeyError) {
        guard secret.withUnsafeBytes({ Secp256k1.isValidSecret($0) }) else { throw .secretOutOfRange }
        self.secret = secret
        self.publicKey = PublicKey(validatedRaw: try secret.withUnsafeBytes { (bytes) throws(KeyError) in
            try Secp256k1.publicKey(secret: bytes)
        })
    }

    /// A key from the text of a key file: 64 hex digits, optionally prefixed by `0x`, with
    /// surrounding whitespace and newlines ignored. Errors never repeat the text.
    public convenience init(parsing text: SecureBytes) throws(KeyError) {
        let decoded = SecureBytes(count: Secp256k1.scalarLength)
        try text.withUnsafeBytes { (input) throws(KeyError) in
            try decoded.withUnsafeMutableBytes { (output) throws(KeyError) in
                try Self.decodeKeyFile(input, into: output)
            }
        }
        try self.init(owning: decoded)
    }

    /// A new random key from `SystemRandom` (retried in the astronomically unlikely case
    /// that the 32 bytes are zero or not below n).
    public static func generate() -> PrivateKey {
        while true {
            if let key = try? PrivateKey(owning: SystemRandom.bytes(Secp256k1.scalarLength)) { return key }
        }
    }

    /// The Ethereum address of the key.
    public var address: Address { publicKey.address }

    /// Signs a 32-byte digest: deterministic (RFC 6979), recoverable, and low-s.
    public func sign(digest: [UInt8]) throws(KeyError) -> Signature {
        let (r, s, recoveryID) = try secret.withUnsafeBytes { (bytes) throws(KeyError) in
            try Secp256k1.signRecoverable(digest: digest, secret: bytes)
        }
        // Recovery ids 2 and 3 (r overflowed n) have probability about 2^-127 and cannot be
        // expressed as an Ethereum y-parity.
        guard recoveryID == 0 || recoveryID == 1,
              let signature = try? Signature(r: r, s: s, yParity: UInt8(recoveryID))
        else { throw .signingFailed }
        assert(signature.isLowS, "libsecp256k1 produced a high-s signature")
        return signature
    }

    /// ECDH: the raw 32-byte x coordinate of k·P (not hashed, as RLPx requires).
    public func sharedSecretX(with peer: PublicKey) throws(KeyError) -> SecureBytes {
        let out = SecureBytes(count: Secp256k1.scalarLength)
        try secret.withUnsafeBytes { (bytes) throws(KeyError) in
            try out.withUnsafeMutableBytes { (output) throws(KeyError) in
                try Secp256k1.sharedX(secret: bytes, peer: peer.raw, into: output)
            }
        }
        return out
    }

    /// The key (k + t) mod n, as BIP-32 child derivation needs. Fails if t ≥ n or the sum is 0.
    public func adding(tweak: [UInt8]) throws(KeyError) -> PrivateKey {
        guard tweak.count == Secp256k1.scalarLength else { throw .invalidTweakLength(tweak.count) }
        let sum = SecureBytes(count: Secp256k1.scalarLength)
        try sum.withUnsafeMutableBytes { (out) throws(KeyError) in
            secret.withUnsafeBytes { out.copyMemory(from: $0) }
            try Secp256k1.addTweak(toSecret: out, tweak: tweak)
        }
        return try PrivateKey(owning: sum)
    }

    /// Lends the 32 secret bytes to `body`; they must not be copied out of it.
    public func withUnsafeSecret<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try secret.withUnsafeBytes(body)
    }

    public var description: String { "PrivateKey(<redacted>)" }

    /// Decodes key-file text into exactly 32 bytes without ever copying it into a `String`.
    private static func decodeKeyFile(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) throws(KeyError) {
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C }
        var start = 0, end = input.count
        while start < end && isSpace(input[start]) { start += 1 }
        while end > start && isSpace(input[end - 1]) { end -= 1 }
        if end - start >= 2 && input[start] == UInt8(ascii: "0")
            && (input[start + 1] == UInt8(ascii: "x") || input[start + 1] == UInt8(ascii: "X")) {
            start += 2
        }
        let digits = end - start
        guard digits == 2 * Secp256k1.scalarLength else { throw .invalidKeyFile(.wrongDigitCount(digits)) }
        for i in 0..<Secp256k1.scalarLength {
            guard let hi = Hex.nibble(input[start + 2 * i]) else { throw .invalidKeyFile(.invalidDigit(offset: start + 2 * i)) }
            guard let lo = Hex.nibble(input[start + 2 * i + 1]) else {
                throw .invalidKeyFile(.invalidDigit(offset: start + 2 * i + 1))
            }
            output[i] = hi << 4 | lo
        }
    }
}

/// Why a key, tweak or key file was rejected. Descriptions never contain key material.
public enum KeyError: CategorizedError, Equatable {
    /// What was wrong with a key file's text.
    public enum KeyFileProblem: Sendable, Equatable {
        /// After trimming whitespace and an optional `0x`, there were not 64 characters.
        case wrongDigitCount(Int)
        /// A character that is not a hex digit, at this byte offset in the file.
        case invalidDigit(offset: Int)
    }

    /// A private key must be exactly 32 bytes.
    case invalidSecretLength(Int)
    /// A private key must be neither zero nor ≥ the curve order n.
    case secretOutOfRange
    /// A key file does not hold a hex-encoded private key.
    case invalidKeyFile(KeyFileProblem)
    /// A public key must be 33, 64 or 65 bytes.
    case invalidPublicKeyLength(Int)
    /// The bytes do not encode a point on secp256k1.
    case invalidPublicKey
    /// A tweak must be exactly 32 bytes.
    case invalidTweakLength(Int)
    /// The tweak is ≥ n, or adding it gives zero / the point at infinity.
    case invalidTweak
    /// A digest to sign must be exactly 32 bytes.
    case invalidDigestLength(Int)
    /// `PublicKey.combine` was given no keys.
    case nothingToCombine
    /// The keys summed to the point at infinity.
    case combinationIsInfinity
    /// The library refused to sign (should never happen with a valid key).
    case signingFailed

    public var category: ErrorCategory {
        switch self {
        case .signingFailed: return .system
        default: return .invalidInput
        }
    }

    public var description: String {
        switch self {
        case .invalidSecretLength(let n): return "private key must be 32 bytes, got \(n)"
        case .secretOutOfRange: return "private key is out of range (it must be nonzero and less than the secp256k1 order n)"
        case .invalidKeyFile(.wrongDigitCount(let n)):
            return "key file does not hold a private key: expected 64 hex digits (optionally after 0x), found \(n) characters"
        case .invalidKeyFile(.invalidDigit(let offset)):
            return "key file does not hold a private key: invalid hex digit at byte offset \(offset)"
        case .invalidPublicKeyLength(let n): return "public key must be 33, 64 or 65 bytes, got \(n)"
        case .invalidPublicKey: return "public key is not a valid point on secp256k1"
        case .invalidTweakLength(let n): return "key tweak must be 32 bytes, got \(n)"
        case .invalidTweak: return "key tweak is out of range or yields an invalid key"
        case .invalidDigestLength(let n): return "digest to sign must be 32 bytes, got \(n)"
        case .nothingToCombine: return "no public keys to combine"
        case .combinationIsInfinity: return "public keys sum to the point at infinity"
        case .signingFailed: return "secp256k1 signing failed"
        }
    }
}
