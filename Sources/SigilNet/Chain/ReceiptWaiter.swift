import SigilCore

/// Where a wait for a receipt stands, for progress output.
public enum ReceiptProgress: Sendable, Equatable {
    /// No peer has a receipt yet.
    case pending(elapsedSeconds: Double)
    /// Mined in `block`; `confirmations` so far of those required.
    case mined(block: UInt64, confirmations: UInt64, required: UInt64)
}

/// How a wait for a receipt ended. A reverted transaction is `found` with status 0.
public enum ReceiptWaitResult: Sendable, Equatable {
    case found(TransactionReceipt, confirmations: UInt64)
    case timedOut(hash: [UInt8])
}

/// Polls peers for a transaction receipt until it has enough confirmations or time runs out.
public struct ReceiptWaiter: Sendable {
    public let peers: [String]
    /// Seconds allowed per poll request.
    public let requestTimeout: Double
    /// Seconds between polls.
    public let pollInterval: Double

    public init(peers: [String], requestTimeout: Double = 10, pollInterval: Double = 1) {
        self.peers = peers
        self.requestTimeout = requestTimeout
        self.pollInterval = pollInterval
    }

    /// Waits until some peer reports the receipt of `hash` with `confirmations` ≥ N, where
    /// confirmations = that peer's block number − receipt block + 1, or until `timeout` seconds
    /// (from the call) pass. Each poll asks every peer at once with one batch (receipt + block number).
    public func wait(hash: [UInt8], confirmations required: UInt64 = 1, timeout: Double,
                     progress: (ReceiptProgress) -> Void = { _ in }) -> ReceiptWaitResult {
        let start = MonotonicClock.now()
        let hashJSON = JSONValue.string(Hex.encode(hash))
        let perPoll = max(0.1, min(requestTimeout, timeout))
        while true {
            let results = PeerGroup(urls: peers, timeout: perPoll).run { client throws(RPCError) -> (TransactionReceipt, UInt64)? in
                let answers = try client.batch([RPCCall("eth_getTransactionReceipt", [hashJSON]), RPCCall("eth_blockNumber")])
                let receiptJSON = try answers[0].get()
                guard receiptJSON != .null else { return nil }
                let head = try answers[1].get().uint64(method: "eth_blockNumber")
                return (try TransactionReceipt(json: receiptJSON), head)
            }
            var best: (TransactionReceipt, UInt64)? = nil
            for case .success(let found?) in results.map(\.result) {
                let (receipt, head) = found
                let count = head >= receipt.blockNumber ? head - receipt.blockNumber + 1 : 0
                if best == nil || count > best!.1 { best = (receipt, count) }
            }
            if let (receipt, count) = best {
                if count >= required { return .found(receipt, confirmations: count) }
                progress(.mined(block: receipt.blockNumber, confirmations: count, required: required))
            } else {
                progress(.pending(elapsedSeconds: MonotonicClock.now() - start))
            }
            let remaining = timeout - (MonotonicClock.now() - start)
            if remaining <= 0 { return .timedOut(hash: hash) }
            MonotonicClock.sleep(min(pollInterval, remaining))
        }
    }
}
