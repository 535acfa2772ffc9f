import CSecp256k1
import SigilCore

/// Sigil's key and signature API against direct calls of libsecp256k1 (plus our Keccak for the
/// address, which C would need as well): the wrapper must add almost nothing.
enum Secp256k1Bench {
    static func rows() -> [BenchRow] {
        let bench = Benchmark()
        let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!
        defer { secp256k1_context_destroy(context) }
        var seed = [UInt8](repeating: 0x42, count: 32)
        _ = secp256k1_context_randomize(context, &seed)

        var secret = [UInt8](repeating: 0, count: 32)
        secret[31] = 7
        let key = try! PrivateKey(secret: secret.withUnsafeBytes { SecureBytes(copying: $0) })
        let digest = BenchBuffer(count: 32)

        // Throughput ≥ 0.9× C means time per call ≤ 1/0.9 ≈ 1.11× C.
        let signRecover = bench.compare({ sigilSignRecover(key, digest, $0) }, { cSignRecover(context, secret, digest, $0) })
        let newKey = bench.compare({ sigilNewKey(digest, $0) }, { cNewKey(context, digest, $0) })
        return [
            .perCall("sign digest + recover (Swift API vs C)", signRecover,
                     baselineName: "secp256k1_ecdsa_sign_recoverable + _recover in C", target: .atMost(1.0 / 0.9)),
            .perCall("new key + address (Swift API vs C)", newKey,
                     baselineName: "secp256k1_ec_pubkey_create + serialize + Keccak-256", target: .atMost(1.3)),
        ]
    }

    @inline(never)
    static func sigilSignRecover(_ key: PrivateKey, _ digest: BenchBuffer, _ iterations: Int) {
        for _ in 0..<iterations {
            let bytes = Array(digest.bytes)
            let signature = try! key.sign(digest: bytes)
            let recovered = try! signature.recoverPublicKey(digest: bytes)
            // Feed back, so the calls form a dependency chain.
            recovered.raw.withUnsafeBytes { digest.pointer.copyMemory(from: $0.baseAddress!, byteCount: 32) }
        }
    }

    @inline(never)
    static func cSignRecover(_ context: OpaquePointer, _ secret: [UInt8], _ digest: BenchBuffer, _ iterations: Int) {
        var signature = secp256k1_ecdsa_recoverable_signature()
        var compact = [UInt8](repeating: 0, count: 64)
        var recid: Int32 = 0
        var parsed = secp256k1_ecdsa_recoverable_signature()
        var pubkey = secp256k1_pubkey()
        var serialized = [UInt8](repeating: 0, count: 65)
        for _ in 0..<iterations {
            let d = digest.pointer.assumingMemoryBound(to: UInt8.self)
            guard secp256k1_ecdsa_sign_recoverable(context, &signature, d, secret, nil, nil) == 1,
                  secp256k1_ecdsa_recoverable_signature_serialize_compact(context, &compact, &recid, &signature) == 1,
                  secp256k1_ecdsa_recoverable_signature_parse_compact(context, &parsed, compact, recid) == 1,
                  secp256k1_ecdsa_recover(context, &pubkey, &parsed, d) == 1 else { fatalError("C sign/recover failed") }
            var length = 65
            secp256k1_ec_pubkey_serialize(context, &serialized, &length, &pubkey, UInt32(SECP256K1_EC_UNCOMPRESSED))
            serialized.withUnsafeBytes { digest.pointer.copyMemory(from: $0.baseAddress! + 1, byteCount: 32) }
        }
    }

    /// The digest buffer doubles as the secret: each round's address feeds the next secret.
    @inline(never)
    static func sigilNewKey(_ seed: BenchBuffer, _ iterations: Int) {
        for _ in 0..<iterations {
            seed.pointer.storeBytes(of: 1, toByteOffset: 0, as: UInt8.self)
            let key = try! PrivateKey(secret: SecureBytes(copying: seed.bytes))
            key.address.bytes.withUnsafeBytes { seed.pointer.copyMemory(from: $0.baseAddress!, byteCount: 20) }
        }
    }

    @inline(never)
    static func cNewKey(_ context: OpaquePointer, _ seed: BenchBuffer, _ iterations: Int) {
        var pubkey = secp256k1_pubkey()
        var serialized = [UInt8](repeating: 0, count: 65)
        var hash = [UInt8](repeating: 0, count: 32)
        for _ in 0..<iterations {
            seed.pointer.storeBytes(of: 1, toByteOffset: 0, as: UInt8.self)
            let secret = seed.pointer.assumingMemoryBound(to: UInt8.self)
            guard secp256k1_ec_seckey_verify(context, secret) == 1,
                  secp256k1_ec_pubkey_create(context, &pubkey, secret) == 1 else { fatalError("C key creation failed") }
            var length = 65
            secp256k1_ec_pubkey_serialize(context, &serialized, &length, &pubkey, UInt32(SECP256K1_EC_UNCOMPRESSED))
            serialized.withUnsafeBytes { raw in
                hash.withUnsafeMutableBytes { Keccak256.hash(UnsafeRawBufferPointer(rebasing: raw[1...]), into: $0) }
            }
            hash.withUnsafeBytes { seed.pointer.copyMemory(from: $0.baseAddress! + 12, byteCount: 20) }
        }
    }
}
