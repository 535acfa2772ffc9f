import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// ethereum/tests TrieTests (trie_ethereum_tests.json), read in place: every root case, plain
/// and secure, ordered with deletes and in any order; every key's proof verifies to its value.
@Suite("Merkle-Patricia trie conformance", TestEnvironment.vectorsTrait)
struct TrieConformanceTests {
    @Test("every root case of trie_ethereum_tests.json")
    func everyRootCase() throws {
        let file = try #require(try Vectors.json("trie_ethereum_tests.json") as? [String: Any])
        let cases = try #require(file["cases"] as? [String: Any])
        #expect(cases.count == 25)
        var rng = SeededGenerator(seed: ChainTestSupport.seed("trie conformance"))
        var checked = 0
        for (name, value) in cases.sorted(by: { $0.key < $1.key }) {
            let test = try #require(value as? [String: Any], "\(name)")
            let secure = name.lowercased().contains("secure")
            let expectedRoot = try ChainTestSupport.bytes(test["root"])
            func path(_ key: [UInt8]) -> [UInt8] { secure ? Keccak256.hash(key) : key }
            // The final contents, to check every key's proof afterwards.
            var contents: [[UInt8]: [UInt8]] = [:]
            var touched: Set<[UInt8]> = []
            if let pairs = test["in"] as? [[Any]] {
                var trie = MerklePatriciaTrie()
                for pair in pairs {
                    let key = try ChainTestSupport.trieBytes(try #require(pair[0] as? String))
                    touched.insert(key)
                    let value = try (pair[1] as? String).map(ChainTestSupport.trieBytes) ?? []
                    if !value.isEmpty {
                        trie.insert(key: path(key), value: value)
                        contents[key] = value
                    } else {
                        trie.remove(key: path(key))
                        contents[key] = nil
                    }
                }
                #expect(trie.rootHash == expectedRoot, "\(name)")
                try checkProofs(trie, contents: contents, touched: touched, path: path, name: name)
            } else {
                let object = try #require(test["in"] as? [String: String], "\(name)")
                let pairs = try object.map { (try ChainTestSupport.trieBytes($0.key), try ChainTestSupport.trieBytes($0.value)) }
                for (key, value) in pairs { contents[key] = value; touched.insert(key) }
                // Any order gives the same root: try a few.
                for _ in 0..<4 {
                    var trie = MerklePatriciaTrie()
                    for (key, value) in pairs.shuffled(using: &rng) { trie.insert(key: path(key), value: value) }
                    #expect(trie.rootHash == expectedRoot, "\(name)")
                    try checkProofs(trie, contents: contents, touched: touched, path: path, name: name)
                }
            }
            checked += 1
        }
        #expect(checked == 25)
    }

    /// Every present key proves its value, every removed key proves absent, against the root.
    private func checkProofs(_ trie: MerklePatriciaTrie, contents: [[UInt8]: [UInt8]], touched: Set<[UInt8]>,
                             path: ([UInt8]) -> [UInt8], name: String) throws {
        for key in touched {
            let proof = trie.proof(for: path(key))
            let proved = try MerkleProof.verify(root: trie.rootHash, key: path(key), proof: proof)
            #expect(proved == contents[key], "\(name): key \(Hex.encode(key))")
        }
    }

    @Test("the empty trie's root is keccak256(0x80) and proves every key absent")
    func emptyTrie() throws {
        let trie = MerklePatriciaTrie()
        #expect(Hex.encode(trie.rootHash) == "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        #expect(trie.rootHash == MerklePatriciaTrie.emptyRoot)
        #expect(trie.proof(for: [1, 2, 3]).isEmpty)
        #expect(try MerkleProof.verify(root: trie.rootHash, key: [1, 2, 3], proof: []) == nil)
        #expect(try MerkleProof.verify(root: trie.rootHash, key: [1], proof: [[0x80]]) == nil)
        #expect(MerklePatriciaTrie.orderedRoot([]) == MerklePatriciaTrie.emptyRoot)
    }
}
