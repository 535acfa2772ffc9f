import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// The offline receipt proof (`sigil.receipt-proof/1`) over the three hive blocks of
/// block_headers_by_fork.json that carry their receipts (1: pre-Byzantium state roots, 3: raw
/// consensus receipts, 54: Prague), read in place: every transaction's bundle verifies and
/// round-trips; each kind of damage gets its own `ProofBundleError`.
@Suite("Receipt proof bundle", TestEnvironment.vectorsTrait)
struct ReceiptProofBundleTests {
    /// A vector block: header RLP, its transactions (trie values) and receipts (consensus
    /// encodings), and each receipt's own gasUsed when the vector states it.
    struct Block {
        let header: [UInt8]
        let hash: [UInt8]
        let transactions: [[UInt8]]
        let receipts: [[UInt8]]
        let gasUsed: [UInt64]?
        var number: UInt64 { (try? BlockHeader(rlp: header).number) ?? 0 }

        func bundle(_ index: Int) -> ReceiptProofBundle {
            ReceiptProofBundle(transactionHash: Keccak256.hash(transactions[index]), blockNumber: number, blockHash: hash,
                               header: header, transactionIndex: index, transactions: transactions, receipts: receipts)
        }
    }

    static func blocks() throws -> [Block] {
        let cases = try #require(try BlockHeaderConformanceTests.file()["cases"] as? [[String: Any]])
        typealias S = ChainTestSupport
        return try cases.compactMap { item -> Block? in
            let receipts: [[UInt8]]
            var gasUsed: [UInt64]? = nil
            if let rpc = item["receipts_rpc"] as? [[String: Any]] {
                receipts = try rpc.map { try ReceiptConformanceTests.receipt(rpc: $0).encoded }
                gasUsed = try rpc.map { try S.uint64($0["gasUsed"]) }
            } else if let raw = item["receipts_encoded"] as? [String] {
                receipts = try raw.map(S.bytes)
            } else {
                return nil
            }
            let transactions = try #require(item["transactions_encoded"] as? [String]).map(S.bytes)
            return Block(header: try S.bytes(item["header_rlp"]), hash: try S.bytes(item["hash"]), transactions: transactions,
                         receipts: receipts, gasUsed: gasUsed)
        }
    }

    static func block(_ number: UInt64) throws -> Block {
        try #require(try blocks().first { $0.number == number }, "hive block \(number) not in the vectors")
    }

    @Test("every transaction of blocks 1, 3 and 54 is proved offline, with its receipt, gas and sender")
    func vectorBlocksVerify() throws {
        let blocks = try Self.blocks()
        #expect(blocks.map(\.number) == [1, 3, 54])
        var proved = 0
        for block in blocks {
            for index in block.transactions.indices {
                let bundle = block.bundle(index)
                let file = Array(bundle.serialized().utf8)
                #expect(try ReceiptProofBundle.parse(file) == bundle)
                let inclusion = try bundle.verify(pinned: block.hash)
                #expect(inclusion.blockHash == block.hash && inclusion.header.number == block.number)
                #expect(inclusion.transactionIndex == index && inclusion.transactionHash == Keccak256.hash(block.transactions[index]))
                #expect(inclusion.receipt == (try Receipt(encoded: block.receipts[index])))
                let previous = index == 0 ? 0 : try Receipt(encoded: block.receipts[index - 1]).cumulativeGasUsed
                #expect(inclusion.gasUsed == inclusion.receipt.cumulativeGasUsed - previous)
                if let gasUsed = block.gasUsed { #expect(inclusion.gasUsed == gasUsed[index], "block \(block.number) tx \(index)") }
                let sender = try SignedTransaction.decode(block.transactions[index]).recoverSender(acceptingHighS: true)
                #expect(inclusion.sender == sender)
                proved += 1
            }
        }
        #expect(proved == blocks.reduce(0) { $0 + $1.transactions.count } && proved > 0)
    }

    @Test("a bundle that does not check out is refused with the reason")
    func tamperedBundlesAreInvalid() throws {
        let block = try Self.block(54)
        #expect(block.transactions.count >= 2)
        let good = block.bundle(1)
        func refusal(_ change: (inout ReceiptProofBundle) -> Void, pinned: [UInt8]? = nil) -> ProofBundleError? {
            var bundle = good
            change(&bundle)
            do { _ = try bundle.verify(pinned: pinned); return nil } catch { return error }
        }
        #expect(refusal { _ in } == nil)
        #expect(refusal({ _ in }, pinned: [UInt8](repeating: 7, count: 32))
            == .invalid("the block is \(Hex.encode(block.hash)), not the pinned 0x\(String(repeating: "07", count: 32))"))
        #expect(refusal { $0.blockHash[0] ^= 1 } == .invalid("the header does not hash to blockHash"))
        #expect(refusal { $0.header[$0.header.count - 1] ^= 1 } == .invalid("the header does not hash to blockHash"))
        guard case .invalid(let reason)? = refusal({ $0.header.removeLast() }), reason.hasPrefix("the header does not decode") else {
            Issue.record("a truncated header is not refused as undecodable"); return
        }
        #expect(refusal { $0.blockNumber += 1 } == .invalid("blockNumber 55 is not the header's 54"))
        #expect(refusal { $0.transactions.removeLast() } == .invalid("the transactions do not rebuild the header's transactionsRoot"))
        #expect(refusal { $0.transactions[0][5] ^= 1 } == .invalid("the transactions do not rebuild the header's transactionsRoot"))
        #expect(refusal { $0.receipts.swapAt(0, 1) } == .invalid("the receipts do not rebuild the header's receiptsRoot"))
        #expect(refusal { $0.transactionIndex = 0 } == .invalid("the transaction at index 0 does not hash to transactionHash"))
        #expect(refusal { $0.transactionIndex = block.transactions.count }
            == .invalid("transactionIndex \(block.transactions.count) is past the block's transactions"))
        #expect(refusal { $0.transactionHash[31] ^= 1 } == .invalid("the transaction at index 1 does not hash to transactionHash"))
    }

    /// The receipts' own checks, on a header rebuilt over altered receipts (so both roots match).
    @Test("receipts whose bloom or cumulative gas is wrong are refused even when the roots match")
    func receiptContentIsChecked() throws {
        let block = try Self.block(54)
        var receipts = try block.receipts.map { try Receipt(encoded: $0) }
        let withLogs = try #require(receipts.firstIndex { !$0.logs.isEmpty }, "block 54 has a receipt with logs")
        func rebuilt(_ altered: [Receipt]) throws -> ReceiptProofBundle {
            var header = try BlockHeader(rlp: block.header)
            header.receiptsRoot = MerklePatriciaTrie.orderedRoot(altered.map(\.encoded))
            return ReceiptProofBundle(transactionHash: Keccak256.hash(block.transactions[0]), blockNumber: header.number,
                                      blockHash: header.hash, header: header.rlp, transactionIndex: 0,
                                      transactions: block.transactions, receipts: altered.map(\.encoded))
        }
        #expect(try rebuilt(receipts).verify().receipt == receipts[0], "an unaltered rebuild verifies")
        var badBloom = receipts
        badBloom[withLogs].logsBloom = [UInt8](repeating: 0, count: 256)
        #expect(throws: ProofBundleError.invalid("receipt \(withLogs): its bloom does not match its logs")) { try rebuilt(badBloom).verify() }
        receipts[1].cumulativeGasUsed = receipts[0].cumulativeGasUsed - 1
        #expect(throws: ProofBundleError.invalid("receipt 1: cumulative gas decreases")) { try rebuilt(receipts).verify() }
    }

    @Test("a file that is not exactly what Sigil writes is malformed")
    func malformedFiles() throws {
        let block = try Self.block(3)
        let text = block.bundle(0).serialized()
        func reason(_ file: String) -> String? {
            do { _ = try ReceiptProofBundle.parse(Array(file.utf8)); return nil } catch {
                guard case .malformed(let reason) = error else { return "not malformed: \(error)" }
                return reason
            }
        }
        #expect(reason(text) == nil)
        #expect((reason("{") ?? "").hasPrefix("not JSON"))
        #expect(reason("[]") == "expected a JSON object")
        #expect(reason(text.replacingOccurrences(of: "\"receipts\"", with: "\"receipt\"")) == "unknown field 'receipt'")
        #expect(reason(text.replacingOccurrences(of: "receipt-proof/1", with: "receipt-proof/2")) == "format must be \"sigil.receipt-proof/1\"")
        #expect(reason(text.replacingOccurrences(of: "\"blockNumber\": \"3\"", with: "\"blockNumber\": 3")) == "'blockNumber' must be a decimal string")
        #expect(reason(text.replacingOccurrences(of: "\"transactionIndex\": 0", with: "\"transactionIndex\": -1"))
            == "'transactionIndex' must be a non-negative integer")
        let hash = Hex.encode(block.hash)
        #expect(reason(text.replacingOccurrences(of: hash, with: hash.uppercased().replacingOccurrences(of: "0X", with: "0x")))
            == "'blockHash' must be lowercase 0x-hex of 32 bytes")
        #expect(reason(text.replacingOccurrences(of: hash, with: String(hash.dropLast(2)))) == "'blockHash' must be lowercase 0x-hex of 32 bytes")
        let noncanonical = "the file is not in the canonical form Sigil writes (was it edited?)"
        #expect(reason(text + "\n") == noncanonical)
        #expect(reason(String(text.dropLast())) == noncanonical)
        #expect(reason(text.replacingOccurrences(of: "\n", with: "\r\n")) == noncanonical)

        // A changed byte is refused, at parsing or at verification: every byte of the JSON
        // structure and one hex digit in five (each changes a hash, root or number).
        let bytes = Array(text.utf8)
        var accepted: [Int] = []
        let hexDigits = Set("0123456789abcdef".utf8)
        for position in bytes.indices where !hexDigits.contains(bytes[position]) || position % 5 == 0 {
            var changed = bytes
            changed[position] ^= 0x01
            if let bundle = try? ReceiptProofBundle.parse(changed), (try? bundle.verify()) != nil { accepted.append(position) }
        }
        #expect(accepted.isEmpty, "changed bytes accepted at \(accepted)")
    }
}
