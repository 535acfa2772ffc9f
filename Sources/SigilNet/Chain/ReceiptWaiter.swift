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
    /// Peers claimed a receipt that could not be proved (and none could be), until time ran out.
    case unproven(VerificationError)
    /// A peer answered a receipt in a shape Sigil cannot read (the error names the peer and the
    /// field), and no peer's receipt could be used: an error, never "still pending".
    case malformed(RPCError)
}

/// Polls peers for a transaction receipt until it has enough confirmations or time runs out.
///
/// With a `verifier`, a receipt counts only once proved: its block's header agreed by the
/// peers, the transaction in that block's transactionsRoot and the receipt in its
/// receiptsRoot; confirmations count only headers linked by parentHash to it. A receipt that a
/// peer claims but cannot be proved is never reported as mined.
public struct ReceiptWaiter: Sendable {
    public let peers: [String]
    /// Seconds allowed per poll request.
    public let requestTimeout: Double
    /// Seconds between polls.
    public let pollInterval: Double
    /// Proves what the peers claim; nil takes the best claim as given (`--no-verify`).
    public var verifier: ChainVerifier?

    public init(peers: [String], requestTimeout: Double = 10, pollInterval: Double = 1, verifier: ChainVerifier? = nil) {
        self.peers = peers
        self.requestTimeout = requestTimeout
        self.pollInterval = pollInterval
        self.verifier = verifier
    }

    /// Waits until the receipt of `hash` has `confirmations` ≥ N, or until `timeout` seconds
    /// (from the call) pass. Each poll asks every peer at once with one batch (receipt + block number).
    /// The command's `--timeout` clock is stopped meanwhile: `timeout` bounds the wait.
    public func wait(hash: [UInt8], confirmations required: UInt64 = 1, timeout: Double,
                     progress: (ReceiptProgress) -> Void = { _ in }) -> ReceiptWaitResult {
        CommandDeadline.suspended { waitUntimed(hash: hash, confirmations: required, timeout: timeout, progress: progress) }
    }

    private func waitUntimed(hash: [UInt8], confirmations required: UInt64, timeout: Double,
                             progress: (ReceiptProgress) -> Void) -> ReceiptWaitResult {
        let start = MonotonicClock.now()
        var lastFailure: VerificationError? = nil
        while true {
            let (claims, malformed) = poll(hash: hash, timeout: max(0.1, min(requestTimeout, timeout)))
            var reported = false
            if let verifier {
                for claim in claims {
                    do throws(VerificationError) {
                        guard let proved = try verifier.proveReceipt(of: hash, blockNumber: claim.receipt.blockNumber,
                                                                     blockHash: claim.receipt.blockHash) else { continue }
                        let receipt = claim.receipt.proved(by: proved)
                        let count = required <= 1 ? 1 : try verifier.confirmations(of: proved.block).count
                        if count >= required { return .found(receipt, confirmations: count) }
                        progress(.mined(block: receipt.blockNumber, confirmations: count, required: required))
                        reported = true
                        lastFailure = nil
                        break
                    } catch {
                        lastFailure = error
                    }
                }
            } else if let best = claims.first {
                if best.confirmations >= required { return .found(best.receipt, confirmations: best.confirmations) }
                progress(.mined(block: best.receipt.blockNumber, confirmations: best.confirmations, required: required))
                reported = true
            }
            if !reported, let malformed { return .malformed(malformed) }
            if !reported { progress(.pending(elapsedSeconds: MonotonicClock.now() - start)) }
            let remaining = timeout - (MonotonicClock.now() - start)
            if remaining <= 0 { return lastFailure.map { .unproven($0) } ?? .timedOut(hash: hash) }
            MonotonicClock.sleep(min(pollInterval, remaining))
        }
    }

    /// One claim per distinct block a peer placed the transaction in, most confirmations first
    /// (confirmations as the claiming peer counts them: its head − the block + 1).
    struct Claim {
        let receipt: TransactionReceipt
        let confirmations: UInt64
    }

    /// The claims, and the first receipt a peer answered in a shape that cannot be read.
    private func poll(hash: [UInt8], timeout: Double) -> ([Claim], RPCError?) {
        let hashJSON = JSONValue.string(Hex.encode(hash))
        // A receipt that does not parse is kept apart from a peer that failed: it is an answer.
        // Once one peer has answered, the others get a short grace: a hung peer never stalls a poll.
        let results = PeerGroup(urls: peers, timeout: timeout).runWithGrace { client throws(RPCError) -> Result<(TransactionReceipt, UInt64), RPCError>? in
            let answers = try client.batch([RPCCall("eth_getTransactionReceipt", [hashJSON]), RPCCall("eth_blockNumber")])
            let receiptJSON = try answers[0].get()
            guard receiptJSON != .null else { return nil }
            let head = try answers[1].get().uint64(method: "eth_blockNumber")
            let receipt: TransactionReceipt
            do throws(RPCError) { receipt = try TransactionReceipt(json: receiptJSON) } catch { return .failure(error) }
            guard receipt.transactionHash == hash else { throw RPCError.malformed("eth_getTransactionReceipt: the receipt is for another transaction") }
            return .success((receipt, head))
        }
        var claims: [Claim] = []
        var malformed: RPCError? = nil
        for result in results {
            if case .success(.failure(let error)?) = result.result, malformed == nil {
                malformed = .malformed("\(result.url) answered a receipt Sigil cannot read: \(error.detail)")
            }
        }
        for case .success(.success(let found)?) in results.map(\.result) {
            let (receipt, head) = found
            let count = head >= receipt.blockNumber ? head - receipt.blockNumber + 1 : 0
            if let index = claims.firstIndex(where: { $0.receipt.blockHash == receipt.blockHash }) {
                if count > claims[index].confirmations { claims[index] = Claim(receipt: receipt, confirmations: count) }
            } else {
                claims.append(Claim(receipt: receipt, confirmations: count))
            }
        }
        return (claims.sorted { $0.confirmations > $1.confirmations }, malformed)
    }
}

extension RPCError {
    /// The reason alone for a malformed answer (no "malformed JSON-RPC response" prefix).
    var detail: String {
        if case .malformed(let reason) = self { return reason }
        return description
    }
}
