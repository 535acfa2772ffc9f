import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// eth_getproof_examples.json, read in place: all 6 account proofs (4 from the hive test
/// chain, 2 from mainnet) against their state roots, and both storage proofs.
@Suite("eth_getProof conformance", TestEnvironment.vectorsTrait)
struct StateProofConformanceTests {
    struct Example {
        let id: String
        let stateRoot: [UInt8]
        let address: Address
        let accountProof: [[UInt8]]
        let account: AccountState
        let accountRLP: [UInt8]
        let storage: [(slot: [UInt8], value: U256, proof: [[UInt8]])]
    }

    static func examples() throws -> [Example] {
        let file = try #require(try Vectors.json("eth_getproof_examples.json") as? [String: Any])
        let cases = try #require(file["cases"] as? [[String: Any]])
        return try cases.map { item in
            let response = try #require(item["response"] as? [String: Any])
            let storage = try #require(response["storageProof"] as? [[String: Any]])
            return Example(
                id: try #require(item["id"] as? String),
                stateRoot: try ChainTestSupport.bytes(item["stateRoot"]),
                address: try ChainTestSupport.address(response["address"]),
                accountProof: try #require(response["accountProof"] as? [String]).map(ChainTestSupport.bytes),
                account: AccountState(
                    nonce: try ChainTestSupport.uint64(response["nonce"]), balance: try ChainTestSupport.u256(response["balance"]),
                    storageRoot: try ChainTestSupport.bytes(response["storageHash"]), codeHash: try ChainTestSupport.bytes(response["codeHash"])),
                accountRLP: try ChainTestSupport.bytes(item["account_rlp_proven"]),
                storage: try storage.map { entry in
                    // The key may be a short quantity ("0x0"): the slot is it padded to 32 bytes.
                    let key = try ChainTestSupport.quantityBytes(entry["key"])
                    return ([UInt8](repeating: 0, count: 32 - key.count) + key, try ChainTestSupport.u256(entry["value"]),
                            try #require(entry["proof"] as? [String]).map(ChainTestSupport.bytes))
                })
        }
    }

    @Test("all 6 account proofs and both storage proofs verify to the response's figures")
    func accountAndStorageProofs() throws {
        let examples = try Self.examples()
        #expect(examples.count == 6)
        var storageProofs = 0
        for example in examples {
            let account = try StateProof.account(example.address, stateRoot: example.stateRoot, proof: example.accountProof)
            #expect(account == example.account, "\(example.id)")
            #expect(account.rlp == example.accountRLP, "\(example.id)")
            #expect(try AccountState(rlp: example.accountRLP) == account, "\(example.id)")
            let key = Keccak256.hash(example.address.bytes)
            #expect(try MerkleProof.verify(root: example.stateRoot, key: key, proof: example.accountProof) == example.accountRLP)
            for entry in example.storage {
                let value = try StateProof.storage(slot: entry.slot, storageRoot: account.storageRoot, proof: entry.proof)
                #expect(value == entry.value, "\(example.id) slot \(Hex.encode(entry.slot))")
                #expect(!value.isZero)
                storageProofs += 1
            }
        }
        #expect(storageProofs == 2)
        // The mainnet fee recipient is an account without code.
        let miner = try #require(examples.first { $0.id == "helios/block_miner_proof" })
        #expect(StateProof.checkCode([], codeHash: miner.account.codeHash))
        #expect(!StateProof.checkCode([0x00], codeHash: miner.account.codeHash))
    }

    @Test("a proof checked against another key or root is refused or proves something else")
    func wrongKeyOrRoot() throws {
        let examples = try Self.examples()
        let first = examples[0], mainnet = try #require(examples.first { $0.id == "helios/proof" })
        // The hive proof against the mainnet root: node 0 is not the root.
        #expect(throws: TrieProofError.hashMismatch(index: 0)) {
            try StateProof.account(first.address, stateRoot: mainnet.stateRoot, proof: first.accountProof)
        }
        // Another address's path through the same nodes: absent (the path leaves the proof
        // at a leaf or an empty slot) or a refusal, never the proved account.
        let other = try Address(parsing: "0x000000000000000000000000000000000000dead")
        let result = Result { () throws(TrieProofError) -> AccountState in
            try StateProof.account(other, stateRoot: first.stateRoot, proof: first.accountProof)
        }
        if case .success(let account) = result { #expect(account != first.account) }
        // A storage slot that is not 32 bytes.
        #expect(throws: TrieProofError.invalidSlot(byteCount: 1)) {
            try StateProof.storage(slot: [0], storageRoot: first.account.storageRoot, proof: [])
        }
        // No storage at all: the empty root proves every slot zero with an empty proof.
        #expect(try StateProof.storage(slot: [UInt8](repeating: 0, count: 32), storageRoot: MerklePatriciaTrie.emptyRoot, proof: []) == .zero)
    }
}
