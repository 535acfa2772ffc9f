import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

/// Shared helpers of the DevP2P tests.
enum RLPxTestSupport {
    static func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex, prefix: .optional) }

    static func key(_ hex: String) -> PrivateKey {
        var raw = bytes(hex)
        return try! PrivateKey(secret: SecureBytes(consuming: &raw))
    }

    static func secret(_ value: SecureBytes) -> [UInt8] { value.withUnsafeBytes { Array($0) } }

    /// The "handshake" object of rlpx_eip8_handshake.json.
    static func handshakeVectors() throws -> [String: Any] {
        let root = try #require(Vectors.json("rlpx_eip8_handshake.json") as? [String: Any])
        return try #require(root["handshake"] as? [String: Any])
    }

    static func wire(_ vectors: [String: Any], _ name: String) throws -> [UInt8] {
        let entry = try #require(vectors[name] as? [String: Any], "missing \(name)")
        return bytes(try #require(entry["ciphertext_hex"] as? String))
    }

    /// A completed handshake between two random nodes: (initiator, recipient).
    static func handshakePair() throws -> (RLPxHandshake, RLPxHandshake) {
        let a = PrivateKey.generate(), b = PrivateKey.generate()
        var initiator = RLPxHandshake(initiator: a, remote: b.publicKey)
        var recipient = RLPxHandshake(recipient: b)
        let auth = try initiator.makeAuth()
        #expect(try recipient.readAuth(auth) == a.publicKey)
        try initiator.readAck(try recipient.makeAck())
        return (initiator, recipient)
    }
}

private typealias T = RLPxTestSupport

/// The EIP-8 test vectors (every auth and ack, the derived secrets) and handshake round trips.
@Suite struct RLPxHandshakeTests {
    // MARK: EIP-8 vectors

    /// Node B reads each of A's auth messages (legacy, EIP-8, EIP-8 v56 with extra fields).
    @Test(TestEnvironment.vectorsTrait, arguments: ["auth1_v4", "auth2_eip8", "auth3_eip8"])
    func recipientReadsVectorAuth(name: String) throws {
        let v = try T.handshakeVectors()
        let keyA = T.key(try #require(v["static_key_a"] as? String))
        let ephemeralA = T.key(try #require(v["ephemeral_key_a"] as? String))
        var b = RLPxHandshake(recipient: T.key(try #require(v["static_key_b"] as? String)),
                              ephemeralKey: T.key(try #require(v["ephemeral_key_b"] as? String)),
                              nonce: T.bytes(try #require(v["nonce_b"] as? String)))
        let initiator = try b.readAuth(try T.wire(v, name))
        #expect(initiator == keyA.publicKey)
        #expect(b.remoteStaticKey == keyA.publicKey)
        #expect(b.remoteEphemeralKey == ephemeralA.publicKey)   // recovered from the signature
        #expect(b.remoteNonce == T.bytes(try #require(v["nonce_a"] as? String)))
        #expect(b.authWasLegacy == (name == "auth1_v4"))
    }

    /// Node A reads each of B's ack messages.
    @Test(TestEnvironment.vectorsTrait, arguments: ["ack1_v4", "ack2_eip8", "ack3_eip8"])
    func initiatorReadsVectorAck(name: String) throws {
        let v = try T.handshakeVectors()
        let keyB = T.key(try #require(v["static_key_b"] as? String))
        var a = RLPxHandshake(initiator: T.key(try #require(v["static_key_a"] as? String)), remote: keyB.publicKey,
                              ephemeralKey: T.key(try #require(v["ephemeral_key_a"] as? String)),
                              nonce: T.bytes(try #require(v["nonce_a"] as? String)))
        _ = try a.makeAuth()
        try a.readAck(try T.wire(v, name))
        #expect(a.remoteEphemeralKey == T.key(try #require(v["ephemeral_key_b"] as? String)).publicKey)
        #expect(a.remoteNonce == T.bytes(try #require(v["nonce_b"] as? String)))
    }

    /// The plaintext of every vector message, decrypted with plain ECIES: fields, versions
    /// (4, 4, 56 for auth; 4, 4, 57 for ack) and the extra list elements of auth3/ack3.
    @Test(TestEnvironment.vectorsTrait)
    func vectorMessageContents() throws {
        let v = try T.handshakeVectors()
        let keyA = T.key(try #require(v["static_key_a"] as? String)), keyB = T.key(try #require(v["static_key_b"] as? String))
        let nonceA = T.bytes(try #require(v["nonce_a"] as? String)), nonceB = T.bytes(try #require(v["nonce_b"] as? String))
        let ephemeralA = T.key(try #require(v["ephemeral_key_a"] as? String)).publicKey
        let ephemeralB = T.key(try #require(v["ephemeral_key_b"] as? String)).publicKey

        // Legacy: fixed layouts, no size prefix, empty shared MAC data.
        let auth1 = try T.wire(v, "auth1_v4")
        #expect(auth1.count == 307)
        let auth1Plain = try ECIES.decrypt(auth1, with: keyB, sharedMacData: [])
        #expect(auth1Plain.count == 194)
        #expect(Array(auth1Plain[65..<97]) == Keccak256.hash(ephemeralA.raw))
        #expect(Array(auth1Plain[97..<161]) == keyA.publicKey.raw)
        #expect(Array(auth1Plain[161..<193]) == nonceA)
        let ack1 = try T.wire(v, "ack1_v4")
        #expect(ack1.count == 210)
        let ack1Plain = try ECIES.decrypt(ack1, with: keyA, sharedMacData: [])
        #expect(ack1Plain == ephemeralB.raw + nonceB + [0])

        for (name, version, extra) in [("auth2_eip8", UInt64(4), 0), ("auth3_eip8", 56, 3)] {
            let items = try Self.eip8Body(try T.wire(v, name), key: keyB)
            #expect(items.count == 4 + extra, "\(name)")
            #expect(items[1].bytesValue == keyA.publicKey.raw, "\(name)")
            #expect(items[2].bytesValue == nonceA, "\(name)")
            #expect(try items[3].uint64() == version, "\(name)")
        }
        for (name, version, extra) in [("ack2_eip8", UInt64(4), 0), ("ack3_eip8", 57, 3)] {
            let items = try Self.eip8Body(try T.wire(v, name), key: keyA)
            #expect(items.count == 3 + extra, "\(name)")
            #expect(items[0].bytesValue == ephemeralB.raw, "\(name)")
            #expect(items[1].bytesValue == nonceB, "\(name)")
            #expect(try items[2].uint64() == version, "\(name)")
        }
    }

    private static func eip8Body(_ wire: [UInt8], key: PrivateKey) throws -> [RLPItem] {
        let size = Int(wire[0]) << 8 | Int(wire[1])
        #expect(wire.count == 2 + size)
        let plain = try ECIES.decrypt(Array(wire[2...]), with: key, sharedMacData: Array(wire[0..<2]))
        return try RLP.decodePrefix(plain, from: 0).item.list()
    }

    /// B's secrets from (auth2, ack2) and ingress-mac("foo"); A derives the mirror image.
    @Test(TestEnvironment.vectorsTrait)
    func vectorSecrets() throws {
        let root = try #require(Vectors.json("rlpx_eip8_handshake.json") as? [String: Any])
        let v = try T.handshakeVectors()
        let expected = try #require(v["node_b_secrets_for_auth2_ack2"] as? [String: String])
        let keyA = T.key(try #require(v["static_key_a"] as? String)), keyB = T.key(try #require(v["static_key_b"] as? String))
        let auth2 = try T.wire(v, "auth2_eip8"), ack2 = try T.wire(v, "ack2_eip8")
        #expect(root["_meta"] != nil)

        var b = RLPxHandshake(recipient: keyB, ephemeralKey: T.key(try #require(v["ephemeral_key_b"] as? String)),
                              nonce: T.bytes(try #require(v["nonce_b"] as? String)))
        _ = try b.readAuth(auth2)
        b.ackWire = ack2   // the vector's ack, not a freshly padded one
        let secretsB = try b.secrets()
        #expect(T.secret(secretsB.aesSecret) == T.bytes(try #require(expected["aes_secret"])))
        #expect(T.secret(secretsB.macSecret) == T.bytes(try #require(expected["mac_secret"])))
        var ingress = secretsB.ingressMAC
        ingress.update(Array("foo".utf8))
        #expect(ingress.finalize() == T.bytes(try #require(expected["ingress_mac_foo"])))
        #expect(secretsB.remotePublicKey == keyA.publicKey)

        var a = RLPxHandshake(initiator: keyA, remote: keyB.publicKey,
                              ephemeralKey: T.key(try #require(v["ephemeral_key_a"] as? String)),
                              nonce: T.bytes(try #require(v["nonce_a"] as? String)))
        a.authWire = auth2
        try a.readAck(ack2)
        let secretsA = try a.secrets()
        #expect(T.secret(secretsA.aesSecret) == T.secret(secretsB.aesSecret))
        #expect(T.secret(secretsA.macSecret) == T.secret(secretsB.macSecret))
        var egress = secretsA.egressMAC
        egress.update(Array("foo".utf8))
        #expect(egress.finalize() == T.bytes(try #require(expected["ingress_mac_foo"])))
        #expect(secretsA.ingressMAC.finalize() == secretsB.egressMAC.finalize())
    }

    /// A legacy auth gets a legacy (210-byte) ack, which the initiator reads; secrets agree.
    @Test(TestEnvironment.vectorsTrait)
    func legacyAuthGetsLegacyAck() throws {
        let v = try T.handshakeVectors()
        let keyA = T.key(try #require(v["static_key_a"] as? String)), keyB = T.key(try #require(v["static_key_b"] as? String))
        let auth1 = try T.wire(v, "auth1_v4")
        var b = RLPxHandshake(recipient: keyB)
        _ = try b.readAuth(auth1)
        let ack = try b.makeAck()
        #expect(ack.count == RLPxHandshake.legacyAckLength)
        #expect(try RLPxHandshake.wireLength(prefix: Array(ack[0..<2]), legacyLength: 210) == 210)
        var a = RLPxHandshake(initiator: keyA, remote: keyB.publicKey,
                              ephemeralKey: T.key(try #require(v["ephemeral_key_a"] as? String)),
                              nonce: T.bytes(try #require(v["nonce_a"] as? String)))
        a.authWire = auth1
        try a.readAck(ack)
        let (sa, sb) = (try a.secrets(), try b.secrets())
        #expect(T.secret(sa.aesSecret) == T.secret(sb.aesSecret))
        #expect(sa.egressMAC.finalize() == sb.ingressMAC.finalize())
    }

    // MARK: Round trips

    @Test func randomHandshakeSecretsMatchCrosswise() throws {
        for _ in 0..<5 {
            let (initiator, recipient) = try T.handshakePair()
            let a = try initiator.secrets(), b = try recipient.secrets()
            #expect(T.secret(a.aesSecret) == T.secret(b.aesSecret))
            #expect(T.secret(a.macSecret) == T.secret(b.macSecret))
            #expect(a.egressMAC.finalize() == b.ingressMAC.finalize())
            #expect(a.ingressMAC.finalize() == b.egressMAC.finalize())
            #expect(a.egressMAC.finalize() != a.ingressMAC.finalize())
            #expect(a.remotePublicKey == recipient.staticKey.publicKey)
            #expect(b.remotePublicKey == initiator.staticKey.publicKey)
        }
    }

    /// Our auth and ack are EIP-8: size prefix matching, 100–250 bytes of padding.
    @Test func eip8MessagesArePaddedAndPrefixed() throws {
        let b = PrivateKey.generate()
        var sizes = Set<Int>()
        for _ in 0..<10 {
            var initiator = RLPxHandshake(initiator: .generate(), remote: b.publicKey)
            let auth = try initiator.makeAuth()
            #expect(try RLPxHandshake.wireLength(prefix: auth, legacyLength: 307) == auth.count)
            // body: list header (3) + sig (66) + key (66) + nonce (33) + version (1) = 169.
            let padding = auth.count - 2 - ECIES.overhead - 169
            #expect((100...250).contains(padding))
            sizes.insert(auth.count)
        }
        #expect(sizes.count > 1)
    }

    @Test func wireLengthRules() throws {
        #expect(try RLPxHandshake.wireLength(prefix: [0x04, 0x12], legacyLength: 307) == 307)
        #expect(try RLPxHandshake.wireLength(prefix: [0x04, 0x12], legacyLength: 210) == 210)
        #expect(try RLPxHandshake.wireLength(prefix: [0x01, 0xB3], legacyLength: 307) == 2 + 0x1B3)
        #expect(throws: RLPxError.badSize(16)) { try RLPxHandshake.wireLength(prefix: [0x00, 0x10], legacyLength: 307) }
        #expect(throws: RLPxError.badSize(0x0900)) { try RLPxHandshake.wireLength(prefix: [0x09, 0x00], legacyLength: 307) }
        #expect(throws: RLPxError.self) { try RLPxHandshake.wireLength(prefix: [0x01], legacyLength: 307) }
    }

    // MARK: Rejections

    /// An auth whose signature cannot be recovered (r = 0, or v = 7) → .badSignature.
    @Test(arguments: [0, 1])
    func badSignatureIsRejected(variant: Int) throws {
        let a = PrivateKey.generate(), b = PrivateKey.generate()
        var signature = [UInt8](repeating: 0x11, count: 65)
        if variant == 0 { for i in 0..<32 { signature[i] = 0 } } else { signature[64] = 7 }
        let nonce = try OpenSSL.randomBytes(32)
        let body = RLP.encode(.list([.bytes(signature), .bytes(a.publicKey.raw), .bytes(nonce), .uint(UInt64(4))]))
        let size = body.count + ECIES.overhead
        let prefix: [UInt8] = [UInt8(size >> 8), UInt8(size & 0xFF)]
        let wire = prefix + (try ECIES.encrypt(body, to: b.publicKey, sharedMacData: prefix))
        var recipient = RLPxHandshake(recipient: b)
        #expect(throws: RLPxError.badSignature) { try recipient.readAuth(wire) }
    }

    /// A valid signature by some key over the wrong digest recovers a different ephemeral key:
    /// the handshake "succeeds" but the peers' secrets differ, so the first frame fails its MAC.
    @Test func signatureOverWrongDigestFailsAtFirstFrame() throws {
        let a = PrivateKey.generate(), b = PrivateKey.generate()
        var initiator = RLPxHandshake(initiator: a, remote: b.publicKey)
        _ = try initiator.makeAuth()
        let nonce = initiator.nonce
        let signature = try initiator.ephemeralKey.sign(digest: Keccak256.hash([1, 2, 3]))
        let body = RLP.encode(.list([.bytes(signature.r + signature.s + [signature.yParity]), .bytes(a.publicKey.raw),
                                     .bytes(nonce), .uint(UInt64(4))]))
        let size = body.count + ECIES.overhead
        let prefix: [UInt8] = [UInt8(size >> 8), UInt8(size & 0xFF)]
        let forged = prefix + (try ECIES.encrypt(body, to: b.publicKey, sharedMacData: prefix))
        initiator.authWire = forged
        var recipient = RLPxHandshake(recipient: b)
        _ = try recipient.readAuth(forged)
        try initiator.readAck(try recipient.makeAck())
        let sender = try RLPxFrameCodec(secrets: try initiator.secrets())
        let receiver = try RLPxFrameCodec(secrets: try recipient.secrets())
        let frame = try sender.encode(messageID: 0, payload: [0xC0])
        #expect(throws: RLPxError.badMAC("frame header")) { try receiver.decodeHeader(Array(frame[0..<32])) }
    }

    @Test func tamperedOrMisaddressedAuthFailsItsMAC() throws {
        let b = PrivateKey.generate()
        var initiator = RLPxHandshake(initiator: .generate(), remote: b.publicKey)
        var auth = try initiator.makeAuth()
        var wrongRecipient = RLPxHandshake(recipient: .generate())
        #expect(throws: RLPxError.badMAC("handshake auth message")) { try wrongRecipient.readAuth(auth) }
        auth[100] ^= 0x01
        var recipient = RLPxHandshake(recipient: b)
        #expect(throws: RLPxError.badMAC("handshake auth message")) { try recipient.readAuth(auth) }
        #expect(RLPxError.badMAC("handshake auth message").description == "peer sent a handshake auth message with a bad MAC")
    }

    @Test func truncatedAndOutOfOrderMessages() throws {
        let b = PrivateKey.generate()
        var initiator = RLPxHandshake(initiator: .generate(), remote: b.publicKey)
        let auth = try initiator.makeAuth()
        var recipient = RLPxHandshake(recipient: b)
        #expect(throws: RLPxError.self) { try recipient.readAuth(Array(auth.dropLast())) }
        #expect(throws: RLPxError.self) { try recipient.makeAck() }
        #expect(throws: RLPxError.self) { try initiator.makeAuth() }
        #expect(throws: RLPxError.self) { try initiator.secrets() }
    }
}
