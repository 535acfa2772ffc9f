/// Account, storage and code checks against roots taken from a trusted block header.
public enum StateProof {
    /// Verifies an account proof (`eth_getProof`'s `accountProof`) against `stateRoot`; the
    /// path is keccak256(address). An account the proof shows absent reads as `.empty`.
    public static func account(_ address: Address, stateRoot: [UInt8], proof: [[UInt8]]) throws(TrieProofError) -> AccountState {
        guard let value = try MerkleProof.verify(root: stateRoot, key: Keccak256.hash(address.bytes), proof: proof) else {
            return .empty
        }
        return try AccountState(rlp: value)
    }

    /// Verifies a storage proof against an account's `storageRoot`; the path is
    /// keccak256(slot), `slot` being exactly 32 bytes (pad a short quantity such as `0x0`).
    /// The stored value is RLP of a non-zero integer; an absent slot reads as 0.
    public static func storage(slot: [UInt8], storageRoot: [UInt8], proof: [[UInt8]]) throws(TrieProofError) -> U256 {
        guard slot.count == 32 else { throw .invalidSlot(byteCount: slot.count) }
        guard let value = try MerkleProof.verify(root: storageRoot, key: Keccak256.hash(slot), proof: proof) else {
            return .zero
        }
        let bytes: [UInt8]
        do {
            bytes = try RLP.decode(value).uintBytes()
        } catch {
            throw .invalidStorageValue(error.description)
        }
        guard !bytes.isEmpty else { throw .invalidStorageValue("zero is stored (a zero slot must be absent)") }
        guard bytes.count <= 32, let number = try? U256(bigEndian: bytes) else {
            throw .invalidStorageValue("\(bytes.count) bytes, more than 32")
        }
        return number
    }

    /// Whether `code` is the code a proved account's `codeHash` commits to.
    public static func checkCode(_ code: [UInt8], codeHash: [UInt8]) -> Bool {
        codeHash.count == 32 && Keccak256.hash(code) == codeHash
    }
}
