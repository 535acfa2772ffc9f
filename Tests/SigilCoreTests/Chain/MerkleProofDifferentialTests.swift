import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Sigil's trie against py-trie 4.0.0's HexaryTrie (Tests/Oracles/trie_oracle.py) on 1,000
/// random tries, plain and secure, with deletes and overwrites.
///
/// py-trie's `get_proof` lists every node on the path, repeating children that are embedded
/// in their parent (under 32 bytes); `eth_getProof` (geth) and `MerklePatriciaTrie.proof(for:)`
/// list only the nodes referenced by hash (and the root). So Sigil's proof must equal py-trie's
/// with the embedded repeats left out, byte for byte; the verifier must read both forms; and
/// py-trie must verify Sigil's proofs to the same value.
@Suite struct MerkleProofDifferentialTests {
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func thousandRandomTriesMatchPyTrie() throws {
        var rng = SeededGenerator(seed: ChainTestSupport.seed("trie differential"))
        let cases = (0..<1000).map { TrieTestSupport.randomCase(secure: $0 % 2 == 1, using: &rng) }
        let tries = cases.map { $0.trie() }
        let request: [[String: Any]] = zip(cases, tries).map { c, trie in
            [
                "secure": c.secure,
                "ops": c.operations.map { [Hex.encode($0.key, prefix: false), Hex.encode($0.value, prefix: false)] },
                "probes": c.probes.map { Hex.encode($0, prefix: false) },
                "check": c.probes.map { trie.proof(for: c.path($0)).map { Hex.encode($0, prefix: false) } },
            ]
        }
        let reply = try #require(try PythonOracle.run("trie_oracle.py", input: ["tries": request]) as? [String: Any])
        let results = try #require(reply["tries"] as? [[String: Any]])
        try #require(results.count == cases.count)
        func bytes(_ hex: String) throws -> [UInt8] { try Hex.decode(hex, prefix: .forbidden) }

        var proofsCompared = 0, embeddedRepeats = 0, absent = 0, corruptions = 0, unanswerable = 0
        for (number, (c, (trie, result))) in zip(cases, zip(tries, results)).enumerated() {
            let label = "trie \(number) (\(c.secure ? "secure" : "plain"))"
            let root = try bytes(try #require(result["root"] as? String))
            #expect(trie.rootHash == root, "\(label)")
            let theirProofs = try #require(result["proofs"] as? [[String]])
            let theirValues = try #require(result["values"] as? [Any])
            for (probe, (theirHex, theirValue)) in zip(c.probes, zip(theirProofs, theirValues)) {
                let path = c.path(probe)
                let expected = c.contents[probe]
                let theirs = try theirHex.map(bytes)
                let ours = trie.proof(for: path)
                let hashed = theirs.enumerated().filter { $0.offset == 0 || $0.element.count >= 32 }.map(\.element)
                embeddedRepeats += theirs.count - hashed.count
                #expect(ours == hashed, "\(label): proof of \(Hex.encode(probe))")
                #expect(try MerkleProof.verify(root: root, key: path, proof: ours) == expected, "\(label)")
                #expect(try MerkleProof.verify(root: root, key: path, proof: theirs) == expected, "\(label): py-trie's form")
                // py-trie answers null for absent, hex for a value, "!reason" when it refuses the
                // proof, "?" for a key ending inside an extension's path, which its lookup refuses
                // to traverse (such a key can only be absent).
                var pyValue = theirValue as? String
                if pyValue == "?" {
                    #expect(expected == nil, "\(label): py-trie could not look up a present key")
                    unanswerable += 1
                    pyValue = nil
                }
                #expect(pyValue?.hasPrefix("!") != true, "\(label): py-trie refused Sigil's proof: \(pyValue ?? "")")
                #expect(try pyValue.map(bytes) == expected, "\(label): py-trie on Sigil's proof")
                if expected == nil { absent += 1 }
                proofsCompared += 1
                if corruptions < 100, !theirs.isEmpty, Int.random(in: 0..<20, using: &rng) == 0 {
                    TrieTestSupport.checkCorruption(root: root, key: path, proof: theirs, label: label, using: &rng)
                    corruptions += 1
                }
            }
        }
        // The run must have exercised what it claims to.
        #expect(proofsCompared > 10_000)
        #expect(embeddedRepeats > 100, "too few embedded nodes (\(embeddedRepeats))")
        #expect(absent > 1_000)
        #expect(corruptions == 100)
        #expect(unanswerable < proofsCompared / 50, "py-trie could not look up \(unanswerable) keys")
    }
}
