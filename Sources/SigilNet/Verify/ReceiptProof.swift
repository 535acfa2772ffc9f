public import SigilCore

/// A transaction's receipt, proved: the transaction sits at `index` in a trusted block's
/// transactionsRoot and `receipt` at the same index in its receiptsRoot.
public struct ProvedReceipt: Sendable, Equatable {
    public let transactionHash: [UInt8]
    public let index: Int
    public let receipt: Receipt
    /// Gas used by this transaction alone (the difference of cumulative gas).
    public let gasUsed: UInt64
    /// The block's transactions (trie values) and receipts (consensus encodings), in order:
    /// what an offline bundle needs.
    public let transactions: [[UInt8]]
    public let receipts: [[UInt8]]

    public var succeeded: Bool {
        if case .status(let ok) = receipt.outcome { return ok }
        return true   // pre-Byzantium receipts carry a state root, not a status
    }
}

extension ChainVerifier {
    /// Proves that the transaction `hash` is in the block a peer claims (`blockNumber`,
    /// `blockHash`), with its receipt. Nil when the peers agree on another block at that
    /// height (the claim is a lie, or the block was reorged away). Throws when the peers do not
    /// agree, or none serves the block's transactions and receipts so that both roots match.
    public func proveReceipt(of hash: [UInt8], blockNumber: UInt64, blockHash: [UInt8]) throws(VerificationError) -> Verified<ProvedReceipt>? {
        var verifier = self
        if let pinned = settings.pinnedBlockHash, pinned != blockHash { verifier.settingsOverride(pinned: nil) }
        let what = "transaction in transactionsRoot and receipt in receiptsRoot"
        // The header by agreement, and in the same batch the block's receipts checked against it.
        let trusted = try verifier.read(at: .number(blockNumber), proof: what, calls: { tag in
            [RPCCall("eth_getBlockReceipts", [tag.json])]
        }, prove: { (header, results) -> Result<[[UInt8]]?, ProofFailure> in
            guard case .success(let json) = results.first, case .array(let items) = json else { return .success(nil) }
            return Result { () throws(ProofFailure) -> [[UInt8]]? in try Self.receipts(items, root: header.receiptsRoot) }
        })
        guard trusted.block.hash == blockHash else { return nil }

        var faults = trusted.block.faults
        for url in Self.contentOrder(trusted) {
            do throws(ProofFailure) {
                let proved = try content(of: hash, block: trusted.block, receipts: trusted.value, url: url)
                let block = TrustedBlock(header: trusted.block.header, hash: trusted.block.hash, agreeing: trusted.block.agreeing,
                                         asked: trusted.block.asked, pinned: trusted.block.pinned, faults: faults)
                return proved.map { Verified(value: $0, block: block, provedBy: url, proof: what) }
            } catch {
                faults.append(PeerFault(url: url, reason: error.reason, invalid: true))
            }
        }
        throw .unproven(what: "the receipt of \(Hex.encode(hash))", faults: faults)
    }

    /// The agreeing peer that proved the receipts first, then the other agreeing peers.
    private static func contentOrder(_ trusted: Verified<[[UInt8]]?>) -> [String] {
        [trusted.provedBy] + trusted.block.agreeing.filter { $0 != trusted.provedBy }
    }

    /// The block's raw transactions from `url`, checked against transactionsRoot; the receipts
    /// (when `eth_getBlockReceipts` was not served) one by one, checked against receiptsRoot.
    /// Nil when the transaction is not in the block.
    private func content(of hash: [UInt8], block: TrustedBlock, receipts known: [[UInt8]]?, url: String) throws(ProofFailure) -> ProvedReceipt? {
        let client = JSONRPCClient(url: url, timeout: timeout)
        let blockHash = JSONValue.string(Hex.encode(block.hash))
        do {
            var count = known?.count
            if count == nil {
                count = try client.call("eth_getBlockTransactionCountByHash", [blockHash]).uint64(method: "eth_getBlockTransactionCountByHash").clampedInt
            }
            let calls = (0..<count!).map { RPCCall("eth_getRawTransactionByBlockHashAndIndex", [blockHash, UInt64($0).json]) }
            var transactions: [[UInt8]] = []
            for (index, answer) in try client.batch(calls).enumerated() {
                transactions.append(try answer.get().bytes(method: "eth_getRawTransactionByBlockHashAndIndex", field: "result[\(index)]"))
            }
            guard MerklePatriciaTrie.orderedRoot(transactions) == block.header.transactionsRoot else {
                throw ProofFailure("the transactions it served for block \(block.number) do not match its transactionsRoot")
            }
            let hashes = transactions.map(Keccak256.hash)
            guard let index = hashes.firstIndex(of: hash) else { return nil }
            var receipts = known ?? []
            if known == nil {
                let answers = try client.batch(hashes.map { RPCCall("eth_getTransactionReceipt", [.string(Hex.encode($0))]) })
                var items: [JSONValue] = []
                for answer in answers { items.append(try answer.get()) }
                receipts = try Self.receipts(items, root: block.header.receiptsRoot)
            }
            guard receipts.count == transactions.count else {
                throw ProofFailure("block \(block.number) has \(transactions.count) transactions but \(receipts.count) receipts")
            }
            let receipt: Receipt
            do { receipt = try Receipt(encoded: receipts[index]) } catch { throw ProofFailure("receipt \(index): \(error)") }
            var gasUsed = receipt.cumulativeGasUsed
            if index > 0, let previous = try? Receipt(encoded: receipts[index - 1]) {
                guard previous.cumulativeGasUsed <= gasUsed else { throw ProofFailure("cumulative gas decreases at receipt \(index)") }
                gasUsed -= previous.cumulativeGasUsed
            }
            return ProvedReceipt(transactionHash: hash, index: index, receipt: receipt, gasUsed: gasUsed,
                                 transactions: transactions, receipts: receipts)
        } catch let failure as ProofFailure {
            throw failure
        } catch {
            throw ProofFailure(String(describing: error))
        }
    }

    /// Receipt objects re-encoded and checked against `root` (and each bloom against its logs).
    static func receipts(_ items: [JSONValue], root: [UInt8]) throws(ProofFailure) -> [[UInt8]] {
        var encoded: [[UInt8]] = []
        encoded.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let receipt: Receipt
            do { receipt = try Receipt(rpc: item, method: "eth_getBlockReceipts") } catch {
                throw ProofFailure("receipt \(index): \(error.description)")
            }
            guard receipt.bloomMatchesLogs else { throw ProofFailure("receipt \(index): its logsBloom does not match its logs") }
            encoded.append(receipt.encoded)
        }
        guard MerklePatriciaTrie.orderedRoot(encoded) == root else {
            throw ProofFailure("the receipts it served do not match the block's receiptsRoot")
        }
        return encoded
    }

    mutating func settingsOverride(pinned: [UInt8]?) {
        self = ChainVerifier(peers: peers, timeout: timeout,
                             settings: VerificationSettings(enabled: settings.enabled, agree: settings.agree, pinnedBlockHash: pinned))
    }
}

extension UInt64 {
    var clampedInt: Int { Int(clamping: self) }
}
