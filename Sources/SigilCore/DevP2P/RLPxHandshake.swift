/// One side of the RLPx handshake (devp2p rlpx.md with EIP-8), as pure computation: the caller
/// moves the bytes.
///
/// Initiator: `makeAuth()` → send; read `wireLength(prefix:legacyLength: 210)` bytes →
/// `readAck(_:)` → `secrets()`. Recipient: read `wireLength(prefix:legacyLength: 307)` bytes →
/// `readAuth(_:)` → `makeAck()` → send → `secrets()`.
///
/// We always send EIP-8 messages (RLP bodies with random padding, the 2-byte size prefix
/// authenticated as ECIES shared MAC data), except that an ack answering a legacy (pre-EIP-8)
/// auth is legacy too, so an old peer can read it. Both formats are read; extra list elements
/// and a higher version in EIP-8 bodies are ignored, as EIP-8 requires.
public struct RLPxHandshake: Sendable {
    /// The version we put in auth and ack bodies.
    public static let version: UInt64 = 4
    /// The size of a legacy auth message on the wire.
    public static let legacyAuthLength = 307
    /// The size of a legacy ack message on the wire.
    public static let legacyAckLength = 210
    /// The largest EIP-8 handshake message (after the size prefix) we accept.
    public static let maximumMessageSize = 2048

    let isInitiator: Bool
    let staticKey: PrivateKey
    let ephemeralKey: PrivateKey
    let nonce: [UInt8]
    /// The peer's static key: given to an initiator, learned by a recipient from the auth.
    public private(set) var remoteStaticKey: PublicKey?
    var remoteEphemeralKey: PublicKey?
    var remoteNonce: [UInt8]?
    var authWire: [UInt8]?
    var ackWire: [UInt8]?
    var authWasLegacy = false

    /// The dialing side, which knows the recipient's static key (from its enode).
    /// `ephemeralKey` and `nonce` (32 bytes) are parameters for known-answer tests only.
    public init(initiator staticKey: PrivateKey, remote: PublicKey, ephemeralKey: PrivateKey = .generate(), nonce: [UInt8]? = nil) {
        self.init(isInitiator: true, staticKey: staticKey, remote: remote, ephemeralKey: ephemeralKey, nonce: nonce)
    }

    /// The listening side, which learns the initiator's static key from its auth message.
    public init(recipient staticKey: PrivateKey, ephemeralKey: PrivateKey = .generate(), nonce: [UInt8]? = nil) {
        self.init(isInitiator: false, staticKey: staticKey, remote: nil, ephemeralKey: ephemeralKey, nonce: nonce)
    }

    private init(isInitiator: Bool, staticKey: PrivateKey, remote: PublicKey?, ephemeralKey: PrivateKey, nonce: [UInt8]?) {
        precondition(nonce == nil || nonce?.count == 32, "an RLPx nonce is 32 bytes")
        self.isInitiator = isInitiator
        self.staticKey = staticKey
        self.remoteStaticKey = remote
        self.ephemeralKey = ephemeralKey
        self.nonce = nonce ?? SystemRandom.bytes(32).withUnsafeBytes { Array($0) }
    }

    // MARK: Initiator

    /// The auth message (EIP-8 wire bytes) to send first.
    public mutating func makeAuth() throws(RLPxError) -> [UInt8] {
        guard isInitiator, authWire == nil, let remote = remoteStaticKey else {
            throw .outOfOrder("makeAuth is the initiator's first step and happens once")
        }
        let signature = try signature(staticShared: sharedSecret(staticKey, remote), nonce: nonce)
        let body = RLP.encode(.list([
            .bytes(signature), .bytes(staticKey.publicKey.raw), .bytes(nonce), .uint(Self.version),
        ]))
        let wire = try Self.sealEIP8(body, to: remote)
        authWire = wire
        return wire
    }

    /// Reads the recipient's ack (EIP-8 or legacy wire bytes).
    public mutating func readAck(_ wire: [UInt8]) throws(RLPxError) {
        guard isInitiator, authWire != nil, ackWire == nil else {
            throw .outOfOrder("readAck follows makeAuth and happens once")
        }
        let (plaintext, legacy) = try open(wire, legacyLength: Self.legacyAckLength, what: "ack message")
        let ephemeral: [UInt8], remoteNonce: [UInt8]
        if legacy {
            guard plaintext.count == 97 else { throw .malformed("legacy ack message (\(plaintext.count) bytes, expected 97)") }
            ephemeral = Array(plaintext[0..<64])
            remoteNonce = Array(plaintext[64..<96])
        } else {
            let items = try Self.bodyItems(plaintext, minimumCount: 3, what: "ack message")
            ephemeral = try Self.field(items[0], count: 64, name: "recipient ephemeral key", what: "ack message")
            remoteNonce = try Self.field(items[1], count: 32, name: "recipient nonce", what: "ack message")
            _ = try Self.version(items[2], what: "ack message")
        }
        do { remoteEphemeralKey = try PublicKey(bytes: ephemeral) } catch {
            throw .invalidKey("the peer's ephemeral public key is not a point on secp256k1")
        }
        self.remoteNonce = remoteNonce
        ackWire = wire
    }

    // MARK: Recipient

    /// Reads the initiator's auth (EIP-8 or legacy wire bytes) and returns its static key.
    public mutating func readAuth(_ wire: [UInt8]) throws(RLPxError) -> PublicKey {
        guard !isInitiator, authWire == nil else { throw .outOfOrder("readAuth is the recipient's first step and happens once") }
        let (plaintext, legacy) = try open(wire, legacyLength: Self.legacyAuthLength, what: "auth message")
        let signatureBytes: [UInt8], staticBytes: [UInt8], remoteNonce: [UInt8]
        var ephemeralHash: [UInt8]?
        if legacy {
            guard plaintext.count == 194 else { throw .malformed("legacy auth message (\(plaintext.count) bytes, expected 194)") }
            signatureBytes = Array(plaintext[0..<65])
            ephemeralHash = Array(plaintext[65..<97])
            staticBytes = Array(plaintext[97..<161])
            remoteNonce = Array(plaintext[161..<193])
        } else {
            let items = try Self.bodyItems(plaintext, minimumCount: 4, what: "auth message")
            signatureBytes = try Self.field(items[0], count: 65, name: "signature", what: "auth message")
            staticBytes = try Self.field(items[1], count: 64, name: "initiator public key", what: "auth message")
            remoteNonce = try Self.field(items[2], count: 32, name: "initiator nonce", what: "auth message")
            _ = try Self.version(items[3], what: "auth message")
        }
        let remoteStatic: PublicKey
        do { remoteStatic = try PublicKey(bytes: staticBytes) } catch {
            throw .invalidKey("the peer's static public key is not a point on secp256k1")
        }
        let digest = try Self.xor(sharedSecret(staticKey, remoteStatic), remoteNonce)
        let ephemeral: PublicKey
        do { ephemeral = try Signature(bytes: signatureBytes).recoverPublicKey(digest: digest) } catch { throw .badSignature }
        if let ephemeralHash, Keccak256.hash(ephemeral.raw) != ephemeralHash { throw .badSignature }
        remoteStaticKey = remoteStatic
        remoteEphemeralKey = ephemeral
        self.remoteNonce = remoteNonce
        authWasLegacy = legacy
        authWire = wire
        return remoteStatic
    }

    /// The ack message to send after `readAuth`: EIP-8, or legacy if the auth was legacy.
    public mutating func makeAck() throws(RLPxError) -> [UInt8] {
        guard !isInitiator, authWire != nil, ackWire == nil, let remote = remoteStaticKey else {
            throw .outOfOrder("makeAck follows readAuth and happens once")
        }
        let wire: [UInt8]
        if authWasLegacy {
            wire = try ECIES.encrypt(ephemeralKey.publicKey.raw + nonce + [0], to: remote, sharedMacData: [])
        } else {
            let body = RLP.encode(.list([.bytes(ephemeralKey.publicKey.raw), .bytes(nonce), .uint(Self.version)]))
            wire = try Self.sealEIP8(body, to: remote)
        }
        ackWire = wire
        return wire
    }

    // MARK: Both

    /// The session secrets, once the auth and the ack have both been sent or read.
    public func secrets() throws(RLPxError) -> RLPxSecrets {
        guard let authWire, let ackWire, let remoteEphemeralKey, let remoteNonce, let remoteStaticKey else {
            throw .outOfOrder("secrets need both the auth and the ack")
        }
        return RLPxSecrets(
            ephemeralShared: try sharedSecret(ephemeralKey, remoteEphemeralKey),
            initiatorNonce: isInitiator ? nonce : remoteNonce, recipientNonce: isInitiator ? remoteNonce : nonce,
            authWire: authWire, ackWire: ackWire, isInitiator: isInitiator, remotePublicKey: remoteStaticKey)
    }

    /// Given the first 2 bytes received, the total length of the handshake message to read:
    /// `legacyLength` (307 for an auth, 210 for an ack) when they start an uncompressed key
    /// (0x04), else 2 + the big-endian size. Throws `.badSize` for a size that cannot hold an
    /// ECIES message or exceeds `maximumMessageSize`.
    public static func wireLength(prefix: [UInt8], legacyLength: Int) throws(RLPxError) -> Int {
        guard prefix.count >= 2 else { throw .malformed("handshake message (fewer than 2 bytes)") }
        if prefix[0] == 0x04 { return legacyLength }
        let size = Int(prefix[0]) << 8 | Int(prefix[1])
        guard size > ECIES.overhead, size <= maximumMessageSize else { throw .badSize(size) }
        return 2 + size
    }
}
