public import SigilCore

extension TransactionSender {
    /// Frees the nonces of journaled transactions that no peer knows: records from `provedNonce`
    /// on that still hold their nonce (sent, or believed mined) but that every answering peer
    /// has neither mined nor in its pool are marked dropped, so the next transaction takes
    /// their nonce instead of leaving a gap behind them ("nonce too high" forever). That is
    /// what a lying peer that accepted and dropped a transaction leaves behind. Reusing the
    /// nonce also makes sure the forgotten transaction can never be mined beside the new one.
    /// Only with a verifier (the proved nonce is what makes "not mined" certain); returns the
    /// records released.
    @discardableResult
    public func releaseUnknownNonces(chainId: U256, sender: Address, provedNonce: UInt64) throws -> [JournalRecord] {
        guard let verifier else { return [] }
        let journal = journal(chainId: chainId, address: sender)
        let holding = try journal.withLock(timeout: 120) { session in
            session.records().filter { $0.nonce >= provedNonce && $0.status.reservesNonce }
        }
        guard !holding.isEmpty else { return [] }
        var unknown: [JournalRecord] = []
        for record in holding {
            let report = TransactionLookupReport.look(up: record.hash, peers: peers, timeout: timeout, verifier: verifier)
            guard report.answered > 0 else { return [] }   // nobody to ask: nothing is certain
            if case .unknown = report.lookup { unknown.append(record) }
        }
        guard !unknown.isEmpty else { return [] }
        try journal.withLock(timeout: 120) { session in
            for record in unknown where session.record(hash: record.hash)?.status.reservesNonce == true {
                try session.updateStatus(hash: record.hash, status: .dropped,
                                         note: "no peer has it, mined or pending: its nonce is reused")
            }
        }
        return unknown
    }
}
