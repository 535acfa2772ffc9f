internal import CSecp256k1

/// The one place that calls libsecp256k1 (the system library, Debian 0.2.0).
///
/// Rules this file keeps:
/// - one context, created on first use, randomized once with 32 bytes from `SystemRandom`
///   (blinding against side channels) and never modified afterwards, so it may be shared by
///   all threads (libsecp256k1 allows concurrent use of a context through `const` pointers);
/// - every length is checked before a C call, because the library's argument checks call an
///   "illegal argument" callback that aborts the process;
/// - every return code is mapped to a typed error;
/// - no C type leaves this file: public keys cross it as 64 raw bytes (x || y), signatures
///   as 32-byte r and s plus a recovery id, secrets as raw buffers owned by `SecureBytes`.
enum Secp256k1 {
    /// Bytes in a secret key, a tweak, a digest, r, s and an x coordinate.
    static let scalarLength = 32
    /// Bytes in a raw public key (x || y, without the 0x04 prefix).
    static let rawPublicKeyLength = 64

    /// The shared, randomized context.
    nonisolated(unsafe) static let context: OpaquePointer = {
        guard let ctx = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE)) else {
            fatalError("secp256k1_context_create failed")
        }
        let seed = SystemRandom.bytes(32)
        let ok = seed.withUnsafeBytes { seed in
            secp256k1_context_randomize(ctx, seed.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        precondition(ok == 1, "secp256k1_context_randomize failed")
        return ctx
    }()

    // MARK: Secret keys

    /// Whether `secret` is 32 bytes encoding an integer in [1, n-1].
    static func isValidSecret(_ secret: UnsafeRawBufferPointer) -> Bool {
        guard secret.count == scalarLength, let base = secret.baseAddress else { return false }
        return secp256k1_ec_seckey_verify(context, base.assumingMemoryBound(to: UInt8.self)) == 1
    }

    /// The raw public key (x || y) of a valid secret.
    static func publicKey(secret: UnsafeRawBufferPointer) throws(KeyError) -> [UInt8] {
        guard secret.count == scalarLength, let base = secret.baseAddress else {
            throw .invalidSecretLength(secret.count)
        }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_create(context, &pubkey, base.assumingMemoryBound(to: UInt8.self)) == 1 else {
            throw .secretOutOfRange
        }
        return try serializeRaw(pubkey)
    }

    /// Replaces `secret` by (secret + tweak) mod n, in place.
    static func addTweak(toSecret secret: UnsafeMutableRawBufferPointer, tweak: [UInt8]) throws(KeyError) {
        guard secret.count == scalarLength, let base = secret.baseAddress else {
            throw .invalidSecretLength(secret.count)
        }
        guard tweak.count == scalarLength else { throw .invalidTweakLength(tweak.count) }
        guard secp256k1_ec_seckey_tweak_add(context, base.assumingMemoryBound(to: UInt8.self), tweak) == 1 else {
            throw .invalidTweak
        }
    }

    // MARK: Public keys

    /// Parses a 33-byte compressed or 65-byte uncompressed (0x04) encoding, or 64 raw bytes,
    /// checks that the point is on the curve and returns its raw form (x || y).
    static func parsePublicKey(_ bytes: [UInt8]) throws(KeyError) -> [UInt8] {
        let encoded: [UInt8]
        switch bytes.count {
        case 33:
            guard bytes[0] == 0x02 || bytes[0] == 0x03 else { throw .invalidPublicKey }
            encoded = bytes
        case 65:
            // The library also accepts the "hybrid" 0x06/0x07 forms; Ethereum does not.
            guard bytes[0] == 0x04 else { throw .invalidPublicKey }
            encoded = bytes
        case 64:
            encoded = [0x04] + bytes
        default:
            throw .invalidPublicKeyLength(bytes.count)
        }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(context, &pubkey, encoded, encoded.count) == 1 else {
            throw .invalidPublicKey
        }
        return try serializeRaw(pubkey)
    }

    /// P + tweak·G.
    static func addTweak(toPublicKey raw: [UInt8], tweak: [UInt8]) throws(KeyError) -> [UInt8] {
        guard tweak.count == scalarLength else { throw .invalidTweakLength(tweak.count) }
        var pubkey = try load(raw)
        guard secp256k1_ec_pubkey_tweak_add(context, &pubkey, tweak) == 1 else { throw .invalidTweak }
        return try serializeRaw(pubkey)
    }

    /// The sum of the points.
    static func combine(_ raws: [[UInt8]]) throws(KeyError) -> [UInt8] {
        guard !raws.isEmpty else { throw .nothingToCombine }
        var points = [secp256k1_pubkey]()
        points.reserveCapacity(raws.count)
        for raw in raws { points.append(try load(raw)) }
        var sum = secp256k1_pubkey()
        let ok = points.withUnsafeBufferPointer { buffer -> Int32 in
            let base = buffer.baseAddress!
            let pointers: [UnsafePointer<secp256k1_pubkey>?] = (0..<buffer.count).map { base + $0 }
            return secp256k1_ec_pubkey_combine(context, &sum, pointers, pointers.count)
        }
        guard ok == 1 else { throw .combinationIsInfinity }
        return try serializeRaw(sum)
    }

    // MARK: ECDSA

    /// A recoverable RFC 6979 signature of a 32-byte digest: r, s (low-s) and the recovery id.
    static func signRecoverable(
        digest: [UInt8], secret: UnsafeRawBufferPointer
    ) throws(KeyError) -> (r: [UInt8], s: [UInt8], recoveryID: Int32) {
        guard digest.count == scalarLength else { throw .invalidDigestLength(digest.count) }
        guard secret.count == scalarLength, let base = secret.baseAddress else {
            throw .invalidSecretLength(secret.count)
        }
        var signature = secp256k1_ecdsa_recoverable_signature()
        // A nil nonce function selects the library default, secp256k1_nonce_function_rfc6979.
        guard secp256k1_ecdsa_sign_recoverable(
            context, &signature, digest, base.assumingMemoryBound(to: UInt8.self), nil, nil) == 1
        else { throw .signingFailed }
        var compact = [UInt8](repeating: 0, count: 64)
        var recoveryID: Int32 = -1
        guard secp256k1_ecdsa_recoverable_signature_serialize_compact(context, &compact, &recoveryID, &signature) == 1
        else { throw .signingFailed }
        return (Array(compact[0..<32]), Array(compact[32..<64]), recoveryID)
    }

    /// The raw public key that produced the signature (r, s, recovery id) over `digest`.
    static func recover(
        digest: [UInt8], r: [UInt8], s: [UInt8], recoveryID: Int32
    ) throws(SignatureError) -> [UInt8] {
        guard digest.count == scalarLength else { throw .invalidDigestLength(digest.count) }
        guard r.count == scalarLength, s.count == scalarLength, (0...3).contains(recoveryID) else {
            throw .recoveryFailed
        }
        let compact = r + s
        var signature = secp256k1_ecdsa_recoverable_signature()
        guard secp256k1_ecdsa_recoverable_signature_parse_compact(context, &signature, compact, recoveryID) == 1 else {
            throw .recoveryFailed
        }
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ecdsa_recover(context, &pubkey, &signature, digest) == 1 else { throw .recoveryFailed }
        do { return try serializeRaw(pubkey) } catch { throw .recoveryFailed }
    }

    /// Whether (r, s) is a valid signature of `digest` by the raw public key. Like Ethereum,
    /// libsecp256k1's verification rejects signatures whose s is in the upper half of the order.
    static func verify(digest: [UInt8], r: [UInt8], s: [UInt8], publicKey raw: [UInt8]) -> Bool {
        guard digest.count == scalarLength, r.count == scalarLength, s.count == scalarLength,
              let pubkey = try? load(raw) else { return false }
        var key = pubkey
        let compact = r + s
        var signature = secp256k1_ecdsa_signature()
        guard secp256k1_ecdsa_signature_parse_compact(context, &signature, compact) == 1 else { return false }
        return secp256k1_ecdsa_verify(context, &signature, digest, &key) == 1
    }

    // MARK: ECDH

    /// Writes the x coordinate of secret·P (unhashed, 32 bytes) into `output`.
    static func sharedX(
        secret: UnsafeRawBufferPointer, peer raw: [UInt8], into output: UnsafeMutableRawBufferPointer
    ) throws(KeyError) {
        guard secret.count == scalarLength, let secretBase = secret.baseAddress else {
            throw .invalidSecretLength(secret.count)
        }
        guard output.count == scalarLength, let outBase = output.baseAddress else {
            throw .invalidSecretLength(output.count)
        }
        var pubkey = try load(raw)
        let ok = secp256k1_ecdh(
            context, outBase.assumingMemoryBound(to: UInt8.self), &pubkey,
            secretBase.assumingMemoryBound(to: UInt8.self), copyX, nil)
        guard ok == 1 else { throw .secretOutOfRange }
    }

    /// An ECDH "hash" function that returns the x coordinate unchanged (RLPx needs it raw).
    private static let copyX: secp256k1_ecdh_hash_function = { output, x32, _, _ in
        guard let output, let x32 else { return 0 }
        output.update(from: x32, count: 32)
        return 1
    }

    // MARK: Helpers

    /// Parses a raw (x || y) key that is already known to be valid into the library's form.
    private static func load(_ raw: [UInt8]) throws(KeyError) -> secp256k1_pubkey {
        guard raw.count == rawPublicKeyLength else { throw .invalidPublicKeyLength(raw.count) }
        let encoded = [0x04] + raw
        var pubkey = secp256k1_pubkey()
        guard secp256k1_ec_pubkey_parse(context, &pubkey, encoded, encoded.count) == 1 else {
            throw .invalidPublicKey
        }
        return pubkey
    }

    /// The 64 raw bytes (x || y) of a point.
    private static func serializeRaw(_ pubkey: secp256k1_pubkey) throws(KeyError) -> [UInt8] {
        var key = pubkey
        var out = [UInt8](repeating: 0, count: 65)
        var length = out.count
        guard secp256k1_ec_pubkey_serialize(context, &out, &length, &key, UInt32(SECP256K1_EC_UNCOMPRESSED)) == 1,
              length == 65, out[0] == 0x04
        else { throw .invalidPublicKey }
        return Array(out[1...])
    }
}
