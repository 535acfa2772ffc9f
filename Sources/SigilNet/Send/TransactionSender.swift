import SigilCore

/// Signing and sending with the journal: the nonce is chosen and the signed bytes are recorded
/// under the journal's lock BEFORE anything leaves the machine, so concurrent senders get
/// consecutive nonces and a crash at any point leaves a record to check or rebroadcast —
/// never a payment that Sigil does not know about.
public struct TransactionSender: Sendable {
    public let peers: [String]
    public let timeout: Double
    public let journalDirectory: String
    /// devp2p peers that also get every broadcast (through `devp2p`).
    public var enodes: [Enode] = []
    /// How the enodes get it; required when `enodes` is not empty.
    public var devp2p: DevP2PBroadcaster?
    /// Whether broadcasts also go to the JSON-RPC peers (false: they are used for reads only).
    public var broadcastOverRPC = true

    public init(peers: [String], timeout: Double, journalDirectory: String) {
        self.peers = peers
        self.timeout = timeout
        self.journalDirectory = journalDirectory
    }

    /// The chain the peers must serve when the intent names none (e.g. the config network's).
    public var requiredChainId: U256?
    /// Told about the peers that could not be asked for their chain id (they are skipped).
    public var onUnansweredChainCheck: (@Sendable ([PeerResult<U256>]) -> Void)?

    /// One batched read raced across the peers (the first to answer is used), beside a
    /// chain-id question to every peer: all must serve the requested chain
    /// (`intent.expectedChainId`, else `requiredChainId`, else the first listed peer that answered), or
    /// `ChainMismatchError` names those that do not. With one peer this is a single HTTP request.
    /// A gas estimate that reverts is a `CallReverted` (exit 7), with the revert data.
    public func snapshot(for intent: PaymentIntent, from: Address) throws -> ChainSnapshot {
        let client = JSONRPCClient(urls: peers, timeout: timeout)
        // Asked while the read runs: a peer silent when the read is done (and its grace, as long
        // again as the first chain id took, is over) is named as unchecked, not waited for.
        let chainCheck = peers.count > 1 ? ChainCheck.begin(peers: peers, timeout: timeout, standing: standing) : nil
        // A call that reverts is not a network failure: exit 7 with its reason, not 6.
        let snapshot = try CallReverted.rethrowing { () throws(RPCError) in try ChainReader.snapshot(intent.query(from: from), client: client) }
        let answering = client.url
        let skipped = client.skippedPeers
        let results = ChainCheck.merge(chainCheck?.finish() ?? [], answering: answering, chainId: snapshot.chainId)
        // With no chain asked for, the reference is the first listed peer that answered (the
        // read itself was raced, so the answering peer may be any of them).
        let reference = ChainCheck.firstListedAnswer(results, order: peers) ?? snapshot.chainId
        try ChainCheck.verify(results, expected: intent.expectedChainId ?? requiredChainId ?? reference)
        // A peer that failed the read is named with that failure, whatever its chain id answer.
        let unanswered = skipped.map { PeerResult<U256>(url: $0.url, result: .failure($0.error), elapsedMilliseconds: 0) }
            + results.filter { peer in
                guard case .failure = peer.result else { return false }
                return !skipped.contains { $0.url == peer.url }
            }
        if !unanswered.isEmpty { onUnansweredChainCheck?(unanswered) }
        guard let verifier else { return snapshot }
        // What the signature relies on is proved: the nonce and balance come from an account
        // proof against an agreed header, never from one peer's word.
        let account: Verified<ProvedAccount>
        do { account = try verifier.account(from) } catch {
            guard case .proofsNotServed(let what, _) = error else { throw error }
            onProofsNotServed?(what)
            return snapshot   // no peer offers proofs: the peers' word, said so
        }
        onVerified?(account)
        if snapshot.pendingNonce != account.value.state.nonce {
            onUnprovedPending?(snapshot.pendingNonce, account.value.state.nonce, answering)
        }
        return ChainSnapshot(chainId: snapshot.chainId, pendingNonce: account.value.state.nonce, nextBaseFee: snapshot.nextBaseFee,
                             suggestedTip: snapshot.suggestedTip, gasEstimate: snapshot.gasEstimate,
                             balance: snapshot.balance == nil ? nil : account.value.state.balance)
    }

    /// Proves reads and receipts; nil takes the peers' word (`--no-verify`).
    public var verifier: ChainVerifier?
    /// Shared by this sender's races (chain check, broadcasts) and its verifier's: a peer that
    /// fell behind once is not given a grace again.
    public var standing: PeerStanding?
    /// Peers that must accept a broadcast: once that many have the transaction, the others get
    /// a short grace and are not waited for (nil: every peer is waited for, up to the timeout).
    public var quorum: Int?
    /// Told when no peer serves the account proof: the nonce and balance are the peers' word.
    public var onProofsNotServed: (@Sendable (String) -> Void)?
    /// Told about the account proof `snapshot` relied on.
    public var onVerified: (@Sendable (Verified<ProvedAccount>) -> Void)?
    /// Told when the answering peer's pending nonce (first) differs from the proved one (second):
    /// transactions in its mempool that cannot be proved, or a lie. Sigil signs at the proved
    /// nonce (or the journal's, when higher).
    public var onUnprovedPending: (@Sendable (UInt64, UInt64, String) -> Void)?

    /// The peers a journal record names: the JSON-RPC URLs that get the transaction, then the enodes.
    public var recordedPeers: [String] {
        (broadcastOverRPC || enodes.isEmpty ? peers : []) + enodes.map(\.description)
    }

    public func journal(chainId: U256, address: Address) -> TransactionJournal {
        TransactionJournal(directory: journalDirectory, chainId: chainId, address: address)
    }

    /// Picks the nonce (max of the peers' pending nonce and the journal's), signs, journals the
    /// signed transaction as pending (durably, before anything leaves the machine), broadcasts
    /// it and records the outcome, all under the journal lock. (Batch rows go through
    /// `PayoutEngine.paySends`, which does the same with the next row signed ahead.)
    ///
    /// The lock is held through the broadcast so that the account's nonces reach the peers in
    /// order: another sender takes nonce n+1 only once n has been handed over. A node without a
    /// mempool, or one that refuses nonce gaps, would otherwise reject n+1 when it overtakes n.
    public func signJournalAndBroadcast(_ request: TransactionRequest, key: PrivateKey, pendingNonce: UInt64
    ) throws -> (signed: SignedTransaction, report: BroadcastReport) {
        guard let chainId = request.chainId else { throw SendError.wrongChain(expected: 0, actual: 0) }
        return try journal(chainId: chainId, address: key.address).withLock(timeout: 120) { session in
            let signed = try signAndJournal(request, key: key, pendingNonce: pendingNonce, batchKey: nil, note: nil, in: &session)
            let report = deliver(signed, networkForm: nil)
            try Self.recordOutcome(report, of: signed, first: true, in: &session)
            return (signed, report)
        }
    }

    /// The first half of `signJournalAndBroadcast`, in a session the caller holds: picks the
    /// nonce, signs, and journals the signed bytes as pending (durably). Nothing is sent.
    func signAndJournal(_ request: TransactionRequest, key: PrivateKey, pendingNonce: UInt64, batchKey: String?, note: String?,
                        in session: inout JournalSession) throws -> SignedTransaction {
        var request = request
        request.nonce = session.nextNonce(pendingFromPeers: pendingNonce)
        let signed = try key.sign(request.payload())
        if let earlier = session.record(hash: signed.hash) {
            // The same bytes as a record whose nonce was freed because no peer had it (a peer
            // that accepted and dropped it): send them again. Anything else is a repeat.
            guard earlier.status == .dropped else {
                throw SendError.alreadyJournaled(hash: earlier.hashHex, nonce: earlier.nonce, status: earlier.status, reason: earlier.note)
            }
            try session.updateStatus(hash: signed.hash, status: .pending, note: "signed again with the same bytes")
        } else {
            try session.append(Self.record(signed, request: request, peers: recordedPeers, batchKey: batchKey, note: note))
        }
        return signed
    }

    /// Sends the signed bytes of a journaled transaction to every peer at once and records the
    /// outcome in the journal. Only a record's first broadcast may conclude `rejected` (which
    /// frees its nonce): a rebroadcast that everyone refuses (e.g. "nonce too low" because it was
    /// mined) proves nothing — `settle` asks for its receipt.
    /// With enodes, the JSON-RPC and devp2p peers are all sent to at once, in one report.
    /// `networkForm` is what every peer gets when given: a blob transaction must travel with its
    /// sidecar (`0x03 || rlp([tx, blobs, commitments, proofs])`), which `signed.rawBytes` lacks.
    public func broadcast(_ signed: SignedTransaction, chainId: U256, sender: Address, first: Bool = true,
                          networkForm: [UInt8]? = nil) throws -> BroadcastReport {
        let report = deliver(signed, networkForm: networkForm)
        try journal(chainId: chainId, address: sender).withLock(timeout: 120) { session in
            try Self.recordOutcome(report, of: signed, first: first, in: &session)
        }
        return report
    }

    /// One broadcast to every peer (JSON-RPC, and devp2p when enodes are set) at once.
    func deliver(_ signed: SignedTransaction, networkForm: [UInt8]?) -> BroadcastReport {
        if let devp2p, !enodes.isEmpty {
            let transaction = DevP2PTransaction(networkForm: networkForm ?? signed.rawBytes, hash: signed.hash, type: signed.type)
            return devp2p.broadcast(transaction, enodes: enodes, rpcPeers: broadcastOverRPC ? peers : [])
        }
        return Broadcaster.broadcast(raw: networkForm ?? signed.rawBytes, expectedHash: signed.hash, peers: peers, timeout: timeout,
                                     quorum: quorum, standing: standing)
    }

    /// Records what a broadcast showed: accepted, rejected by every peer (first broadcast only:
    /// the nonce is free again), or still pending; returns the status recorded.
    @discardableResult
    static func recordOutcome(_ report: BroadcastReport, of signed: SignedTransaction, first: Bool,
                              in session: inout JournalSession) throws -> JournalStatus {
        let status: JournalStatus
        if report.acceptedCount > 0 {
            status = .accepted
        } else if first, report.peers.allSatisfy({ if case .rejected = $0.outcome { true } else { false } }) {
            status = .rejected   // every peer judged it invalid: the nonce is free again
        } else {
            status = .pending    // unknown: some peers were unreachable; it may still be out there
        }
        // Not fsynced: the signed bytes were, before the broadcast; a lost outcome leaves the
        // record pending, which the next run settles from the chain.
        try session.updateStatus(hash: signed.hash, status: status, note: report.peers.compactMap(\.detail).first, durable: false)
        return status
    }

    /// Waits for the receipt and records mined / reverted in the journal: with a verifier, only
    /// once the receipt is proved (a claim that never proves ends as `VerificationError`, and the
    /// record stays as sent).
    public func wait(for signed: SignedTransaction, chainId: U256, sender: Address, confirmations: UInt64, timeout seconds: Double,
                     progress: @escaping @Sendable (ReceiptProgress) -> Void) throws -> TransactionReceipt {
        let waiter = ReceiptWaiter(peers: peers, requestTimeout: timeout, pollInterval: 0.5, verifier: verifier)
        switch waiter.wait(hash: signed.hash, confirmations: confirmations, timeout: seconds, progress: progress) {
        case .found(let receipt, _):
            try journal(chainId: chainId, address: sender).withLock(timeout: 120) { session in
                try session.updateStatus(hash: signed.hash, status: receipt.reverted ? .reverted : .mined)
            }
            if receipt.reverted { throw SendError.reverted(hash: signed.hash.hexString, gasUsed: receipt.gasUsed) }
            return receipt
        case .timedOut:
            throw SendError.receiptTimeout(hash: signed.hash.hexString, seconds: seconds)
        case .unproven(let error):
            throw error   // claimed mined, never proved: the journal keeps it as sent, not mined
        case .malformed(let error):
            throw error   // a receipt that cannot be read is an error naming the field, never "pending"
        }
    }

    static func record(_ signed: SignedTransaction, request: TransactionRequest, peers: [String], batchKey: String?, note: String?) -> JournalRecord {
        JournalRecord(nonce: request.nonce, hash: signed.hash, raw: signed.rawBytes, type: String(request.type.rawValue), to: request.to,
                      value: request.value, maxFeePerGas: request.maxFeePerGas ?? request.gasPrice ?? .zero,
                      maxPriorityFeePerGas: request.maxPriorityFeePerGas, peers: peers, status: .pending, batchKey: batchKey, note: note)
    }
}
