/// Verifies EIP-1186-style Merkle-Patricia proofs (`eth_getProof`'s `accountProof` and
/// `storageProof`) against a trusted root.
///
/// The proof lists the trie nodes on the key's path from the root. A node is reached through
/// a reference in its parent: a 32-byte Keccak-256 hash, which the next proof node must hash
/// to, or, for a child whose encoding is under 32 bytes, the child itself embedded in the
/// parent. Both ways of listing embedded children are read: geth leaves them out (the walk
/// continues inside the parent), py-trie repeats them as their own proof nodes (which must
/// then equal the embedded bytes exactly).
///
/// Verification is strict: a node that does not hash to its reference, a repeated embedded
/// node that differs, bad or non-canonical RLP, trailing bytes after a node, a node that is
/// not a trie node, a path that runs out of nodes, or a node left over when the key's path
/// ends all throw `TrieProofError` naming the node's index. Nodes are walked in place over
/// their bytes; nothing is allocated but the returned value.
public enum MerkleProof {
    /// Verifies `proof` for `key` (the raw trie path: callers hash the key for secure tries).
    ///
    /// Returns the value stored at `key`, or nil when the proof shows the key is absent (its
    /// path leads to an empty branch slot, or to a leaf or extension that diverges from it).
    /// An empty proof proves every key absent from the empty trie (root `keccak256(0x80)`).
    public static func verify(root: [UInt8], key: [UInt8], proof: [[UInt8]]) throws(TrieProofError) -> [UInt8]? {
        guard root.count == 32 else { throw .invalidRoot(byteCount: root.count) }
        if proof.isEmpty {
            if root == MerklePatriciaTrie.emptyRoot { return nil }
            throw .missingNode(index: 0)
        }
        guard digest(of: proof[0], equals: root, at: 0) else { throw .hashMismatch(index: 0) }

        let nibbleCount = key.count * 2
        var depth = 0        // nibbles of the key consumed so far
        var next = 1         // the next proof node not yet used
        var element = 0      // the proof node whose bytes hold the current node
        var label = 0        // the index named in errors about the current node
        var start = 0, end = proof[0].count

        // The root may be the blank node (the empty string): the trie is empty.
        if proof[0].count == 1 && proof[0][0] == 0x80 { return try finish(nil, next: next, count: proof.count) }

        while true {
            let bytes = proof[element]
            let wanted = depth < nibbleCount ? Int(nibble(key, depth)) : 16
            let items = try scanNode(bytes, start: start, end: end, label: label, wanted: wanted)
            let reference: RLPSpan
            if items.count == 17 {
                if depth == nibbleCount {
                    return try finish(value(items.value, in: bytes), next: next, count: proof.count)
                }
                reference = items.wanted
                depth += 1
                if !reference.isList && reference.payloadCount == 0 {
                    return try finish(nil, next: next, count: proof.count)
                }
            } else {
                let path = items.first, second = items.second
                let (isLeaf, pathStart, pathCount) = try hexPrefix(path, in: bytes, label: label)
                let matched = pathMatches(bytes, pathStart: pathStart, pathCount: pathCount, key: key, depth: depth)
                if isLeaf {
                    guard !second.isList, second.payloadCount > 0 else {
                        throw .invalidNode(index: label, problem: "a leaf's value must be a non-empty byte string")
                    }
                    let found = matched && depth + pathCount == nibbleCount
                    return try finish(found ? Array(bytes[second.payloadStart..<second.end]) : nil, next: next, count: proof.count)
                }
                guard pathCount > 0 else { throw .invalidNode(index: label, problem: "an extension with an empty path") }
                try checkReference(second, label: label, what: "an extension's child")
                guard matched else { return try finish(nil, next: next, count: proof.count) }
                depth += pathCount
                reference = second
            }
            // Follow the reference: a hash names the next proof node, a list is embedded here.
            if reference.isList {
                if next < proof.count {
                    guard proof[next].elementsEqual(bytes[reference.start..<reference.end]) else {
                        throw .embeddedMismatch(index: next)
                    }
                    label = next
                    next += 1
                }
                start = reference.start
                end = reference.end
            } else {
                guard next < proof.count else { throw .missingNode(index: next) }
                guard digest(of: proof[next], equals: bytes, at: reference.payloadStart) else {
                    throw .hashMismatch(index: next)
                }
                element = next
                label = next
                next += 1
                start = 0
                end = proof[element].count
            }
        }
    }

    // MARK: - Node reading

    /// What the walk needs of a node, a list of 2 or 17 items exactly filling `start..<end`:
    /// its first two items, the branch child it follows and a branch's value. Plain fields,
    /// not an array, so scanning a node allocates and copies nothing.
    struct NodeItems {
        var count = 0
        var first = RLPSpan.empty
        var second = RLPSpan.empty
        /// Item `wanted` (the branch child on the key's path, or the value when it is 16).
        var wanted = RLPSpan.empty
        /// Item 16: a branch's value.
        var value = RLPSpan.empty
    }

    /// Reads a node's items in one pass. A 17-item node is checked as a branch on the way:
    /// its 16 children are references (empty, a 32-byte hash, or an embedded node under 32
    /// bytes) and its value a byte string.
    static func scanNode(_ bytes: [UInt8], start: Int, end: Int, label: Int, wanted: Int) throws(TrieProofError) -> NodeItems {
        var items = NodeItems()
        var badReference = -1   // the first item among 0...15 that is not a valid reference
        do throws(RLPSpan.Problem) {
            let node = try RLPSpan.read(bytes, at: start, limit: end)
            guard node.end == end else {
                throw RLPSpan.Problem(problem: "\(end - node.end) trailing byte(s) after the node")
            }
            if !node.isList { items.count = -1 }
            var position = node.isList ? node.payloadStart : end
            while position < end && items.count <= 17 {
                let item = try RLPSpan.read(bytes, at: position, limit: end)
                switch items.count {
                case 0: items.first = item
                case 1: items.second = item
                case 16: items.value = item
                default: break
                }
                if items.count == wanted { items.wanted = item }
                if items.count < 16 && badReference < 0 && !isReference(item) { badReference = items.count }
                items.count += 1
                position = item.end
            }
        } catch {
            throw .invalidRLP(index: label, problem: error.problem)
        }
        switch items.count {
        case -1:
            throw .invalidNode(index: label, problem: "a byte string, not a list")
        case 2:
            if items.first.isList { throw .invalidNode(index: label, problem: "its path is a list") }
        case 17:
            if badReference >= 0 {
                throw .invalidNode(index: label, problem: "branch child \(badReference) is neither empty, a 32-byte hash nor an embedded node under 32 bytes")
            }
            if items.value.isList { throw .invalidNode(index: label, problem: "a branch's value is a list") }
        case 18:
            throw .invalidNode(index: label, problem: "a list of more than 17 items")
        default:
            throw .invalidNode(index: label, problem: "a list of \(items.count) items (a trie node has 2 or 17)")
        }
        return items
    }

    /// Whether an item can be a branch child: empty, a 32-byte hash, or an embedded node under 32 bytes.
    @inline(__always)
    static func isReference(_ span: RLPSpan) -> Bool {
        span.isList ? span.encodedCount < 32 : (span.payloadCount == 0 || span.payloadCount == 32)
    }

    /// A child reference is a 32-byte hash or an embedded node whose encoding is under 32 bytes.
    static func checkReference(_ span: RLPSpan, label: Int, what: String) throws(TrieProofError) {
        if span.isList {
            guard span.encodedCount < 32 else {
                throw .invalidNode(index: label, problem: "\(what) is embedded but \(span.encodedCount) bytes long (must be under 32)")
            }
        } else {
            guard span.payloadCount == 32 else {
                throw .invalidNode(index: label, problem: "\(what) is a \(span.payloadCount)-byte reference (must be a 32-byte hash)")
            }
        }
    }

    /// Decodes a hex-prefix path: (is a leaf, index of the first path byte, number of nibbles).
    /// For an odd path the first nibble is the low half of the flag byte (index `pathStart`
    /// counts nibbles from the flag byte's high half, so the path begins at nibble 1).
    static func hexPrefix(_ span: RLPSpan, in bytes: [UInt8], label: Int) throws(TrieProofError) -> (Bool, Int, Int) {
        guard span.payloadCount > 0 else { throw .invalidNode(index: label, problem: "an empty hex-prefix path") }
        let flag = bytes[span.payloadStart] >> 4
        guard flag <= 3 else { throw .invalidNode(index: label, problem: "hex-prefix flag \(flag) (must be 0 to 3)") }
        let odd = flag & 1 == 1
        if !odd && bytes[span.payloadStart] & 0x0f != 0 {
            throw .invalidNode(index: label, problem: "an even hex-prefix path with a non-zero padding nibble")
        }
        let nibbles = (span.payloadCount - 1) * 2 + (odd ? 1 : 0)
        // Nibble i of the path is nibble (i + skip) counted from the flag byte's high half.
        return (flag >= 2, span.payloadStart * 2 + (odd ? 1 : 2), nibbles)
    }

    /// Whether the key's nibbles from `depth` start with the path's `pathCount` nibbles, which
    /// begin at nibble `pathStart` of `bytes`.
    static func pathMatches(_ bytes: [UInt8], pathStart: Int, pathCount: Int, key: [UInt8], depth: Int) -> Bool {
        guard depth + pathCount <= key.count * 2 else { return false }
        for i in 0..<pathCount where nibble(bytes, pathStart + i) != nibble(key, depth + i) {
            return false
        }
        return true
    }

    @inline(__always)
    static func nibble(_ bytes: [UInt8], _ index: Int) -> UInt8 {
        let byte = bytes[index >> 1]
        return index & 1 == 0 ? byte >> 4 : byte & 0x0f
    }

    static func value(_ span: RLPSpan, in bytes: [UInt8]) -> [UInt8]? {
        span.payloadCount == 0 ? nil : Array(bytes[span.payloadStart..<span.end])
    }

    static func finish(_ value: [UInt8]?, next: Int, count: Int) throws(TrieProofError) -> [UInt8]? {
        guard next == count else { throw .unusedNode(index: next) }
        return value
    }

    /// Whether keccak256(node) equals the 32 bytes of `expected` at `offset`, with no allocation.
    static func digest(of node: [UInt8], equals expected: [UInt8], at offset: Int) -> Bool {
        precondition(offset >= 0 && offset + 32 <= expected.count)
        var digest: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digest) { out in
            node.withUnsafeBytes { Keccak256.hash($0, into: out) }
        }
        return withUnsafeBytes(of: &digest) { ours in
            expected.withUnsafeBytes { theirs in
                var difference: UInt64 = 0
                for word in 0..<4 {
                    difference |= ours.load(fromByteOffset: word * 8, as: UInt64.self)
                        ^ theirs.loadUnaligned(fromByteOffset: offset + word * 8, as: UInt64.self)
                }
                return difference == 0
            }
        }
    }
}
