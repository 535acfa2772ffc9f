import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Random tries and proof corruption, shared by the proof tests.
enum TrieTestSupport {
    /// A random trie's history: the operations applied (an empty value deletes), the keys to
    /// probe and what each should prove to. Keys are the caller's keys; a secure trie's
    /// path is keccak256(key).
    struct RandomCase {
        var secure: Bool
        var operations: [(key: [UInt8], value: [UInt8])] = []
        var contents: [[UInt8]: [UInt8]] = [:]
        var probes: [[UInt8]] = []

        func path(_ key: [UInt8]) -> [UInt8] { secure ? Keccak256.hash(key) : key }

        func trie() -> MerklePatriciaTrie {
            var trie = MerklePatriciaTrie()
            for (key, value) in operations { trie.insert(key: path(key), value: value) }
            return trie
        }
    }

    /// Short keys over a small alphabet share prefixes (extensions, branch values, embedded
    /// nodes); short values make nodes under 32 bytes; some keys and values are long.
    static func randomCase(secure: Bool, using rng: inout SeededGenerator) -> RandomCase {
        var result = RandomCase(secure: secure)
        let alphabet: [UInt8] = [0x00, 0x01, 0x10, 0x11, 0x12, 0xab, 0xff]
        func key() -> [UInt8] {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: return rng.bytes(32)
            case 1...6: return (0..<Int.random(in: 0...5, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            default: return rng.bytes(Int.random(in: 1...8, using: &rng))
            }
        }
        func value() -> [UInt8] {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...3: return rng.bytes(Int.random(in: 1...4, using: &rng))
            case 4...7: return rng.bytes(Int.random(in: 5...40, using: &rng))
            default: return rng.bytes(Int.random(in: 41...120, using: &rng))
            }
        }
        var keys: [[UInt8]] = []
        for _ in 0..<Int.random(in: 1...40, using: &rng) {
            let roll = Int.random(in: 0..<10, using: &rng)
            if roll < 2, let existing = keys.randomElement(using: &rng) {
                result.operations.append((existing, []))          // delete
                result.contents[existing] = nil
            } else {
                let k = roll < 3 ? (keys.randomElement(using: &rng) ?? key()) : key()   // sometimes overwrite
                let v = value()
                result.operations.append((k, v))
                result.contents[k] = v
                keys.append(k)
            }
        }
        var probes = Set(keys)
        for _ in 0..<3 { probes.insert(key()) }
        result.probes = probes.sorted { $0.lexicographicallyPrecedes($1) }
        return result
    }

    /// Changes one random byte of one random node of an honest proof and checks the refusal
    /// precisely: the walk is unchanged up to the altered node, so it must stop there, with
    /// `.hashMismatch` (a node reached by hash: keccak256 changes) or `.embeddedMismatch` (a
    /// repeated embedded node: it no longer equals its parent's copy). So the honest value
    /// can never come back, and no other outcome is accepted.
    static func checkCorruption(root: [UInt8], key: [UInt8], proof: [[UInt8]], label: String, using rng: inout SeededGenerator) {
        guard !proof.isEmpty else { return }
        let index = Int.random(in: 0..<proof.count, using: &rng)
        var corrupted = proof
        let offset = Int.random(in: 0..<corrupted[index].count, using: &rng)
        corrupted[index][offset] ^= UInt8.random(in: 1...255, using: &rng)
        let expected: TrieProofError = index > 0 && proof[index].count < 32 ? .embeddedMismatch(index: index) : .hashMismatch(index: index)
        #expect(throws: expected, "\(label): byte \(offset) of node \(index)") {
            try MerkleProof.verify(root: root, key: key, proof: corrupted)
        }
    }
}
