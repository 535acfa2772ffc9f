/// Why a Merkle-Patricia proof, or a value it proves, was refused.
///
/// Node indices count from 0 at the root, in the order the proof lists its nodes, so a
/// description such as "proof node 3 does not hash to its reference" points at one element
/// of an `accountProof` or `storageProof` array.
public enum TrieProofError: CategorizedError, Equatable {
    /// The root is not 32 bytes.
    case invalidRoot(byteCount: Int)
    /// The walk needs node `index` (a hash reference points to it) but the proof ends before it.
    case missingNode(index: Int)
    /// Node `index` does not hash (Keccak-256) to the reference its parent (or the root) holds.
    case hashMismatch(index: Int)
    /// Node `index` is listed after a parent that embeds its child (a node under 32 bytes),
    /// but it is not that embedded node byte for byte.
    case embeddedMismatch(index: Int)
    /// Node `index` is not canonical RLP, or RLP followed by trailing bytes.
    case invalidRLP(index: Int, problem: String)
    /// Node `index` is RLP but not a trie node (wrong item count, a bad reference or path).
    case invalidNode(index: Int, problem: String)
    /// The key's path ends before node `index`: it and any nodes after it are not used.
    case unusedNode(index: Int)
    /// A storage slot that is not 32 bytes.
    case invalidSlot(byteCount: Int)
    /// The proved account value is not RLP([nonce, balance, storageRoot, codeHash]).
    case invalidAccount(String)
    /// The proved storage value is not RLP of a non-zero integer of at most 32 bytes.
    case invalidStorageValue(String)

    /// A proof that does not verify is an unproven answer, whatever the peer claimed.
    public var category: ErrorCategory { .unproven }

    public var description: String {
        switch self {
        case .invalidRoot(let count): "trie root is \(count) bytes, expected 32"
        case .missingNode(let index): "proof node \(index) is missing: the proof ends before the key's path does"
        case .hashMismatch(let index): "proof node \(index) does not hash to its reference"
        case .embeddedMismatch(let index): "proof node \(index) is not the node embedded in its parent"
        case .invalidRLP(let index, let problem): "proof node \(index) is not valid RLP: \(problem)"
        case .invalidNode(let index, let problem): "proof node \(index) is not a trie node: \(problem)"
        case .unusedNode(let index): "proof node \(index) is not on the key's path (extra node)"
        case .invalidSlot(let count): "storage slot is \(count) bytes, expected 32"
        case .invalidAccount(let problem): "proved account is not RLP([nonce, balance, storageRoot, codeHash]): \(problem)"
        case .invalidStorageValue(let problem): "proved storage value is invalid: \(problem)"
        }
    }
}
