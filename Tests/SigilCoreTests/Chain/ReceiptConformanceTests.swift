import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// The receipts in block_headers_by_fork.json, read in place: eth_getBlockReceipts answers for
/// hive blocks 1 (pre-Byzantium, state roots) and 54 (Prague, with logs), and the raw consensus
/// receipts of block 3. Each rebuilds its block's receiptsRoot, and every bloom is recomputed.
@Suite("Receipt conformance", TestEnvironment.vectorsTrait)
struct ReceiptConformanceTests {
    /// A receipt from eth_getBlockReceipts JSON fields (type, status or root, cumulativeGasUsed, logsBloom, logs).
    static func receipt(rpc json: [String: Any]) throws -> Receipt {
        typealias S = ChainTestSupport
        let outcome: Receipt.Outcome
        if let root = json["root"] as? String {
            outcome = .stateRoot(try S.bytes(root))
        } else {
            let status = try S.uint64(json["status"])
            try #require(status <= 1)
            outcome = .status(status == 1)
        }
        let logs = try #require(json["logs"] as? [[String: Any]]).map { log in
            Log(address: try S.address(log["address"]), topics: try #require(log["topics"] as? [String]).map(S.bytes),
                data: try S.bytes(log["data"]))
        }
        return Receipt(type: UInt8(try S.uint64(json["type"])), outcome: outcome, cumulativeGasUsed: try S.uint64(json["cumulativeGasUsed"]),
                       logsBloom: try S.bytes(json["logsBloom"]), logs: logs)
    }

    @Test("receiptsRoot rebuilt for blocks 1, 3 and 54; blooms recomputed; encodings round-trip")
    func receiptsRoots() throws {
        let file = try BlockHeaderConformanceTests.file()
        let cases = try #require(file["cases"] as? [[String: Any]])
        var blocks: [UInt64] = []
        var logCount = 0, stateRoots = 0
        for item in cases {
            let header = try BlockHeader(rlp: try ChainTestSupport.bytes(item["header_rlp"]))
            let receipts: [Receipt]
            if let rpc = item["receipts_rpc"] as? [[String: Any]] {
                receipts = try rpc.map(Self.receipt(rpc:))
                for receipt in receipts {
                    #expect(try Receipt(encoded: receipt.encoded) == receipt)
                }
            } else if let raw = item["receipts_encoded"] as? [String] {
                let encodings = try raw.map(ChainTestSupport.bytes)
                receipts = try encodings.map { try Receipt(encoded: $0) }
                #expect(receipts.map(\.encoded) == encodings)
            } else {
                continue
            }
            blocks.append(header.number)
            #expect(MerklePatriciaTrie.orderedRoot(receipts.map(\.encoded)) == header.receiptsRoot, "block \(header.number)")
            for receipt in receipts {
                #expect(receipt.bloomMatchesLogs, "block \(header.number)")
                #expect(Receipt.bloom(of: receipt.logs) == receipt.logsBloom)
                logCount += receipt.logs.count
                if case .stateRoot = receipt.outcome { stateRoots += 1 }
            }
            // The header's bloom is the union of its receipts' blooms.
            var union = [UInt8](repeating: 0, count: 256)
            for receipt in receipts { for i in 0..<256 { union[i] |= receipt.logsBloom[i] } }
            #expect(union == header.logsBloom, "block \(header.number)")
        }
        #expect(blocks.sorted() == [1, 3, 54])
        #expect(logCount > 0, "no receipt with logs: the bloom check would prove nothing")
        #expect(stateRoots > 0)
    }
}
