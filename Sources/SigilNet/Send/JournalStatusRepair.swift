public import SigilCore

/// Bringing a journal record in line with what the peers can show about its transaction.
public enum JournalStatusRepair {
    /// Records a (proved) receipt as mined or reverted; and repairs a record the journal calls
    /// mined or reverted whose receipt is gone (a lie that was believed, or a reorg): back to
    /// accepted when a peer still holds the transaction, dropped (its nonce free again) when no
    /// answering peer knows it. Returns the record as the journal now has it.
    public static func apply(_ lookup: TransactionLookup, to record: JournalRecord, in journal: TransactionJournal) throws -> JournalRecord {
        let status: JournalStatus?
        let note: String?
        switch lookup {
        case .mined(let receipt):
            status = receipt.reverted ? .reverted : .mined
            note = nil
        case .pending where record.status == .mined || record.status == .reverted:
            status = .accepted
            note = "its receipt is gone (reorg, or a receipt that could not be proved); a peer still holds it"
        case .unknown where record.status == .mined || record.status == .reverted:
            status = .dropped
            note = "its receipt is gone and no peer knows it: the nonce is free again"
        default:
            status = nil
            note = nil
        }
        guard let status, status != record.status else { return record }
        return try journal.withLock(timeout: 60) { session in
            try session.updateStatus(hash: record.hash, status: status, note: note)
            return session.record(hash: record.hash) ?? record
        }
    }
}
