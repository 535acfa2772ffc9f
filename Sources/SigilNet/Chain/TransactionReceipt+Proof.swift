import SigilCore

extension TransactionReceipt {
    /// This receipt with what the proof established in place of what the peer said: status,
    /// gas used and the number of logs come from the proved receipt.
    public func proved(by proof: Verified<ProvedReceipt>) -> TransactionReceipt {
        var copy = self
        copy.status = proof.value.succeeded ? 1 : 0
        if case .stateRoot = proof.value.receipt.outcome { copy.status = nil }
        copy.gasUsed = proof.value.gasUsed
        copy.logsCount = proof.value.receipt.logs.count
        copy.logs = proof.value.receipt.logs
        copy.verification = proof
        return copy
    }
}

extension Verified: Equatable where Value: Equatable {
    public static func == (lhs: Verified, rhs: Verified) -> Bool {
        lhs.value == rhs.value && lhs.block == rhs.block && lhs.provedBy == rhs.provedBy && lhs.proof == rhs.proof
    }
}
