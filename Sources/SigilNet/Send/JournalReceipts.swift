public import SigilCore

/// Settling journaled transactions from their receipts, before (or instead of) sending them again.
///
/// A record that is journaled but not known to be mined may well be mined: a crash after the
/// broadcast, or a run that did not wait. Sending its bytes again then gets "nonce too low" from
/// geth and most nodes (only a transaction still in the pool is "already known"), which proves
/// nothing by itself; its receipt does — and with a verifier, only a proved receipt counts.
extension TransactionSender {
    /// Hashes per JSON-RPC batch (one HTTP request each).
    public static let receiptBatchSize = 500

    /// The receipts the peers claim for `hashes`, keyed by hash: one batch of
    /// `eth_getTransactionReceipt` per `receiptBatchSize` hashes, to the first peer that answers
    /// (JSONRPCClient moves on when one is unreachable or malformed). A hash that is not mined
    /// (or unknown to that peer) is absent; a single call's error counts as absent. With a
    /// verifier, each claim is proved (see `ChainVerifier.proveReceipt`) and kept only if it is.
    public func receipts(of hashes: [[UInt8]]) throws(RPCError) -> [[UInt8]: TransactionReceipt] {
        guard !hashes.isEmpty else { return [:] }
        guard !peers.isEmpty else { throw .malformed("no peer to ask for receipts") }
        let client = JSONRPCClient(urls: peers, timeout: timeout)
        var found: [[UInt8]: TransactionReceipt] = [:]
        var start = 0
        while start < hashes.count {
            let chunk = Array(hashes[start..<min(start + Self.receiptBatchSize, hashes.count)])
            let answers = try client.batch(chunk.map { RPCCall("eth_getTransactionReceipt", [.string(Hex.encode($0))]) })
            for (hash, answer) in zip(chunk, answers) {
                guard case .success(let value) = answer, value != .null,
                      let receipt = try? TransactionReceipt(json: value), receipt.transactionHash == hash else { continue }
                found[hash] = receipt
            }
            start += chunk.count
        }
        guard let verifier else { return found }
        var proved: [[UInt8]: TransactionReceipt] = [:]
        for (hash, claimed) in found {
            guard let proof = try? verifier.proveReceipt(of: hash, blockNumber: claimed.blockNumber, blockHash: claimed.blockHash) else {
                continue   // claimed but not proved: never counted as mined
            }
            proved[hash] = claimed.proved(by: proof)
        }
        return proved
    }

    /// Asks for the receipts of `hashes` (see `receipts(of:)`) and records every one found in
    /// the journal as mined or reverted, under one lock. Returns the receipts found.
    @discardableResult
    public func settle(_ hashes: [[UInt8]], chainId: U256, sender: Address) throws -> [[UInt8]: TransactionReceipt] {
        guard !hashes.isEmpty else { return [:] }
        let found = try receipts(of: hashes)
        guard !found.isEmpty else { return found }
        try journal(chainId: chainId, address: sender).withLock(timeout: 120) { session in
            for hash in hashes {
                guard let receipt = found[hash], let record = session.record(hash: hash) else { continue }
                let status: JournalStatus = receipt.reverted ? .reverted : .mined
                if record.status != status { try session.updateStatus(hash: hash, status: status) }
            }
        }
        return found
    }
}
