/// What to do with each row of a payout batch, decided from the journal.
///
/// # Why a re-run never pays a row twice
///
/// A row is sent like this: under the journal lock, pick the nonce, sign, and append the
/// record — carrying the signed raw bytes and the row's batch key — with `fsync`; only then,
/// broadcast. Whatever instant the process dies at (even SIGKILL), the journal holds either:
///
/// - **no record for the row**: the signed bytes never left the machine (they are written to the
///   journal before any peer sees them), so nothing can pay the row → `.send`;
/// - **a record**: the very same bytes may or may not have reached a peer. Re-signing would
///   create a second valid transaction (another nonce) that could be included as well; instead
///   the plan rebroadcasts the *same* bytes (`.rebroadcast`). A transaction and its copy share
///   a nonce, and an account's nonce can be spent only once, so the row is paid at most once.
///   A record that is mined or reverted settles the row (`.skip`).
///
/// A record can be given up — and the row sent afresh — only when its bytes can provably
/// never be included: every peer *rejected* it (it never entered a mempool), or its nonce has
/// been spent on chain by a different transaction (another record at that nonce is mined). A
/// *dropped* record (gone from the mempools, nonce unused) is rebroadcast rather than re-signed:
/// a copy may still sit in some node's pool, and a fresh signature at another nonce could then
/// be included as well, whereas its own bytes can only ever spend its own nonce.
///
/// Obligations on the caller (the CLI and the network layer):
/// - journal before broadcast, under the lock (above);
/// - a failed *rebroadcast* must not mark the record `rejected`: an earlier copy may be out
///   there. Only the first broadcast of a record may conclude `rejected`;
/// - a `tx cancel` or `tx bump` of a batch row should carry the row's `batchKey`, so that a
///   mined cancel settles the row instead of letting a re-run pay it.
///
/// The plan is only as fresh as the session it was made from: to stay safe against two runs of
/// the same batch at once, call `step(for:in:session:)` again inside the same `withLock` that
/// signs and appends the row, and send only if it still says `.send`.
public struct PayoutPlan: Sendable {
    public let batch: PayoutBatch
    public let steps: [PayoutStep]

    /// The plan for every row, in file order.
    public init(batch: PayoutBatch, session: JournalSession) throws(PayoutPlanError) {
        self.batch = batch
        var steps: [PayoutStep] = []
        steps.reserveCapacity(batch.rows.count)
        for row in batch.rows { steps.append(try Self.step(for: row, in: batch, session: session)) }
        self.steps = steps
    }

    /// Rows that need a new signed transaction.
    public var rowsToSend: [PayoutRow] { steps.compactMap { if case .send(let row) = $0 { row } else { nil } } }
    /// Rows whose journaled transaction is to be rebroadcast unchanged.
    public var rowsToRebroadcast: [(PayoutRow, JournalRecord)] {
        steps.compactMap { if case .rebroadcast(let row, let record) = $0 { (row, record) } else { nil } }
    }
    /// Rows that are done.
    public var rowsSkipped: [(PayoutRow, JournalRecord)] {
        steps.compactMap { if case .skip(let row, let record) = $0 { (row, record) } else { nil } }
    }

    /// The decision for one row.
    ///
    /// The row's records (same batch key, including its bumps and a cancel that carries the
    /// key) are sorted into three kinds:
    /// - *settled*: mined or reverted → the row is done (`.skip`);
    /// - *dead*: rejected, or its nonce was spent by another transaction (a record with another
    ///   hash at that nonce is mined or reverted) → it can never be included;
    /// - *in flight*: everything else → its bytes may still be included.
    /// A row whose records are all dead is sent afresh. Otherwise the newest in-flight record
    /// that is pending or accepted (else dropped) is rebroadcast; a row whose only in-flight
    /// records are *replaced* by a transaction of unknown fate is skipped until that settles.
    public static func step(for row: PayoutRow, in batch: PayoutBatch, session: JournalSession) throws(PayoutPlanError) -> PayoutStep {
        let records = session.records(forBatchKey: batch.batchKey(row))
        guard !records.isEmpty else { return .send(row) }
        if let done = records.last(where: { $0.status == .mined }) ?? records.last(where: { $0.status == .reverted }) {
            return .skip(row, done)
        }
        let inFlight = records.filter { record in
            record.status != .rejected && !session.records(nonce: record.nonce).contains {
                $0.hash != record.hash && ($0.status == .mined || $0.status == .reverted)
            }
        }
        guard let newest = inFlight.last else { return .send(row) }
        let nonces = Set(inFlight.map(\.nonce))
        if nonces.count > 1 {
            throw .rowAtSeveralNonces(rowId: row.id, line: row.line, nonces: nonces.sorted())
        }
        if let live = inFlight.last(where: { $0.status == .pending || $0.status == .accepted })
            ?? inFlight.last(where: { $0.status == .dropped }) {
            return .rebroadcast(row, live)
        }
        return .skip(row, newest)
    }
}

/// The action for one payout row.
public enum PayoutStep: Sendable {
    /// The row is settled (its record is mined or reverted), or waits on a replacement whose
    /// fate is unknown (its record is `replaced`); the record says which.
    case skip(PayoutRow, JournalRecord)
    /// The row was journaled but not confirmed: broadcast `record.raw` again, byte for byte.
    /// If the peers refuse it, leave the record's status alone (see `PayoutPlan`).
    case rebroadcast(PayoutRow, JournalRecord)
    /// The row never left the machine, or none of its transactions can ever be included:
    /// sign and send it (inside the lock, after checking `step(for:in:session:)` again).
    case send(PayoutRow)

    public var row: PayoutRow {
        switch self {
        case .skip(let row, _), .rebroadcast(let row, _), .send(let row): row
        }
    }
}

/// Why a plan could not be made safely.
public enum PayoutPlanError: CategorizedError, Equatable {
    /// The journal ties a row to live transactions at different nonces, so it may already have
    /// been paid more than once; a person must look before anything else is sent.
    case rowAtSeveralNonces(rowId: String, line: Int, nonces: [UInt64])

    public var category: ErrorCategory { .refusedByPolicy }

    public var description: String {
        switch self {
        case .rowAtSeveralNonces(let id, let line, let nonces):
            "payout row \"\(DisplayText.escaped(id))\" (line \(line)) has live transactions at nonces \(nonces.map(String.init).joined(separator: ", ")); refusing to continue the batch"
        }
    }
}
