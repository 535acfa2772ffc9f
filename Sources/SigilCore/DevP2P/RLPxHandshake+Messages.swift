/// The pieces of auth and ack messages: signing, sealing with ECIES, opening and field checks.
extension RLPxHandshake {
    /// x coordinate of ECDH(key, peer).
    func sharedSecret(_ key: PrivateKey, _ peer: PublicKey) throws(RLPxError) -> SecureBytes {
        do { return try key.sharedSecretX(with: peer) } catch { throw .invalidKey(error.description) }
    }

    /// The 65-byte signature r || s || v (v = 0 or 1) by the ephemeral key of static-shared ^ nonce.
    func signature(staticShared: SecureBytes, nonce: [UInt8]) throws(RLPxError) -> [UInt8] {
        let digest = try Self.xor(staticShared, nonce)
        let signature: Signature
        do { signature = try ephemeralKey.sign(digest: digest) } catch { throw .invalidKey(error.description) }
        return signature.r + signature.s + [signature.yParity]
    }

    static func xor(_ secret: SecureBytes, _ nonce: [UInt8]) throws(RLPxError) -> [UInt8] {
        guard secret.count == 32, nonce.count == 32 else { throw .malformed("nonce (not 32 bytes)") }
        return secret.withUnsafeBytes { s in (0..<32).map { s[$0] ^ nonce[$0] } }
    }

    /// EIP-8: size (2 bytes, big-endian) || ECIES(body || 100–250 random bytes), the size
    /// prefix being the ECIES shared MAC data.
    static func sealEIP8(_ body: [UInt8], to remote: PublicKey) throws(RLPxError) -> [UInt8] {
        let padding: [UInt8]
        do { padding = try OpenSSL.randomBytes(Int.random(in: 100...250)) } catch { throw .crypto(error) }
        let size = body.count + padding.count + ECIES.overhead
        precondition(size <= maximumMessageSize)
        let prefix: [UInt8] = [UInt8(size >> 8), UInt8(size & 0xFF)]
        return prefix + (try ECIES.encrypt(body + padding, to: remote, sharedMacData: prefix))
    }

    /// Decrypts a handshake message; `legacy` tells which format it was.
    func open(_ wire: [UInt8], legacyLength: Int, what: String) throws(RLPxError) -> (plaintext: [UInt8], legacy: Bool) {
        let expected = try Self.wireLength(prefix: wire, legacyLength: legacyLength)
        guard wire.count == expected else {
            throw .malformed("\(what) (\(wire.count) bytes where its size prefix announces \(expected))")
        }
        let legacy = wire[0] == 0x04
        do {
            if legacy { return (try ECIES.decrypt(wire, with: staticKey, sharedMacData: []), true) }
            return (try ECIES.decrypt(Array(wire[2...]), with: staticKey, sharedMacData: Array(wire[0..<2])), false)
        } catch {
            if case .badMAC = error { throw .badMAC("handshake \(what)") }
            throw error
        }
    }

    /// The items of an EIP-8 body: an RLP list followed by padding, which is ignored.
    static func bodyItems(_ plaintext: [UInt8], minimumCount: Int, what: String) throws(RLPxError) -> [RLPItem] {
        guard !plaintext.isEmpty else { throw .malformed("\(what) (empty body)") }
        let items: [RLPItem]
        do { items = try RLP.decodePrefix(plaintext, from: 0).item.list() } catch {
            throw .malformed("\(what) (body is not an RLP list: \(error.description))")
        }
        guard items.count >= minimumCount else {
            throw .malformed("\(what) (\(items.count) fields, expected at least \(minimumCount))")
        }
        return items
    }

    /// A byte-string field of exactly `count` bytes.
    static func field(_ item: RLPItem, count: Int, name: String, what: String) throws(RLPxError) -> [UInt8] {
        guard let bytes = item.bytesValue, bytes.count == count else {
            throw .malformed("\(what) (\(name) is not \(count) bytes)")
        }
        return bytes
    }

    /// The version field: any canonical integer (higher versions are accepted, per EIP-8).
    static func version(_ item: RLPItem, what: String) throws(RLPxError) -> UInt64 {
        do { return try item.uint64() } catch { throw .malformed("\(what) (version is not an integer)") }
    }
}
