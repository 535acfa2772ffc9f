import SigilCore

/// Consecutive rows to send, paid with the next row signed and journaled while the previous
/// row's broadcast is in flight: Sigil's own work per row (building, signing, the journal's
/// fsync) overlaps the node's answer instead of adding to it.
///
/// The guarantees are those of `TransactionSender.signJournalAndBroadcast`:
/// - each row is checked against the journal and journaled durably, under the lock, before any
///   byte of it leaves; a crash anywhere leaves at most two pending records, which the next run
///   rebroadcasts in order, byte for byte;
/// - broadcasts go out one at a time in nonce order (row n+1's starts once row n's is answered),
///   and the lock is held from a row's signing through its broadcast: here through a chunk of
///   rows, after which other senders of the account get their turn;
/// - a row journaled while the row before it was being refused by every peer is never sent: its
///   nonce, after the freed one, would leave a gap. It is marked rejected (it never left the
///   machine) and signed again at the freed nonce.
extension PayoutEngine {
    /// Rows per journal lock.
    static let rowsPerLock = 32

    /// The request for a row and the peers' pending nonce it was read with.
    typealias RowRequest = (PayoutRow) throws -> (request: TransactionRequest, pendingNonce: UInt64)

    /// Pays `rows` (indices into the plan's steps) and tells `emit` each outcome, in row order.
    func paySends(_ rows: [(index: Int, row: PayoutRow)], in prepared: PreparedBatch, key: PrivateKey,
                  request: RowRequest, emit: (Int, RowOutcome) -> Void) {
        let journal = sender.journal(chainId: prepared.chainId, address: key.address)
        let worker = BroadcastWorker()   // one thread for the batch, not one per row
        defer { worker.stop() }
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + Self.rowsPerLock, rows.count)]
            var emitted = Set<Int>()
            do {
                try journal.withLock(timeout: 120) { session in
                    try payChunk(chunk, in: prepared, key: key, request: request, worker: worker, session: &session) { index, outcome in
                        emitted.insert(index)
                        emit(index, outcome)
                    }
                }
            } catch {
                // The journal itself failed (its lock, a write): the rows not yet done fail with it.
                for (index, row) in chunk where !emitted.contains(index) {
                    emit(index, .failed(.send(row), error))
                }
            }
            start += chunk.count
        }
    }

    private func payChunk(_ chunk: ArraySlice<(index: Int, row: PayoutRow)>, in prepared: PreparedBatch, key: PrivateKey,
                          request: RowRequest, worker: BroadcastWorker, session: inout JournalSession,
                          emit: (Int, RowOutcome) -> Void) throws {
        var inFlight: (index: Int, row: PayoutRow, signed: SignedTransaction, broadcast: PendingBroadcast)? = nil
        // Waits for the broadcast in flight, records and reports it; its journal status.
        func settle() throws -> JournalStatus? {
            guard let flight = inFlight else { return nil }
            inFlight = nil
            let report = flight.broadcast.wait()
            let status = try TransactionSender.recordOutcome(report, of: flight.signed, first: true, in: &session)
            let met = report.meets(quorum: quorum)
            emit(flight.index, RowOutcome(step: .send(flight.row), result: met ? .sent : .failed, hash: flight.signed.hash.hexString,
                                          reason: met ? nil : shortfall(report)))
            return status
        }
        var position = chunk.startIndex
        while position < chunk.endIndex {
            let (index, row) = chunk[position]
            let signed: SignedTransaction
            do {
                guard case .send = try PayoutPlan.step(for: row, in: prepared.batch, session: session) else {
                    _ = try settle()
                    emit(index, RowOutcome(step: .send(row), result: .skipped, hash: nil, reason: nil))   // another run journaled it meanwhile
                    position += 1
                    continue
                }
                let (built, pendingNonce) = try request(row)
                signed = try sender.signAndJournal(built, key: key, pendingNonce: pendingNonce, batchKey: prepared.batch.batchKey(row),
                                                   note: nil, in: &session)
            } catch let error as JournalError {
                throw error
            } catch {
                _ = try settle()
                emit(index, .failed(.send(row), error))
                position += 1
                continue
            }
            if try settle() == .rejected {
                try session.updateStatus(hash: signed.hash, status: .rejected,
                                         note: "not sent: the transaction before it was refused; signed again at the freed nonce")
                continue   // the same row, at the freed nonce
            }
            let sender = self.sender
            inFlight = (index, row, signed, worker.start { sender.deliver(signed, networkForm: nil) })
            position += 1
        }
        _ = try settle()
    }
}

/// The thread a batch's broadcasts run on, one at a time, started once: a thread per row
/// (creation, its stack, its exit) was a visible part of a row's cost. Falls back to running a
/// job on the caller's thread when no thread can be created.
final class BroadcastWorker: @unchecked Sendable {
    private let condition = MonotonicCondition()
    private var jobs: [PendingBroadcast] = []
    private var running = false
    private var stopped = false

    /// Starts `body` on the worker (after any job already queued) and returns its handle.
    func start(_ body: @escaping @Sendable () -> BroadcastReport) -> PendingBroadcast {
        let job = PendingBroadcast(body)
        let spawn = condition.withLock { () -> Bool in
            jobs.append(job)
            condition.signal()
            guard !running else { return false }
            running = true
            return true
        }
        if spawn, !ThreadFanOut.detach({ self.loop() }) {
            condition.withLock { running = false; jobs.removeAll { $0 === job } }
            job.run()
        }
        return job
    }

    /// Ends the thread once its queue is empty.
    func stop() {
        condition.withLock {
            stopped = true
            condition.signal()
        }
    }

    private func loop() {
        while true {
            let next = condition.withLock { () -> PendingBroadcast? in
                while jobs.isEmpty && !stopped { _ = condition.wait(until: MonotonicClock.now() + 3600) }
                if jobs.isEmpty { running = false; return nil }
                return jobs.removeFirst()
            }
            guard let next else { return }
            next.run()
        }
    }
}

/// One broadcast handed to a `BroadcastWorker`.
final class PendingBroadcast: @unchecked Sendable {
    private let condition = MonotonicCondition()
    private let body: @Sendable () -> BroadcastReport
    private var report: BroadcastReport?

    init(_ body: @escaping @Sendable () -> BroadcastReport) {
        self.body = body
    }

    func run() {
        let value = body()
        condition.withLock {
            report = value
            condition.signal()
        }
    }

    /// Waits for the broadcast's report (every broadcast ends: each is bounded by its timeout).
    func wait() -> BroadcastReport {
        condition.withLock {
            while report == nil { _ = condition.wait(until: MonotonicClock.now() + 3600) }
            return report!
        }
    }
}
