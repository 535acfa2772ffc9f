/// A secp256k1 public key: a point on the curve other than infinity.
///
/// Stored as its 64 raw bytes x || y, so equality and hashing are those of the point.
public struct PublicKey: Sendable, Hashable {
    /// The 64 bytes x || y: what Ethereum hashes for the address, and what an enode id is.
    public let raw: [UInt8]

    /// A key from its 33-byte compressed form, its 65-byte uncompressed form (0x04 prefix) or
    /// its 64 raw bytes. The point is checked to be on the curve.
    public init(bytes: [UInt8]) throws(KeyError) {
        raw = try Secp256k1.parsePublicKey(bytes)
    }

    /// A key from raw bytes that the library has just produced.
    init(validatedRaw: [UInt8]) {
        precondition(validatedRaw.count == Secp256k1.rawPublicKeyLength)
        raw = validatedRaw
    }

    /// The 65-byte SEC 1 uncompressed form: 0x04 || x || y.
    public var uncompressed: [UInt8] { [0x04] + raw }

    /// The 33-byte SEC 1 compressed form: 0x02 or 0x03 (the parity of y) || x.
    public var compressed: [UInt8] { [0x02 | (raw[63] & 1)] + raw[0..<32] }

    /// The Ethereum address: the last 20 bytes of keccak256(x || y).
    public var address: Address {
        Address(validated: Array(Keccak256.hash(raw)[12...]))
    }

    /// P + t·G, as BIP-32 public child derivation needs. Fails if t ≥ n or the sum is infinity.
    public func adding(tweak: [UInt8]) throws(KeyError) -> PublicKey {
        PublicKey(validatedRaw: try Secp256k1.addTweak(toPublicKey: raw, tweak: tweak))
    }

    /// The sum of the keys. Fails for an empty list or a sum at infinity.
    public static func combine(_ keys: [PublicKey]) throws(KeyError) -> PublicKey {
        PublicKey(validatedRaw: try Secp256k1.combine(keys.map(\.raw)))
    }
}

extension PublicKey: CustomStringConvertible {
    /// The compressed form in hex.
    public var description: String { "PublicKey(\(compressed.hexString))" }
}
