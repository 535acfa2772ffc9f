public import SigilCore

/// The payout engine behind `send --batch`: pays each row of a `PayoutBatch` exactly once,
/// resuming safely after any crash. The command around it only parses, confirms and prints.
///
/// The plan comes from the journal: rows already journaled are skipped, or their SAME signed
/// bytes are rebroadcast; each row is checked again under the journal lock right before it is
/// signed, so two runs of one batch never pay a row twice. Journaled rows not known to be mined
/// are first looked up by receipt (one JSON-RPC batch): a mined one is done, and sending it
/// again would only get "nonce too low" from geth. Rows share their chain reads
/// (`BatchChainView`): fees are re-read every few seconds, and only calls and transfers to
/// accounts with code are estimated. The journal is read once; each row then costs what it
/// appends (see `JournalSession.load`). Rows to send are pipelined: the next one is signed and
/// journaled while the one before is being broadcast (see PayoutEngine+Pipeline.swift).
public struct PayoutEngine {
    public private(set) var sender: TransactionSender
    /// Peers that must accept each transaction.
    public let quorum: Int

    public init(sender: TransactionSender, quorum: Int) {
        self.sender = sender
        self.quorum = quorum
    }

    /// A batch planned against the journal, ready to pay.
    public struct PreparedBatch: Sendable {
        public let batch: PayoutBatch
        public let from: Address
        public let chainId: U256
        public let plan: PayoutPlan
    }

    /// What became of one row.
    public struct RowOutcome: Sendable {
        public enum Result: String, Sendable, CaseIterable { case sent, rebroadcast, skipped, failed }
        public let step: PayoutStep
        public let result: Result
        /// The transaction's hash (0x…), when one was journaled for the row.
        public let hash: String?
        /// Why the row failed (escaped; from peers or the node).
        public let reason: String?

        /// A row that failed with `error`, named in its reason (escaped, capped).
        static func failed(_ step: PayoutStep, _ error: any Error) -> RowOutcome {
            RowOutcome(step: step, result: .failed, hash: nil, reason: DisplayText.escaped("\(error)", limit: 400))
        }
    }

    /// Reads the chain id (every peer must serve it), lets `attachPeers` add devp2p peers,
    /// plans the batch from the journal and settles journaled rows by their receipts.
    public mutating func prepare(_ batch: PayoutBatch, from: Address,
                                 attachPeers: ((inout TransactionSender, U256) throws -> Void)? = nil) throws -> PreparedBatch {
        let client = JSONRPCClient(urls: sender.peers, timeout: sender.timeout)
        // Every peer is asked beside the raced read; the reference is the first listed peer that answered.
        let chainCheck = sender.peers.count > 1 ? ChainCheck.begin(peers: sender.peers, timeout: sender.timeout, standing: sender.standing) : nil
        var chainId = try NodeReader(client: client).chainId()
        if let chainCheck {
            let results = ChainCheck.merge(chainCheck.finish(), answering: client.url, chainId: chainId)
            chainId = ChainCheck.firstListedAnswer(results, order: sender.peers) ?? chainId
            try ChainCheck.verify(results, expected: chainId)
            let unanswered = results.filter { if case .failure = $0.result { true } else { false } }
            if !unanswered.isEmpty { sender.onUnansweredChainCheck?(unanswered) }
        }
        if let attachPeers { try attachPeers(&sender, chainId) }
        let journal = sender.journal(chainId: chainId, address: from)
        var plan = try journal.withLock(timeout: 120) { try PayoutPlan(batch: batch, session: $0) }
        let unsettled = plan.rowsToRebroadcast.map(\.1.hash)
        if !unsettled.isEmpty, !(try sender.settle(unsettled, chainId: chainId, sender: from)).isEmpty {
            plan = try journal.withLock(timeout: 120) { try PayoutPlan(batch: batch, session: $0) }   // mined rows are now skipped
        }
        return PreparedBatch(batch: batch, from: from, chainId: chainId, plan: plan)
    }

    /// Pays every step of the plan in order with `key` (which must be `prepared.from`'s),
    /// telling `progress` about each row as it is done. A failed row does not stop the batch.
    public func pay(_ prepared: PreparedBatch, key: PrivateKey,
                    progress: (_ index: Int, _ outcome: RowOutcome) -> Void = { _, _ in }) throws -> [RowOutcome] {
        precondition(key.address == prepared.from, "the key must be the batch's sender")
        let reader = NodeReader(client: JSONRPCClient(urls: sender.peers, timeout: sender.timeout))
        let chain = BatchChainView(sender: sender, from: key.address)
        try chain.prefetchCode(of: prepared.plan.rowsToSend.filter { $0.token == nil }.map(\.to))
        var decimals: [Address: Int] = [:]
        let steps = prepared.plan.steps
        var outcomes = [RowOutcome?](repeating: nil, count: steps.count)
        func emit(_ index: Int, _ outcome: RowOutcome) {
            outcomes[index] = outcome
            progress(index, outcome)
        }
        var index = 0
        while index < steps.count {
            guard case .send = steps[index] else {
                do {
                    emit(index, try pay(steps[index], in: prepared, key: key))
                } catch {
                    emit(index, .failed(steps[index], error))
                }
                index += 1
                continue
            }
            // A run of rows to send: pipelined (see PayoutEngine+Pipeline.swift).
            var run: [(index: Int, row: PayoutRow)] = []
            while index < steps.count, case .send(let row) = steps[index] {
                run.append((index, row))
                index += 1
            }
            paySends(run, in: prepared, key: key, request: { row in
                let intent = try self.intent(for: row, reader: reader, decimals: &decimals)
                let snapshot = try chain.snapshot(for: intent)
                return (try intent.request(from: key.address, snapshot: snapshot), snapshot.pendingNonce)
            }, emit: emit)
        }
        return outcomes.map { $0! }
    }

    /// What a row pays: ether to its recipient, or a token transfer (the token's decimals read once).
    private func intent(for row: PayoutRow, reader: NodeReader, decimals: inout [Address: Int]) throws -> PaymentIntent {
        guard let token = row.token else { return PaymentIntent(to: row.to, value: row.wei ?? .zero) }
        let places = try decimals[token] ?? TokenReads.decimals(of: token, reader: reader)
        decimals[token] = places
        return PaymentIntent(to: token, value: .zero,
                             data: ERC20Call.transfer(recipient: row.to, amount: try Amount.parse(row.valueText, decimals: places)).encoded)
    }

    /// Why a broadcast did not reach the quorum, from its report.
    func shortfall(_ report: BroadcastReport) -> String {
        let reasons = report.peers.filter { !$0.outcome.hasTransaction }.map { "\($0.shortName): \($0.outcome.name)" + ($0.detail.isEmpty ? "" : " (\($0.detail))") }
        return "\(report.acceptedCount) of \(report.peers.count) peer(s) took it, \(quorum) required; " + reasons.joined(separator: "; ")
    }

    /// A row already journaled: skip it, or rebroadcast its journaled bytes.
    private func pay(_ step: PayoutStep, in prepared: PreparedBatch, key: PrivateKey) throws -> RowOutcome {
        func outcome(_ result: RowOutcome.Result, _ hash: String?, _ reason: String? = nil) -> RowOutcome {
            RowOutcome(step: step, result: result, hash: hash, reason: reason)
        }
        switch step {
        case .skip(_, let record):
            return outcome(.skipped, record.hashHex)
        case .rebroadcast(_, let record):
            let signed = try SignedTransaction.decode(record.raw)
            let report = try sender.broadcast(signed, chainId: prepared.chainId, sender: key.address, first: false, networkForm: record.raw)
            if report.meets(quorum: quorum) { return outcome(.rebroadcast, record.hashHex) }
            // Refused ("nonce too low" once it is mined, e.g. meanwhile): its receipt settles the row.
            if try sender.settle([record.hash], chainId: prepared.chainId, sender: key.address)[record.hash] != nil {
                return outcome(.skipped, record.hashHex)
            }
            return outcome(.failed, record.hashHex, "rebroadcast of the journaled transaction: " + shortfall(report))
        case .send:
            preconditionFailure("rows to send are paid by paySends")
        }
    }
}
