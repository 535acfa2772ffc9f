import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// block_headers_by_fork.json, read in place: 42 headers of every shape (15 to 21 fields) from
/// ethereum/tests, the execution-apis hive chain and mainnet; their bodies' roots; the hive
/// chain's 55 headers linked by parentHash; receipts roots where the file has receipts.
@Suite("Block header conformance", TestEnvironment.vectorsTrait)
struct BlockHeaderConformanceTests {
    static let ethereumTestsNames = [
        "parentHash", "uncleHash", "coinbase", "stateRoot", "transactionsTrie", "receiptTrie", "bloom", "difficulty",
        "number", "gasLimit", "gasUsed", "timestamp", "extraData", "mixHash", "nonce", "baseFeePerGas",
        "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash",
    ]
    static let rpcNames = [
        "parentHash", "sha3Uncles", "miner", "stateRoot", "transactionsRoot", "receiptsRoot", "logsBloom", "difficulty",
        "number", "gasLimit", "gasUsed", "timestamp", "extraData", "mixHash", "nonce", "baseFeePerGas",
        "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash",
    ]

    static func file() throws -> [String: Any] {
        try #require(try Vectors.json("block_headers_by_fork.json") as? [String: Any])
    }

    /// A header built from named JSON fields (`names` in RLP order); fork fields stop at the first absent one.
    static func header(from fields: [String: Any], names n: [String]) throws -> BlockHeader {
        typealias S = ChainTestSupport
        var header = BlockHeader(
            parentHash: try S.bytes(fields[n[0]]), ommersHash: try S.bytes(fields[n[1]]), beneficiary: try S.address(fields[n[2]]),
            stateRoot: try S.bytes(fields[n[3]]), transactionsRoot: try S.bytes(fields[n[4]]), receiptsRoot: try S.bytes(fields[n[5]]),
            logsBloom: try S.bytes(fields[n[6]]), difficulty: try S.u256(fields[n[7]]), number: try S.uint64(fields[n[8]]),
            gasLimit: try S.uint64(fields[n[9]]), gasUsed: try S.uint64(fields[n[10]]), timestamp: try S.uint64(fields[n[11]]),
            extraData: try S.bytes(fields[n[12]]), mixHash: try S.bytes(fields[n[13]]), nonce: try S.bytes(fields[n[14]]))
        guard fields[n[15]] != nil else { return header }
        header.baseFeePerGas = try S.u256(fields[n[15]])
        guard fields[n[16]] != nil else { return header }
        header.withdrawalsRoot = try S.bytes(fields[n[16]])
        guard fields[n[17]] != nil else { return header }
        header.blobGasUsed = try S.uint64(fields[n[17]])
        header.excessBlobGas = try S.uint64(fields[n[18]])
        header.parentBeaconBlockRoot = try S.bytes(fields[n[19]])
        guard fields[n[20]] != nil else { return header }
        header.requestsHash = try S.bytes(fields[n[20]])
        return header
    }

    /// A withdrawal from JSON (index, validatorIndex, address, amount in gwei).
    static func withdrawal(_ json: [String: Any]) throws -> Withdrawal {
        Withdrawal(index: try ChainTestSupport.uint64(json["index"]), validatorIndex: try ChainTestSupport.uint64(json["validatorIndex"]),
                   address: try ChainTestSupport.address(json["address"]), amountGwei: try ChainTestSupport.uint64(json["amount"]))
    }

    @Test("42 headers: hash from header_rlp and from the fields; decode → encode is the identity")
    func headers() throws {
        let cases = try #require(try Self.file()["cases"] as? [[String: Any]])
        #expect(cases.count == 42)
        var shapes: [Int: Int] = [:]
        for item in cases {
            let id = try #require(item["id"] as? String)
            let rlp = try ChainTestSupport.bytes(item["header_rlp"])
            let hash = try ChainTestSupport.bytes(item["hash"])
            let decoded = try BlockHeader(rlp: rlp)
            #expect(decoded.rlp == rlp, "\(id)")
            #expect(decoded.hash == hash, "\(id)")
            #expect(decoded.fieldCount == item["header_field_count"] as? Int, "\(id)")
            try decoded.validate()
            shapes[decoded.fieldCount, default: 0] += 1
            // The same header from the source's named fields.
            let fromFields: BlockHeader
            if let fields = item["blockHeader"] as? [String: Any] {
                fromFields = try Self.header(from: fields, names: Self.ethereumTestsNames)
            } else if let fields = item["header_fields_decoded"] as? [String: Any] {
                fromFields = try Self.header(from: fields, names: Self.rpcNames)
            } else {
                fromFields = try Self.header(from: try #require(item["rpc_block"] as? [String: Any]), names: Self.rpcNames)
            }
            #expect(fromFields == decoded, "\(id)")
            #expect(fromFields.hash == hash, "\(id)")
            if let block = item["rpc_block"] as? [String: Any] {
                #expect(try ChainTestSupport.bytes(block["hash"]) == hash, "\(id)")
            }
        }
        #expect(shapes == [15: 9, 16: 12, 17: 7, 20: 8, 21: 6])
    }

    @Test("transactions, withdrawals and ommers roots rebuilt from the bodies")
    func bodyRoots() throws {
        let cases = try #require(try Self.file()["cases"] as? [[String: Any]])
        var transactionRoots = 0, withdrawalRoots = 0, ommerHashes = 0
        for item in cases {
            let id = try #require(item["id"] as? String)
            let header = try BlockHeader(rlp: try ChainTestSupport.bytes(item["header_rlp"]))
            if let encoded = item["transactions_encoded"] as? [String] {
                let root = MerklePatriciaTrie.orderedRoot(try encoded.map(ChainTestSupport.bytes))
                #expect(root == header.transactionsRoot, "\(id)")
                transactionRoots += 1
            }
            let withdrawals = item["withdrawals"] as? [[String: Any]] ?? item["withdrawals_decoded"] as? [[String: Any]]
                ?? (item["rpc_block"] as? [String: Any])?["withdrawals"] as? [[String: Any]]
            if let withdrawals {
                let root = MerklePatriciaTrie.orderedRoot(try withdrawals.map { try Self.withdrawal($0).rlp })
                #expect(root == header.withdrawalsRoot, "\(id)")
                withdrawalRoots += 1
            }
            let uncles: [[UInt8]]?
            if let encoded = item["uncles_encoded"] as? [String] {
                uncles = try encoded.map(ChainTestSupport.bytes)
            } else if let json = item["uncleHeaders"] as? [[String: Any]] {
                uncles = try json.map { try Self.header(from: $0, names: Self.ethereumTestsNames).rlp }
            } else {
                uncles = nil
            }
            if let uncles {
                let list = try RLP.encode(.list(uncles.map { try RLP.decode($0) }))
                #expect(Keccak256.hash(list) == header.ommersHash, "\(id)")
                ommerHashes += 1
            }
        }
        #expect(transactionRoots == 41)   // all but the mainnet block, listed by hash only
        #expect(withdrawalRoots == 21)   // every Shanghai-or-later case
        #expect(ommerHashes == 41)
    }

    @Test("the hive chain's 55 headers are linked by parentHash")
    func hiveChain() throws {
        let chain = try #require(try Self.file()["hive_chain_headers"] as? [[String: Any]])
        #expect(chain.count == 55)
        var previous: BlockHeader?
        for (number, entry) in chain.enumerated() {
            let header = try BlockHeader(rlp: try ChainTestSupport.bytes(entry["header_rlp"]))
            #expect(header.number == UInt64(number))
            #expect(header.hash == (try ChainTestSupport.bytes(entry["hash"])), "block \(number)")
            if let previous { #expect(header.parentHash == previous.hash, "block \(number)") }
            previous = header
        }
    }
}
