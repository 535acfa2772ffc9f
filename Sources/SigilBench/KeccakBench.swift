import COpenSSL
import SigilCore

/// Keccak-256 against OpenSSL's SHA3-256: the same Keccak-f[1600] permutation and rate
/// (only the padding byte differs), in OpenSSL's hand-written assembly.
enum KeccakBench {
    static let oneShot = "OpenSSL SHA3-256 one-shot EVP_Digest(EVP_sha3_256())"
    static let reuse = "OpenSSL SHA3-256 reused EVP_MD_CTX, fetched EVP_MD"

    static func rows() -> [BenchRow] {
        let bench = Benchmark()
        var rows = [BenchRow]()

        let mebibyte = 1 << 20
        let bulk = BenchBuffer(count: mebibyte)
        rows.append(.throughput("Keccak-256 1 MiB throughput", bytes: mebibyte,
                                bench.compare({ sigilInto(bulk, $0) }, { openSSLOneShot(bulk, $0) }),
                                baselineName: oneShot, target: .atLeast(0.75)))

        for size in [32, 64, 136] {
            let input = BenchBuffer(count: size)
            rows.append(.perCall("Keccak-256 \(size) B per call",
                                 bench.compare({ sigilArray(input, $0) }, { openSSLOneShot(input, $0) }),
                                 baselineName: oneShot, target: .atMost(1.3)))
        }
        guard let md = EVP_MD_fetch(nil, "SHA3-256", nil), let context = EVP_MD_CTX_new() else {
            fatalError("OpenSSL has no SHA3-256")
        }
        defer {
            EVP_MD_CTX_free(context)
            EVP_MD_free(md)
        }
        for size in [32, 64, 136] {
            let input = BenchBuffer(count: size)
            rows.append(.perCall("Keccak-256 \(size) B into buffer, vs ctx reuse",
                                 bench.compare({ sigilInto(input, $0) }, { openSSLReuse(input, context, md, $0) }),
                                 baselineName: reuse, target: .informational))
        }
        return rows
    }

    // Every loop feeds each digest back into the input (when it fits), so calls form a
    // dependency chain the optimizer cannot hoist or drop, the same for both sides.

    /// `Keccak256.hash(_:) -> [UInt8]`: the everyday API, including the result allocation.
    @inline(never)
    static func sigilArray(_ input: BenchBuffer, _ iterations: Int) {
        let feedback = Swift.min(32, input.count)
        for _ in 0..<iterations {
            let digest = Keccak256.hash(input.bytes)
            digest.withUnsafeBytes { input.pointer.copyMemory(from: $0.baseAddress!, byteCount: feedback) }
        }
    }

    /// `Keccak256.hash(_:into:)`: no allocation at all.
    @inline(never)
    static func sigilInto(_ input: BenchBuffer, _ iterations: Int) {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for _ in 0..<iterations {
            withUnsafeMutableBytes(of: &digest) { out in
                Keccak256.hash(input.bytes, into: out)
                input.pointer.copyMemory(from: out.baseAddress!, byteCount: Swift.min(32, input.count))
            }
        }
    }

    @inline(never)
    static func openSSLOneShot(_ input: BenchBuffer, _ iterations: Int) {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length: UInt32 = 0
        for _ in 0..<iterations {
            withUnsafeMutableBytes(of: &digest) { out in
                let md = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                guard EVP_Digest(input.pointer, input.count, md, &length, EVP_sha3_256(), nil) == 1 else {
                    fatalError("EVP_Digest failed")
                }
                input.pointer.copyMemory(from: out.baseAddress!, byteCount: Swift.min(32, input.count))
            }
        }
    }

    @inline(never)
    static func openSSLReuse(_ input: BenchBuffer, _ context: OpaquePointer, _ type: OpaquePointer,
                             _ iterations: Int) {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var length: UInt32 = 0
        for _ in 0..<iterations {
            withUnsafeMutableBytes(of: &digest) { out in
                let md = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                guard EVP_DigestInit_ex(context, type, nil) == 1,
                      EVP_DigestUpdate(context, input.pointer, input.count) == 1,
                      EVP_DigestFinal_ex(context, md, &length) == 1 else {
                    fatalError("EVP_Digest* failed")
                }
                input.pointer.copyMemory(from: out.baseAddress!, byteCount: Swift.min(32, input.count))
            }
        }
    }
}
