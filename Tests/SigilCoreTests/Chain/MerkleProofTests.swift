import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// The proof verifier's strictness, case by case, and single-byte corruptions of real proofs.
@Suite struct MerkleProofTests {
    /// The "puppy" trie of ethereum/tests: do, dog, doge, horse (extension, branches, leaves).
    static func puppy() -> MerklePatriciaTrie {
        var trie = MerklePatriciaTrie()
        for (key, value) in [("do", "verb"), ("dog", "puppy"), ("doge", "coin"), ("horse", "stallion")] {
            trie.insert(key: Array(key.utf8), value: Array(value.utf8))
        }
        return trie
    }

    /// The error's case, without its message.
    static func kind(_ error: TrieProofError) -> String {
        String(String(describing: error).prefix(while: { $0 != ":" }))
    }

    /// Verifies a one-node proof whose root is made to match the (malformed) node, so the
    /// check under test is the parser's, not the hash's.
    static func refusal(ofRoot node: [UInt8], key: [UInt8] = [0x12]) -> TrieProofError? {
        do {
            _ = try MerkleProof.verify(root: Keccak256.hash(node), key: key, proof: [node])
            return nil
        } catch {
            return error
        }
    }

    @Test func honestProofsOfTheSmallTrie() throws {
        let trie = Self.puppy()
        #expect(Hex.encode(trie.rootHash) == "0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84")
        for (key, value) in [("do", "verb"), ("dog", "puppy"), ("doge", "coin"), ("horse", "stallion")] {
            #expect(try MerkleProof.verify(root: trie.rootHash, key: Array(key.utf8), proof: trie.proof(for: Array(key.utf8))) == Array(value.utf8))
        }
        for absent in ["d", "dot", "doges", "horses", "x", ""] {
            let key = Array(absent.utf8)
            #expect(try MerkleProof.verify(root: trie.rootHash, key: key, proof: trie.proof(for: key)) == nil, "\(absent)")
        }
    }

    @Test func missingExtraAndMisplacedNodes() throws {
        let trie = Self.puppy()
        let key = Array("doge".utf8)
        let proof = trie.proof(for: key)
        try #require(proof.count >= 2)
        #expect(throws: TrieProofError.missingNode(index: proof.count - 1)) {
            try MerkleProof.verify(root: trie.rootHash, key: key, proof: Array(proof.dropLast()))
        }
        // "doge" ends in a leaf embedded in its parent: a node after it is taken for the
        // repeated embedded leaf, and refused as not being it.
        #expect(throws: TrieProofError.embeddedMismatch(index: proof.count)) {
            try MerkleProof.verify(root: trie.rootHash, key: key, proof: proof + [proof[0]])
        }
        // Where every node is hashed, a node after the path's end is unused.
        var long = MerklePatriciaTrie()
        for word in ["do", "dog", "doge", "horse"] { long.insert(key: Array(word.utf8), value: [UInt8](repeating: 1, count: 40)) }
        let longProof = long.proof(for: key)
        #expect(throws: TrieProofError.unusedNode(index: longProof.count)) {
            try MerkleProof.verify(root: long.rootHash, key: key, proof: longProof + [longProof[0]])
        }
        #expect(throws: TrieProofError.hashMismatch(index: 0)) {
            try MerkleProof.verify(root: trie.rootHash, key: key, proof: Array(proof.reversed()))
        }
        #expect(throws: TrieProofError.invalidRoot(byteCount: 31)) {
            try MerkleProof.verify(root: Array(trie.rootHash.dropLast()), key: key, proof: proof)
        }
        #expect(throws: TrieProofError.missingNode(index: 0)) {
            try MerkleProof.verify(root: trie.rootHash, key: key, proof: [])
        }
        #expect(TrieProofError.hashMismatch(index: 3).description == "proof node 3 does not hash to its reference")
        #expect(TrieProofError.hashMismatch(index: 3).category == .unproven)
    }

    @Test func malformedNodesAreRefusedByName() throws {
        // A well-formed leaf (odd path 1 2 a) proves [0x12, 0xa?] absent, with no error.
        let leaf = RLP.encode(.list([.bytes([0x31, 0x2a]), .bytes(Array("value".utf8))]))
        #expect(Self.refusal(ofRoot: leaf) == nil)
        // Trailing bytes after the node.
        #expect(Self.refusal(ofRoot: leaf + [0x00]) == .invalidRLP(index: 0, problem: "1 trailing byte(s) after the node"))
        // Non-canonical RLP inside the node: 0x81 0x05 for the single byte 0x05.
        let nonCanonical: [UInt8] = [0xc5, 0x81, 0x05, 0x83, 0x61, 0x62, 0x63]
        #expect(Self.refusal(ofRoot: nonCanonical).map(Self.kind) == "proof node 0 is not valid RLP")
        // Three items; a byte string; a leaf without a value; a bad hex-prefix flag; odd padding.
        let cases: [[UInt8]] = [
            RLP.encode(.list([.bytes([0x20]), .bytes([1]), .bytes([2])])),
            RLP.encode(.bytes([1, 2, 3])),
            RLP.encode(.list([.bytes([0x20]), .bytes([])])),
            RLP.encode(.list([.bytes([0x40]), .bytes([1])])),
            RLP.encode(.list([.bytes([0x21]), .bytes([1])])),
            RLP.encode(.list([.bytes([]), .bytes([1])])),
            RLP.encode(.list([.bytes([0x00]), .bytes([1])])),                      // extension with an empty path
            RLP.encode(.list([.bytes([0x11]), .bytes([1, 2, 3])])),                // extension child of 3 bytes
            RLP.encode(.list([.list([]), .bytes([1])])),                           // path is a list
            RLP.encode(.list(Array(repeating: .bytes([1, 2]), count: 16) + [.bytes([])])),   // 2-byte branch children
            RLP.encode(.list(Array(repeating: .bytes([]), count: 16) + [.list([])])),        // branch value is a list
            RLP.encode(.list(Array(repeating: .bytes([]), count: 18))),
        ]
        for node in cases {
            let error = Self.refusal(ofRoot: node, key: [0x12])
            #expect(error.map(Self.kind) == "proof node 0 is not a trie node", "\(Hex.encode(node)): \(String(describing: error))")
        }
        // An embedded child of 32 bytes or more must have been a hash.
        let big = RLP.encode(.list([.bytes([0x20]), .bytes([UInt8](repeating: 7, count: 30))]))
        #expect(big.count >= 32)
        var branch = [RLPItem](repeating: .bytes([]), count: 17)
        branch[1] = try RLP.decode(big)
        let error = Self.refusal(ofRoot: RLP.encode(.list(branch)), key: [0x12])
        #expect(error.map(Self.kind) == "proof node 0 is not a trie node")
    }

    @Test func embeddedNodesListedOrNot() throws {
        // A branch whose children are tiny leaves, embedded in it.
        var trie = MerklePatriciaTrie()
        trie.insert(key: [0x10], value: [1])
        trie.insert(key: [0x20], value: [2])
        trie.insert(key: [0x30, 0x00], value: Array(repeating: 9, count: 40))
        let proof = trie.proof(for: [0x20])
        #expect(proof.count == 1)   // the leaf is embedded in the root branch
        #expect(try MerkleProof.verify(root: trie.rootHash, key: [0x20], proof: proof) == [2])
        // py-trie's form repeats the embedded leaf: [0x20] → leaf path "0" after nibble 2: hex-prefix 0x30.
        let embedded = RLP.encode(.list([.bytes([0x30]), .bytes([2])]))
        #expect(try MerkleProof.verify(root: trie.rootHash, key: [0x20], proof: proof + [embedded]) == [2])
        #expect(throws: TrieProofError.embeddedMismatch(index: 1)) {
            try MerkleProof.verify(root: trie.rootHash, key: [0x20], proof: proof + [RLP.encode(.list([.bytes([0x30]), .bytes([3])]))])
        }
        #expect(throws: TrieProofError.unusedNode(index: 2)) {
            try MerkleProof.verify(root: trie.rootHash, key: [0x20], proof: proof + [embedded, embedded])
        }
    }

    @Test func singleByteCorruptionsOfRealProofsAreRefused() throws {
        var rng = SeededGenerator(seed: ChainTestSupport.seed("proof corruptions"))
        var done = 0
        // 100 from the eth_getProof vectors (account and storage proofs), when present.
        if TestEnvironment.vectorsEnabled {
            let examples = try StateProofConformanceTests.examples()
            var sources: [(root: [UInt8], key: [UInt8], proof: [[UInt8]])] = []
            for example in examples {
                sources.append((example.stateRoot, Keccak256.hash(example.address.bytes), example.accountProof))
                for entry in example.storage {
                    sources.append((example.account.storageRoot, Keccak256.hash(entry.slot), entry.proof))
                }
            }
            for _ in 0..<100 {
                let source = sources.randomElement(using: &rng)!
                TrieTestSupport.checkCorruption(root: source.root, key: source.key, proof: source.proof, label: "vector", using: &rng)
                done += 1
            }
        }
        // 100 from random tries, present and absent keys.
        while done < 200 {
            let random = TrieTestSupport.randomCase(secure: Bool.random(using: &rng), using: &rng)
            let trie = random.trie()
            let key = random.path(random.probes.randomElement(using: &rng)!)
            let proof = trie.proof(for: key)
            guard !proof.isEmpty else { continue }
            TrieTestSupport.checkCorruption(root: trie.rootHash, key: key, proof: proof, label: "random trie", using: &rng)
            done += 1
        }
        #expect(done == 200)
    }
}
