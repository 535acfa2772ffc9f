public import SigilCore

/// What the peers can show about one transaction hash, proved where a verifier is given.
public enum TransactionLookup: Sendable, Equatable {
    /// Mined: the receipt (proved, with a verifier).
    case mined(TransactionReceipt)
    /// Not mined, but at least one peer knows it (in its mempool); `peers` names them.
    case pending(peers: [String])
    /// No answering peer knows it, and any receipt claimed was disproved.
    case unknown
}

/// The outcome of asking every peer about a transaction.
public struct TransactionLookupReport: Sendable, Equatable {
    public let lookup: TransactionLookup
    /// Peers that could not be asked (unreachable, timed out, garbage), with why.
    public let failures: [PeerFault]
    /// Receipts claimed by peers that could not be proved (a lie, or a block reorged away).
    public let unproven: [PeerFault]
    /// How many peers answered.
    public let answered: Int
}

extension TransactionLookupReport {
    /// Asks every peer at once for the receipt and the transaction of `hash` (one batch each),
    /// then proves a claimed receipt with `verifier` (when given). Once a peer has answered,
    /// the others get a short grace (`PeerGroup.runWithGrace`), not their whole timeout.
    public static func look(up hash: [UInt8], peers: [String], timeout: Double, verifier: ChainVerifier?) -> TransactionLookupReport {
        let hashJSON = JSONValue.string(Hex.encode(hash))
        let results = PeerGroup(urls: peers, timeout: timeout).runWithGrace { client throws(RPCError) -> (TransactionReceipt?, Bool) in
            let answers = try client.batch([RPCCall("eth_getTransactionReceipt", [hashJSON]), RPCCall("eth_getTransactionByHash", [hashJSON])])
            let receiptJSON = try answers[0].get()
            let receipt = receiptJSON == .null ? nil : try TransactionReceipt(json: receiptJSON)
            if let receipt, receipt.transactionHash != hash { throw RPCError.malformed("eth_getTransactionReceipt: the receipt is for another transaction") }
            let known = (try? answers[1].get()).map { $0 != .null } ?? false
            return (receipt, known)
        }
        var failures: [PeerFault] = []
        var unproven: [PeerFault] = []
        var knownBy: [String] = []
        var claims: [(String, TransactionReceipt)] = []
        for result in results {
            switch result.result {
            case .failure(let error): failures.append(PeerFault(url: result.url, reason: error.description, invalid: false))
            case .success(let (receipt, known)):
                if let receipt { claims.append((result.url, receipt)) }
                if known { knownBy.append(result.url) }
            }
        }
        let answered = results.count - failures.count
        for (url, claim) in claims {
            guard let verifier else {
                return TransactionLookupReport(lookup: .mined(claim), failures: failures, unproven: [], answered: answered)
            }
            do throws(VerificationError) {
                if let proof = try verifier.proveReceipt(of: hash, blockNumber: claim.blockNumber, blockHash: claim.blockHash) {
                    return TransactionLookupReport(lookup: .mined(claim.proved(by: proof)), failures: failures, unproven: unproven, answered: answered)
                }
                unproven.append(PeerFault(url: url, reason: "claims it was mined in block \(claim.blockNumber) (\(Hex.encode(claim.blockHash))), which is not the block the peers agree on at that height", invalid: true))
            } catch {
                unproven.append(PeerFault(url: url, reason: "claims a receipt that could not be proved: \(error.description)", invalid: true))
            }
        }
        // A peer caught claiming a receipt it cannot prove is not believed about the pool either.
        let discredited = Set(unproven.map(\.url))
        let holders = knownBy.filter { !discredited.contains($0) }
        let lookup: TransactionLookup = holders.isEmpty ? .unknown : .pending(peers: holders)
        return TransactionLookupReport(lookup: lookup, failures: failures, unproven: unproven, answered: answered)
    }
}

extension ChainVerifier {
    /// The proved receipt of `hash`, wherever a peer says it was mined: the first claim that
    /// proves. Throws `unproven` when claims exist but none proves, and a network error when
    /// no peer knows a receipt.
    public func receiptProof(of hash: [UInt8]) throws -> Verified<ProvedReceipt> {
        let report = TransactionLookupReport.look(up: hash, peers: peers, timeout: timeout, verifier: self)
        if case .mined(let receipt) = report.lookup, let proof = receipt.verification { return proof }
        if !report.unproven.isEmpty { throw VerificationError.unproven(what: "the receipt of \(Hex.encode(hash))", faults: report.unproven) }
        if report.answered == 0 {
            throw RPCError.malformed("no peer answered: " + report.failures.map(\.description).joined(separator: "; "))
        }
        throw TransactionNotMined(hash: hash)
    }
}

/// No peer has a receipt for the transaction (not mined yet, or unknown).
public struct TransactionNotMined: CategorizedError, Equatable {
    public let hash: [UInt8]
    public var category: ErrorCategory { .notFound }
    public var description: String { "\(Hex.encode(hash)) is not mined (no peer has a receipt for it)" }
}
