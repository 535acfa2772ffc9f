/// An account as the state trie stores it: RLP([nonce, balance, storageRoot, codeHash]).
public struct AccountState: Sendable, Equatable {
    public var nonce: UInt64
    public var balance: U256
    /// Root of the account's storage trie (`MerklePatriciaTrie.emptyRoot` when it has none).
    public var storageRoot: [UInt8]
    /// keccak256 of the account's code (keccak256 of no bytes for an account without code).
    public var codeHash: [UInt8]

    /// keccak256 of the empty string, the code hash of every account without code.
    public static let emptyCodeHash: [UInt8] = Keccak256.hash([UInt8]())

    /// What an absent account reads as: nonce 0, balance 0, no storage, no code.
    public static let empty = AccountState(nonce: 0, balance: .zero, storageRoot: MerklePatriciaTrie.emptyRoot,
                                           codeHash: emptyCodeHash)

    public init(nonce: UInt64, balance: U256, storageRoot: [UInt8], codeHash: [UInt8]) {
        self.nonce = nonce
        self.balance = balance
        self.storageRoot = storageRoot
        self.codeHash = codeHash
    }

    /// Decodes the state trie's value, strictly: canonical RLP, a list of exactly four items,
    /// canonical integers (nonce at most 8 bytes, balance at most 32) and two 32-byte hashes.
    public init(rlp: [UInt8]) throws(TrieProofError) {
        let fields: [RLPItem]
        do {
            fields = try RLP.decode(rlp).list()
        } catch {
            throw .invalidAccount(error.description)
        }
        guard fields.count == 4 else { throw .invalidAccount("a list of \(fields.count) items, expected 4") }
        let balanceBytes: [UInt8]
        do {
            nonce = try fields[0].uint64()
            balanceBytes = try fields[1].uintBytes()
        } catch {
            throw .invalidAccount("nonce or balance: \(error.description)")
        }
        guard balanceBytes.count <= 32, let value = try? U256(bigEndian: balanceBytes) else {
            throw .invalidAccount("balance is wider than 32 bytes")
        }
        balance = value
        guard let storage = fields[2].bytesValue, storage.count == 32 else { throw .invalidAccount("storageRoot is not 32 bytes") }
        guard let code = fields[3].bytesValue, code.count == 32 else { throw .invalidAccount("codeHash is not 32 bytes") }
        storageRoot = storage
        codeHash = code
    }

    /// The state trie's value for this account.
    public var rlp: [UInt8] {
        RLP.encode(.list([.uint(nonce), .bytes(balance.minimalBigEndianBytes), .bytes(storageRoot), .bytes(codeHash)]))
    }
}
