/// A recoverable secp256k1 ECDSA signature as Ethereum uses it: r, s and the y-parity of R.
public struct Signature: Sendable, Hashable {
    /// 32 bytes, big-endian, in [1, n-1].
    public let r: [UInt8]
    /// 32 bytes, big-endian, in [1, n-1].
    public let s: [UInt8]
    /// The parity of R's y coordinate: 0 or 1 (the recovery id).
    public let yParity: UInt8

    /// A signature from its parts. r and s must be 32 bytes each and in [1, n-1]; a high s is
    /// accepted here (see `isLowS`), since such signatures exist, but `isValid` rejects it.
    public init(r: [UInt8], s: [UInt8], yParity: UInt8) throws(SignatureError) {
        guard r.count == 32 else { throw .invalidComponentLength(component: "r", actual: r.count) }
        guard s.count == 32 else { throw .invalidComponentLength(component: "s", actual: s.count) }
        guard yParity <= 1 else { throw .invalidYParity(yParity) }
        guard Self.isScalarInRange(r) else { throw .componentOutOfRange(component: "r") }
        guard Self.isScalarInRange(s) else { throw .componentOutOfRange(component: "s") }
        self.r = r
        self.s = s
        self.yParity = yParity
    }

    /// A signature from 65 bytes r || s || v, where v is 0 or 1, or 27 or 28 (`eth_sign`).
    public init(bytes: [UInt8]) throws(SignatureError) {
        guard bytes.count == 65 else { throw .invalidLength(bytes.count) }
        let v = bytes[64]
        let parity: UInt8
        switch v {
        case 0, 1: parity = v
        case 27, 28: parity = v - 27
        default: throw .invalidV(v)
        }
        try self.init(r: Array(bytes[0..<32]), s: Array(bytes[32..<64]), yParity: parity)
    }

    /// r || s || v with v = 27 + yParity: the `eth_sign` / `personal_sign` convention.
    public var bytes: [UInt8] { r + s + [27 + yParity] }

    /// Whether s ≤ n/2, as Ethereum (EIP-2) requires of transaction signatures.
    public var isLowS: Bool { !Self.halfOrder.lexicographicallyPrecedes(s) }

    /// The public key whose private key produced this signature over `digest` (32 bytes).
    public func recoverPublicKey(digest: [UInt8]) throws(SignatureError) -> PublicKey {
        PublicKey(validatedRaw: try Secp256k1.recover(digest: digest, r: r, s: s, recoveryID: Int32(yParity)))
    }

    /// The address of the signer of `digest` (32 bytes).
    public func recoverAddress(digest: [UInt8]) throws(SignatureError) -> Address {
        try recoverPublicKey(digest: digest).address
    }

    /// Whether this is a valid signature of `digest` by `publicKey` (y-parity is not used).
    ///
    /// Like Ethereum since EIP-2, a signature with a high s (s > n/2) is rejected even though
    /// its mirror image (n - s) would verify: libsecp256k1's `ecdsa_verify` enforces low s.
    /// A digest that is not 32 bytes is simply invalid.
    public func isValid(digest: [UInt8], publicKey: PublicKey) -> Bool {
        Secp256k1.verify(digest: digest, r: r, s: s, publicKey: publicKey.raw)
    }

    /// The secp256k1 group order n, big-endian.
    static let order: [UInt8] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
        0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
    ]

    /// floor(n / 2), big-endian.
    static let halfOrder: [UInt8] = [
        0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
    ]

    /// Whether 32 big-endian bytes encode an integer in [1, n-1].
    static func isScalarInRange(_ value: [UInt8]) -> Bool {
        value.contains { $0 != 0 } && value.lexicographicallyPrecedes(order)
    }
}

/// Why a signature was rejected or could not be used.
public enum SignatureError: CategorizedError, Equatable {
    /// A 65-byte r || s || v was expected.
    case invalidLength(Int)
    /// r or s was not 32 bytes.
    case invalidComponentLength(component: String, actual: Int)
    /// v was not 0, 1, 27 or 28.
    case invalidV(UInt8)
    /// The y-parity was not 0 or 1.
    case invalidYParity(UInt8)
    /// r or s was zero or not below n.
    case componentOutOfRange(component: String)
    /// A digest must be 32 bytes.
    case invalidDigestLength(Int)
    /// No public key could be recovered from the signature and digest.
    case recoveryFailed

    public var category: ErrorCategory {
        switch self {
        case .recoveryFailed: return .verificationFailed
        default: return .invalidInput
        }
    }

    public var description: String {
        switch self {
        case .invalidLength(let n): return "signature must be 65 bytes (r || s || v), got \(n)"
        case .invalidComponentLength(let c, let n): return "signature \(c) must be 32 bytes, got \(n)"
        case .invalidV(let v): return "signature v must be 0, 1, 27 or 28, got \(v)"
        case .invalidYParity(let p): return "signature y-parity must be 0 or 1, got \(p)"
        case .componentOutOfRange(let c): return "signature \(c) is out of range (it must be nonzero and less than the secp256k1 order n)"
        case .invalidDigestLength(let n): return "digest must be 32 bytes, got \(n)"
        case .recoveryFailed: return "no public key can be recovered from this signature"
        }
    }
}
