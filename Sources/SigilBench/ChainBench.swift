import Glibc
import SigilCore

/// Issue 13's core figures: verifying an 8-node account proof against the Keccak-256 calls
/// it cannot avoid (hashing the same 8 nodes), and the receipts root of a 1,000-receipt block
/// against py-trie's HexaryTrie on the same encodings (scripts/bench/receipts_root.py).
enum ChainBench {
    static func rows() -> [BenchRow] {
        var rows = [BenchRow]()
        let bench = Benchmark()

        let (root, key, proof) = eightNodeProof()
        let proofBuffers = proof.map { node in
            let buffer = BenchBuffer(count: node.count)
            node.withUnsafeBytes { buffer.pointer.copyMemory(from: $0.baseAddress!, byteCount: node.count) }
            return buffer
        }
        rows.append(.perCall("verify 8-node account proof (\(proof.map(\.count).reduce(0, +)) B) vs its Keccak-256 calls",
                             bench.compare({ verify(root, key, proof, $0) }, { hashNodes(proofBuffers, $0) }),
                             baselineName: "Keccak256.hash(into:) of the same 8 nodes", target: .atMost(1.3)))

        let receipts = makeReceipts(count: 1000).map(\.encoded)
        let sigil = bench.measure { n in
            for _ in 0..<n { blackHole(MerklePatriciaTrie.orderedRoot(receipts)) }
        }
        if let python = pyTrie(receipts, expectedRoot: MerklePatriciaTrie.orderedRoot(receipts)) {
            rows.append(BenchRow(name: "receipts root of 1,000 receipts vs Python trie", unit: .nanosecondsPerCall,
                                 sigil: sigil.bestNanoseconds, baseline: python,
                                 baselineName: "py-trie 4.0.0 HexaryTrie (best of 5)", target: .atMost(0.1)))
        }
        return rows
    }

    @inline(never)
    static func verify(_ root: [UInt8], _ key: [UInt8], _ proof: [[UInt8]], _ iterations: Int) {
        for _ in 0..<iterations {
            guard let value = try? MerkleProof.verify(root: root, key: key, proof: proof) else { fatalError("bench proof did not verify") }
            blackHole(value)
        }
    }

    @inline(never)
    static func hashNodes(_ nodes: [BenchBuffer], _ iterations: Int) {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for _ in 0..<iterations {
            withUnsafeMutableBytes(of: &digest) { out in
                for node in nodes { Keccak256.hash(node.bytes, into: out) }
            }
            blackHole(digest)
        }
    }

    /// A state-like trie (32-byte paths, account values) whose proof for one key is 7 full
    /// branches and a leaf: at each of the first 7 nibbles of the key, 15 siblings diverge,
    /// and 20,000 random accounts fill the rest of the trie around it.
    static func eightNodeProof() -> (root: [UInt8], key: [UInt8], proof: [[UInt8]]) {
        var state: UInt64 = 0x13_5EED
        func random32() -> [UInt8] {
            (0..<32).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt8(truncatingIfNeeded: state >> 33)
            }
        }
        func account(_ n: UInt64) -> [UInt8] {
            AccountState(nonce: n, balance: U256(n &* 1_000_000_007), storageRoot: MerklePatriciaTrie.emptyRoot,
                         codeHash: AccountState.emptyCodeHash).rlp
        }
        var trie = MerklePatriciaTrie()
        for n in 0..<20_000 { trie.insert(key: random32(), value: account(UInt64(n))) }
        let target = random32()
        for depth in 0..<7 {
            let targetNibble = depth % 2 == 0 ? target[depth / 2] >> 4 : target[depth / 2] & 0x0f
            for nibble in UInt8(0)..<16 where nibble != targetNibble {
                var sibling = random32()
                sibling.replaceSubrange(0..<(depth / 2), with: target[0..<(depth / 2)])
                if depth % 2 == 0 {
                    sibling[depth / 2] = nibble << 4 | (sibling[depth / 2] & 0x0f)
                } else {
                    sibling[depth / 2] = (target[depth / 2] & 0xf0) | nibble
                }
                trie.insert(key: sibling, value: account(UInt64(depth * 16) + UInt64(nibble)))
            }
        }
        trie.insert(key: target, value: account(42))
        let proof = trie.proof(for: target)
        precondition(proof.count == 8, "bench proof has \(proof.count) nodes, expected 8")
        return (trie.rootHash, target, proof)
    }

    /// Receipts like a busy block's: EIP-1559, some with ERC-20 Transfer-like logs.
    static func makeReceipts(count: Int) -> [Receipt] {
        var gas: UInt64 = 0
        return (0..<count).map { i in
            gas += 21_000 + UInt64(i % 7) * 13_000
            let logs = (0..<(i % 4)).map { j in
                Log(address: try! Address(bytes: [UInt8](repeating: UInt8(truncatingIfNeeded: i), count: 19) + [UInt8(j)]),
                    topics: [Keccak256.hash("Transfer(address,address,uint256)"), [UInt8](repeating: UInt8(truncatingIfNeeded: i), count: 32),
                             [UInt8](repeating: UInt8(truncatingIfNeeded: j), count: 32)],
                    data: U256(UInt64(i * 1000 + j)).bigEndianBytes)
            }
            return Receipt(type: 2, outcome: .status(i % 10 != 0), cumulativeGasUsed: gas, logsBloom: Receipt.bloom(of: logs), logs: logs)
        }
    }

    /// py-trie's time (ns, best of 5) for the same root, or nil without the venv.
    static func pyTrie(_ values: [[UInt8]], expectedRoot: [UInt8]) -> Double? {
        let python = getenv("SIGIL_PYTHON").map { String(cString: $0) } ?? ".venv/bin/python"
        guard access(python, X_OK) == 0 else { return nil }
        let path = "/tmp/sigil-bench-receipts-\(getpid()).txt"
        defer { unlink(path) }
        let text = values.map { Hex.encode($0, prefix: false) }.joined(separator: "\n") + "\n"
        guard (try? FileIO.writeAtomically(path, Array(text.utf8), mode: 0o600)) != nil,
              let pipe = popen("\(python) scripts/bench/receipts_root.py \(path)", "r") else { return nil }
        var output = [CChar](repeating: 0, count: 256)
        let line = fgets(&output, 256, pipe)
        pclose(pipe)
        guard line != nil else { return nil }
        let fields = String(decoding: output.prefix { $0 != 0 && $0 != 10 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).split(separator: " ")
        guard fields.count == 2, let nanoseconds = Double(fields[1]) else { return nil }
        guard fields[0] == Hex.encode(expectedRoot, prefix: false) else {
            fatalError("py-trie's receipts root \(fields[0]) differs from Sigil's \(Hex.encode(expectedRoot))")
        }
        return nanoseconds
    }
}
