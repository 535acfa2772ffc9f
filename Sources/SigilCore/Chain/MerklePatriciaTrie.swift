/// An in-memory Merkle-Patricia trie (hexary, as Ethereum's state, storage, transactions,
/// receipts and withdrawals tries), for computing roots and building proofs.
///
/// Keys are raw paths: a secure trie (state, storage) is used by inserting keccak256(key).
/// Values are stored as given; an empty value deletes the key, as in Ethereum.
public struct MerklePatriciaTrie: Sendable {
    var root: TrieNode = .empty

    /// The root of the empty trie: keccak256(RLP("")) = 0x56e81f17…b421.
    public static let emptyRoot: [UInt8] = Keccak256.hash([0x80])

    /// An empty trie.
    public init() {}

    /// Stores `value` at `key`; an empty value removes the key.
    public mutating func insert(key: [UInt8], value: [UInt8]) {
        guard !value.isEmpty else {
            remove(key: key)
            return
        }
        root = root.inserting(value, at: nibbles(of: key)[...])
    }

    /// Removes `key` (nothing happens when it is absent).
    public mutating func remove(key: [UInt8]) {
        root = root.removing(at: nibbles(of: key)[...])
    }

    /// Keccak-256 of the root node's RLP; `emptyRoot` for the empty trie.
    public var rootHash: [UInt8] {
        Keccak256.hash(root.encoded)
    }

    /// The proof for `key` as `eth_getProof` gives it: the RLP of every node on the key's path
    /// from the root that its parent refers to by hash (the root always; a node embedded in
    /// its parent, under 32 bytes, is not repeated). For an absent key the proof ends at the
    /// node where the path leaves the trie. The empty trie's proof is empty.
    public func proof(for key: [UInt8]) -> [[UInt8]] {
        guard !root.isEmpty else { return [] }
        var out = [root.encoded]
        var path = nibbles(of: key)[...]
        var node = root
        while true {
            let next: TrieNode
            switch node {
            case .empty, .leaf:
                return out
            case .extensionNode(let extensionPath, let child):
                guard path.starts(with: extensionPath) else { return out }
                path = path.dropFirst(extensionPath.count)
                next = child
            case .branch(let children, _):
                guard let first = path.first, !children[Int(first)].isEmpty else { return out }
                path = path.dropFirst()
                next = children[Int(first)]
            }
            let encoded = next.encoded
            if encoded.count >= 32 { out.append(encoded) }
            node = next
        }
    }

    /// The root of an ordered list keyed by RLP(index): the transactions, receipts and
    /// withdrawals tries of a block (values as the trie stores them: a transaction's or
    /// receipt's consensus encoding, a withdrawal's RLP).
    public static func orderedRoot(_ values: [[UInt8]]) -> [UInt8] {
        var trie = MerklePatriciaTrie()
        for (index, value) in values.enumerated() {
            trie.insert(key: RLP.encode(.uint(UInt64(index))), value: value)
        }
        return trie.rootHash
    }
}
