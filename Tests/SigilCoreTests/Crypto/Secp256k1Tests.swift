import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// The seed of this run: `$SIGIL_SEED` if set (to replay a failure), else random.
fileprivate let runSeed = SeededGenerator.seedFromEnvironment()

fileprivate func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes, prefix: false) }

fileprivate func secretHex(_ key: PrivateKey) -> String { key.withUnsafeSecret { Hex.encode($0, prefix: false) } }

fileprivate func randomKey(_ rng: inout SeededGenerator) -> PrivateKey {
    while true {
        var bytes = rng.bytes(32)
        if let key = try? PrivateKey(secret: SecureBytes(consuming: &bytes)) { return key }
    }
}

fileprivate func key(_ last: UInt8) throws -> PrivateKey {
    var bytes = [UInt8](repeating: 0, count: 32)
    bytes[31] = last
    return try PrivateKey(secret: SecureBytes(consuming: &bytes))
}

@Suite("secp256k1 (libsecp256k1 wrapper, public keys, differential)")
struct Secp256k1Tests {
    static let generatorX = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
    static let twoGX = "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5"

    // MARK: Public keys

    @Test func publicKeyOfOneIsTheGenerator() throws {
        let g = try key(1).publicKey
        #expect(hex(g.compressed) == "02" + Self.generatorX)
        #expect(hex(Array(g.raw[0..<32])) == Self.generatorX)
        #expect(g.uncompressed.count == 65 && g.uncompressed[0] == 0x04)
        #expect(g.raw.count == 64)
    }

    @Test func publicKeyEncodingsRoundTrip() throws {
        var rng = SeededGenerator(seed: runSeed)
        for _ in 0..<20 {
            let p = randomKey(&rng).publicKey
            #expect(try PublicKey(bytes: p.compressed) == p, "seed \(runSeed)")
            #expect(try PublicKey(bytes: p.uncompressed) == p, "seed \(runSeed)")
            #expect(try PublicKey(bytes: p.raw) == p, "seed \(runSeed)")
        }
    }

    @Test func invalidPublicKeysAreRejected() throws {
        let g = try key(1).publicKey
        #expect(throws: KeyError.invalidPublicKeyLength(32)) { try PublicKey(bytes: Array(g.raw[0..<32])) }
        #expect(throws: KeyError.invalidPublicKeyLength(0)) { try PublicKey(bytes: []) }
        // Not on the curve: y changed.
        var raw = g.raw
        raw[63] ^= 1
        #expect(throws: KeyError.invalidPublicKey) { try PublicKey(bytes: raw) }
        #expect(throws: KeyError.invalidPublicKey) { try PublicKey(bytes: [UInt8](repeating: 0, count: 64)) }
        // x = 5 has no point on the curve.
        #expect(throws: KeyError.invalidPublicKey) { try PublicKey(bytes: [0x02] + [UInt8](repeating: 0, count: 31) + [5]) }
        // Wrong prefixes, including the "hybrid" 0x06/0x07 form that libsecp256k1 would accept.
        #expect(throws: KeyError.invalidPublicKey) { try PublicKey(bytes: [0x04] + g.compressed[1...]) }
        #expect(throws: KeyError.invalidPublicKey) { try PublicKey(bytes: [0x06] + g.raw) }
        #expect(throws: KeyError.invalidPublicKey) { try PublicKey(bytes: [0x05] + g.raw) }
        #expect(KeyError.invalidPublicKey.category == .invalidInput)
    }

    @Test func tweakAndCombine() throws {
        let g = try key(1).publicKey
        let twoG = try key(2).publicKey
        var one = [UInt8](repeating: 0, count: 32)
        one[31] = 1
        #expect(try g.adding(tweak: one) == twoG)
        #expect(try PublicKey.combine([g, g]) == twoG)
        #expect(try PublicKey.combine([g]) == g)
        #expect(hex(Array(twoG.raw[0..<32])) == Self.twoGX)
        #expect(throws: KeyError.nothingToCombine) { try PublicKey.combine([]) }
        let minusG = try PublicKey(bytes: [0x03] + g.compressed[1...])
        #expect(throws: KeyError.combinationIsInfinity) { try PublicKey.combine([g, minusG]) }
        #expect(throws: KeyError.invalidTweakLength(31)) { try g.adding(tweak: [UInt8](repeating: 1, count: 31)) }
        #expect(throws: KeyError.invalidTweak) { try g.adding(tweak: [UInt8](repeating: 0xFF, count: 32)) }
    }

    // MARK: SystemRandom

    @Test func systemRandomFillsAndDiffers() {
        let a = SystemRandom.bytes(64), b = SystemRandom.bytes(64)
        #expect(a.count == 64 && SystemRandom.bytes(0).count == 0)
        #expect(!a.constantTimeEquals(b))
        let big = SystemRandom.bytes(100_000)
        let zeros = big.withUnsafeBytes { $0.filter { $0 == 0 }.count }
        #expect(zeros < 1_000, "about 390 zero bytes expected in 100,000")
    }

    @Test func concurrentUseOfTheSharedContext() async throws {
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let key = PrivateKey.generate()
                    let digest = Keccak256.hash(Array("concurrent".utf8))
                    guard let sig = try? key.sign(digest: digest) else { return false }
                    return (try? sig.recoverAddress(digest: digest)) == key.address
                }
            }
            var all = [Bool]()
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8 && results.allSatisfy { $0 })
    }

    // MARK: Differential against coincurve / eth-keys / eth-account

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func keysSignaturesAndRecoveryMatchPython() throws {
        var rng = SeededGenerator(seed: runSeed)
        var keys = [PrivateKey]()
        var signatures = [Signature]()
        var cases = [[String: Any]]()
        for i in 0..<1_000 {
            let key = i < 2 ? try Secp256k1Tests.edgeKey(i) : randomKey(&rng)
            let digest = rng.bytes(32)
            let signature = try key.sign(digest: digest)
            keys.append(key)
            signatures.append(signature)
            cases.append(["key": secretHex(key), "digest": hex(digest), "sig": hex(signature.bytes)])
        }
        let output = try PythonOracle.run("keys.py", input: ["op": "keys", "cases": cases])
        let answers = try #require(output as? [[String: String]])
        try #require(answers.count == keys.count)
        var mismatches = 0
        for (i, answer) in answers.enumerated() {
            let key = keys[i], sig = signatures[i]
            let compact = hex(sig.r + sig.s + [sig.yParity])
            let ok = answer["public"] == hex(key.publicKey.uncompressed)
                && answer["compressed"] == hex(key.publicKey.compressed)
                && answer["address"] == key.address.checksummed
                && answer["coincurve"] == compact
                && answer["ethkeys"] == compact
                && answer["recovered"] == key.address.checksummed
                && sig.isLowS
            if !ok {
                mismatches += 1
                Issue.record("case \(i) (seed \(runSeed)): key \(secretHex(key)) ours \(compact) \(key.address) python \(answer)")
            }
            if mismatches > 5 { break }
        }
        #expect(mismatches == 0, "seed \(runSeed)")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func ecdhXCoordinateMatchesPython() throws {
        var rng = SeededGenerator(seed: runSeed ^ 0xEC)
        var pairs = [(PrivateKey, PrivateKey)]()
        var cases = [[String: Any]]()
        for _ in 0..<250 {
            let a = randomKey(&rng), b = randomKey(&rng)
            pairs.append((a, b))
            cases.append(["key": secretHex(a), "peer": hex(b.publicKey.uncompressed)])
        }
        let answers = try #require(PythonOracle.run("keys.py", input: ["op": "ecdh", "cases": cases]) as? [String])
        try #require(answers.count == pairs.count)
        for (i, (a, b)) in pairs.enumerated() {
            let ab = try a.sharedSecretX(with: b.publicKey), ba = try b.sharedSecretX(with: a.publicKey)
            let ours = ab.withUnsafeBytes { Hex.encode($0, prefix: false) }
            #expect(ours == answers[i], "case \(i), seed \(runSeed)")
            #expect(ab.constantTimeEquals(ba), "case \(i), seed \(runSeed)")
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func tweaksMatchPython() throws {
        var rng = SeededGenerator(seed: runSeed ^ 0x7EAC)
        var inputs = [(PrivateKey, [UInt8])]()
        var cases = [[String: Any]]()
        for _ in 0..<200 {
            let key = randomKey(&rng), tweak = rng.bytes(32)
            inputs.append((key, tweak))
            cases.append(["key": secretHex(key), "tweak": hex(tweak)])
        }
        let output = try PythonOracle.run("keys.py", input: ["op": "tweak", "cases": cases])
        let answers = try #require(output as? [Any])
        try #require(answers.count == inputs.count)
        for (i, (key, tweak)) in inputs.enumerated() {
            if let answer = answers[i] as? [String: String] {
                let sum = try key.adding(tweak: tweak)
                #expect(secretHex(sum) == answer["private"], "case \(i), seed \(runSeed)")
                #expect(hex(try key.publicKey.adding(tweak: tweak).uncompressed) == answer["public"], "case \(i), seed \(runSeed)")
                #expect(sum.publicKey == (try key.publicKey.adding(tweak: tweak)), "case \(i), seed \(runSeed)")
            } else {
                // Python refused (tweak ≥ n): so must we.
                #expect(throws: KeyError.invalidTweak) { try key.adding(tweak: tweak) }
            }
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func combineMatchesPython() throws {
        var rng = SeededGenerator(seed: runSeed ^ 0xC0B1)
        var groups = [[PublicKey]]()
        for i in 0..<50 {
            groups.append((0...(i % 4)).map { _ in randomKey(&rng).publicKey })
        }
        let cases = groups.map { $0.map { hex($0.compressed) } }
        let answers = try #require(PythonOracle.run("keys.py", input: ["op": "combine", "cases": cases]) as? [String])
        try #require(answers.count == groups.count)
        for (i, group) in groups.enumerated() {
            #expect(hex(try PublicKey.combine(group).compressed) == answers[i], "case \(i), seed \(runSeed)")
        }
    }

    /// Keys at the edges of the range: 1 and n - 1.
    static func edgeKey(_ index: Int) throws -> PrivateKey {
        if index == 0 { return try key(1) }
        var bytes = try Hex.decode("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", prefix: .forbidden)
        return try PrivateKey(secret: SecureBytes(consuming: &bytes))
    }
}
