/// The RLP encoding of trie nodes and the references parents hold to them.
extension TrieNode {
    /// The node's RLP: a leaf or extension is [hexPrefix(path), value or child reference],
    /// a branch is [16 child references, value]; the empty node is the empty string.
    var encoded: [UInt8] {
        var payload = [UInt8]()
        switch self {
        case .empty:
            return [0x80]
        case .leaf(let path, let value):
            RLP.encode(.bytes(hexPrefix(path, isLeaf: true)), into: &payload)
            RLP.encode(.bytes(value), into: &payload)
        case .extensionNode(let path, let child):
            RLP.encode(.bytes(hexPrefix(path, isLeaf: false)), into: &payload)
            child.appendReference(to: &payload)
        case .branch(let children, let value):
            payload.reserveCapacity(16 * 33 + value.count + 3)
            for child in children { child.appendReference(to: &payload) }
            RLP.encode(.bytes(value), into: &payload)
        }
        return listEncoding(payload: payload)
    }

    /// Appends how a parent refers to this node: the empty string for no node, the node
    /// itself when its encoding is under 32 bytes, else its Keccak-256 hash.
    func appendReference(to out: inout [UInt8]) {
        if isEmpty {
            out.append(0x80)
            return
        }
        let node = encoded
        if node.count < 32 {
            out.append(contentsOf: node)
        } else {
            out.append(0xa0)
            out.append(contentsOf: Keccak256.hash(node))
        }
    }
}

/// Hex-prefix encoding of a nibble path: a flag nibble (2 for a leaf, +1 when the length is
/// odd), then the path, with a zero padding nibble after an even-length flag.
func hexPrefix(_ path: [UInt8], isLeaf: Bool) -> [UInt8] {
    let odd = path.count % 2 == 1
    let flag: UInt8 = (isLeaf ? 2 : 0) + (odd ? 1 : 0)
    var out = [UInt8]()
    out.reserveCapacity(path.count / 2 + 1)
    var index = 0
    if odd {
        out.append(flag << 4 | path[0])
        index = 1
    } else {
        out.append(flag << 4)
    }
    while index < path.count {
        out.append(path[index] << 4 | path[index + 1])
        index += 2
    }
    return out
}

/// A list header for `payload.count` bytes, followed by `payload`.
func listEncoding(payload: [UInt8]) -> [UInt8] {
    var out = [UInt8]()
    let count = payload.count
    if count < 56 {
        out.reserveCapacity(1 + count)
        out.append(0xc0 + UInt8(count))
    } else {
        let length = minimalBigEndian(UInt64(count))
        out.reserveCapacity(1 + length.count + count)
        out.append(0xf7 + UInt8(length.count))
        out.append(contentsOf: length)
    }
    out.append(contentsOf: payload)
    return out
}
