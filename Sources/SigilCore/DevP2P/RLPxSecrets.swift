/// The session secrets both sides of an RLPx handshake derive, as the frame codec needs them.
///
/// From rlpx.md, with `ek` the ECDH x coordinate of the two ephemeral keys:
/// - shared-secret = keccak256(ek || keccak256(recipient-nonce || initiator-nonce))
/// - aes-secret = keccak256(ek || shared-secret), mac-secret = keccak256(ek || aes-secret)
/// - the initiator's egress MAC starts as keccak256 absorbing (mac-secret ^ recipient-nonce) || auth,
///   its ingress MAC (mac-secret ^ initiator-nonce) || ack; the recipient's are the mirror image.
///   `auth` and `ack` are the full wire bytes, including an EIP-8 size prefix.
public struct RLPxSecrets: Sendable {
    /// The peer's static public key (its node id).
    public let remotePublicKey: PublicKey
    /// The AES-256-CTR key of both frame streams.
    public let aesSecret: SecureBytes
    /// The AES-256 key of the MAC seeds.
    public let macSecret: SecureBytes
    /// The running MAC of what we send.
    public let egressMAC: Keccak256
    /// The running MAC of what we receive.
    public let ingressMAC: Keccak256

    /// Derives the secrets from the ephemeral ECDH result and the handshake transcript.
    init(
        ephemeralShared: SecureBytes, initiatorNonce: [UInt8], recipientNonce: [UInt8],
        authWire: [UInt8], ackWire: [UInt8], isInitiator: Bool, remotePublicKey: PublicKey
    ) {
        precondition(ephemeralShared.count == 32 && initiatorNonce.count == 32 && recipientNonce.count == 32)
        self.remotePublicKey = remotePublicKey
        // buffer = ek || x, hashed with x replaced in turn by H(nonces), shared-secret, aes-secret.
        let buffer = SecureBytes(count: 64)
        let aes = SecureBytes(count: 32), mac = SecureBytes(count: 32)
        buffer.withUnsafeMutableBytes { b in
            ephemeralShared.withUnsafeBytes { b.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: 32) }
            let second = UnsafeMutableRawBufferPointer(rebasing: b[32..<64])
            var nonces = Keccak256()
            nonces.update(recipientNonce)
            nonces.update(initiatorNonce)
            nonces.finalize(into: second)
            Keccak256.hash(UnsafeRawBufferPointer(b), into: second)          // shared-secret
            aes.withUnsafeMutableBytes { out in
                Keccak256.hash(UnsafeRawBufferPointer(b), into: out)          // aes-secret
                second.copyMemory(from: UnsafeRawBufferPointer(out))
            }
            mac.withUnsafeMutableBytes { Keccak256.hash(UnsafeRawBufferPointer(b), into: $0) }  // mac-secret
        }
        aesSecret = aes
        macSecret = mac
        let egressNonce = isInitiator ? recipientNonce : initiatorNonce
        let ingressNonce = isInitiator ? initiatorNonce : recipientNonce
        egressMAC = Self.mac(secret: mac, nonce: egressNonce, transcript: isInitiator ? authWire : ackWire)
        ingressMAC = Self.mac(secret: mac, nonce: ingressNonce, transcript: isInitiator ? ackWire : authWire)
    }

    /// keccak256 having absorbed (secret ^ nonce) || transcript.
    private static func mac(secret: SecureBytes, nonce: [UInt8], transcript: [UInt8]) -> Keccak256 {
        var hasher = Keccak256()
        let mixed = SecureBytes(count: 32)
        mixed.withUnsafeMutableBytes { m in
            secret.withUnsafeBytes { s in
                for i in 0..<32 { m[i] = s[i] ^ nonce[i] }
            }
            hasher.update(UnsafeRawBufferPointer(m))
        }
        hasher.update(transcript)
        return hasher
    }
}
