/// The Merkle-Patricia proof verifier on arbitrary nodes, key and root: it must never crash.
///
/// Input layout: byte 0 picks the key length (mod 33) and byte 1 whether the root is the
/// first node's hash (so the walk goes past the hash check) or taken from the input; the
/// rest is cut into nodes at 0xFE 0xFE separators. When the root is the first node's hash,
/// the outcome must be the same on a second run, and a one-node proof that verifies must,
/// with one more node appended, be refused (an unused node, or not the embedded child).
func fuzzTrieProof(_ bytes: [UInt8]) {
    guard bytes.count >= 2 else { return }
    let keyCount = Int(bytes[0]) % 33
    let rest = Array(bytes.dropFirst(2))
    let key = Array(rest.prefix(keyCount))
    var nodes: [[UInt8]] = [[]]
    var index = keyCount
    while index < rest.count {
        if rest[index] == 0xFE, index + 1 < rest.count, rest[index + 1] == 0xFE {
            nodes.append([])
            index += 2
        } else {
            nodes[nodes.count - 1].append(rest[index])
            index += 1
        }
    }
    let root: [UInt8]
    if bytes[1] & 1 == 0 {
        root = Keccak256.hash(nodes[0])
    } else {
        root = Array((nodes.last ?? []).prefix(32)) + [UInt8](repeating: 0, count: max(0, 32 - (nodes.last?.count ?? 0)))
    }
    let verify = { (proof: [[UInt8]]) in
        Result { () throws(TrieProofError) -> [UInt8]? in try MerkleProof.verify(root: root, key: key, proof: proof) }
    }
    let outcome = verify(nodes)
    precondition(outcome == verify(nodes), "the verifier is not deterministic")
    if nodes.count == 1, case .success = outcome {
        // The walk ended inside node 0: one more node is unused, or not the embedded child it follows.
        switch verify(nodes + [[0x80]]) {
        case .failure(.unusedNode(index: 1)), .failure(.embeddedMismatch(index: 1)): break
        case let other: preconditionFailure("an extra node gave \(other)")
        }
    }
    _ = try? StateProof.account(.zero, stateRoot: root, proof: nodes)
    _ = try? AccountState(rlp: nodes[0])
}
