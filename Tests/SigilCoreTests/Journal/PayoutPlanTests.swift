import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite struct PayoutPlanTests {
    typealias Support = JournalTestSupport

    static func batch(rows: Int) throws -> PayoutBatch {
        var text = "id,to,value\n"
        for i in 0..<rows { text += "r\(i),\(Support.recipient.checksummed),\(i + 1)wei\n" }
        return try PayoutBatch.parse(Array(text.utf8), name: "test")
    }

    /// One row, the journal left by a crash at each point of its life.
    @Test func eachCrashPointGivesTheSafeStep() throws {
        let batch = try Self.batch(rows: 1)
        let key = batch.batchKey(rowId: "r0")
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        try journal.withLock { session in
            // Crash before the record was written: nothing left the machine.
            guard case .send = try PayoutPlan.step(for: batch.rows[0], in: batch, session: session) else {
                Issue.record("no record must mean send"); return
            }
            let record = Support.record(nonce: 4, batchKey: key)
            try session.append(record)
            for (status, expected) in [(JournalStatus.pending, "rebroadcast"), (.accepted, "rebroadcast"),
                                       (.dropped, "rebroadcast"), (.rejected, "send"),
                                       (.replaced, "skip"), (.mined, "skip"), (.reverted, "skip")] {
                try session.updateStatus(hash: record.hash, status: status)
                let step = try PayoutPlan.step(for: batch.rows[0], in: batch, session: session)
                switch (step, expected) {
                case (.rebroadcast(_, let r), "rebroadcast"): #expect(r.raw == record.raw, "same bytes, \(status)")
                case (.skip(_, let r), "skip"): #expect(r.hash == record.hash, "\(status)")
                case (.send, "send"): break
                default: Issue.record("status \(status): got \(step), expected \(expected)")
                }
            }
        }
    }

    @Test func bumpsAndForeignWinners() throws {
        let batch = try Self.batch(rows: 1)
        let row = batch.rows[0], key = batch.batchKey(row)
        let dir = try TemporaryDirectory()
        try Support.journal(in: dir.url).withLock { session in
            let original = Support.record(nonce: 4, batchKey: key)
            let bump = Support.record(nonce: 4, salt: "bump", batchKey: key)
            try session.append(original)
            try session.append(bump)
            try session.updateStatus(hash: original.hash, status: .replaced)
            guard case .rebroadcast(_, let r) = try PayoutPlan.step(for: row, in: batch, session: session) else {
                Issue.record("expected rebroadcast of the bump"); return
            }
            #expect(r.hash == bump.hash)
            // A foreign transaction (another send) took nonce 4 and is mined: the row's bytes
            // can never be included, so it is sent again.
            try session.updateStatus(hash: bump.hash, status: .replaced)
            let foreign = Support.record(nonce: 4, salt: "other")
            try session.append(foreign)
            guard case .skip = try PayoutPlan.step(for: row, in: batch, session: session) else {
                Issue.record("winner unknown: must wait"); return
            }
            try session.updateStatus(hash: foreign.hash, status: .mined)
            guard case .send = try PayoutPlan.step(for: row, in: batch, session: session) else {
                Issue.record("nonce spent by another transaction: must send"); return
            }
            // Live transactions at two nonces for one row: refuse.
            try session.append(Support.record(nonce: 9, batchKey: key))
            try session.append(Support.record(nonce: 10, batchKey: key))
            #expect(throws: PayoutPlanError.rowAtSeveralNonces(rowId: "r0", line: 2, nonces: [9, 10])) {
                try PayoutPlan(batch: batch, session: session)
            }
        }
    }

    /// Random runs of a batch against a simulated network, crashing at random points, dropping
    /// and re-injecting transactions at random: no row is ever paid twice, and once the runs
    /// stop crashing every row ends up paid exactly once.
    @Test func randomCrashesNeverPayTwice() throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        for trial in 0..<40 {
            let dir = try TemporaryDirectory()
            var simulation = PayoutSimulation(seed: seed &+ UInt64(trial), journal: Support.journal(in: dir.url),
                                              batch: try Self.batch(rows: 6))
            try simulation.run()
            #expect(simulation.paid.values.allSatisfy { $0 == 1 } && simulation.paid.count == 6,
                    "seed \(seed &+ UInt64(trial)): payments \(simulation.paid.sorted { $0.key < $1.key })")
        }
    }
}

/// A chain with one account: mined nonces, a mempool keyed by nonce, and "ghost" copies of
/// dropped transactions that some node may re-inject later.
private struct PayoutSimulation {
    struct Crash: Error {}

    var rng: UInt64
    let journal: TransactionJournal
    let batch: PayoutBatch
    var chainNonce: UInt64 = 0
    var mempool: [UInt64: [UInt8]] = [:]
    var ghosts: [[UInt8]] = []
    var rowOfRaw: [[UInt8]: String] = [:]
    var mined: Set<[UInt8]> = []
    var paid: [String: Int] = [:]
    var crashBudget = 0

    init(seed: UInt64, journal: TransactionJournal, batch: PayoutBatch) {
        rng = seed
        self.journal = journal
        self.batch = batch
    }

    mutating func random(_ n: UInt64) -> UInt64 {
        rng = rng &* 6364136223846793005 &+ 1442695040888963407
        return (rng >> 33) % n
    }

    mutating func crashPoint() throws {
        if crashBudget > 0 && random(4) == 0 { throw Crash() }
    }

    /// Accepts a transaction if its nonce is free and unspent (no fee replacement).
    mutating func broadcast(_ raw: [UInt8], nonce: UInt64) -> Bool {
        guard nonce >= chainNonce else { return false }
        if let present = mempool[nonce] { return present == raw }
        mempool[nonce] = raw
        return true
    }

    mutating func networkEvents() throws {
        for _ in 0..<Int(random(3)) {
            switch random(3) {
            case 0: // drop one pending transaction; a ghost copy survives somewhere
                if let nonce = mempool.keys.sorted().first(where: { _ in random(2) == 0 }), let raw = mempool.removeValue(forKey: nonce) {
                    ghosts.append(raw)
                    try journal.withLock { s in
                        if let r = s.records().first(where: { $0.raw == raw }) { try s.updateStatus(hash: r.hash, status: .dropped) }
                    }
                }
            case 1: // a ghost comes back
                if !ghosts.isEmpty {
                    let raw = ghosts[Int(random(UInt64(ghosts.count)))]
                    _ = broadcast(raw, nonce: Self.nonce(of: raw))
                }
            default: // mine everything that is contiguous
                while let raw = mempool.removeValue(forKey: chainNonce) {
                    mined.insert(raw)
                    if let row = rowOfRaw[raw] { paid[row, default: 0] += 1 }
                    chainNonce += 1
                }
            }
        }
        // The receipt watcher.
        try journal.withLock { s in
            for r in s.records() where r.nonce < chainNonce && r.status != .mined && r.status != .replaced {
                try s.updateStatus(hash: r.hash, status: mined.contains(r.raw) ? .mined : .replaced)
            }
        }
    }

    static func nonce(of raw: [UInt8]) -> UInt64 {
        raw[1..<9].reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func attempt() throws {
        let plan = try journal.withLock { try PayoutPlan(batch: batch, session: $0) }
        for step in plan.steps {
            try networkEvents()
            switch step {
            case .skip: continue
            case .rebroadcast(_, let record):
                try crashPoint()
                if broadcast(record.raw, nonce: record.nonce) {
                    try crashPoint()
                    try journal.withLock { try $0.updateStatus(hash: record.hash, status: .accepted) }
                } // a refused rebroadcast leaves the status alone
            case .send(let row):
                let pendingFromPeers = chainNonce + UInt64(mempool.keys.filter { $0 >= chainNonce }.count)
                let salt = "s\(random(1 << 30))"
                let record: JournalRecord? = try journal.withLock { s in
                    guard case .send = try PayoutPlan.step(for: row, in: batch, session: s) else { return nil }
                    let record = JournalTestSupport.record(
                        nonce: s.nextNonce(pendingFromPeers: pendingFromPeers), salt: salt, batchKey: batch.batchKey(row))
                    try crashPoint() // signed, not journaled: the bytes die with the process
                    try s.append(record)
                    return record
                }
                guard let record else { continue }
                rowOfRaw[record.raw] = row.id
                try crashPoint()
                let accepted = broadcast(record.raw, nonce: record.nonce)
                try crashPoint()
                try journal.withLock { try $0.updateStatus(hash: record.hash, status: accepted ? .accepted : .rejected) }
            }
        }
    }

    mutating func run() throws {
        for round in 0..<200 {
            crashBudget = round < 30 ? 1 : 0
            do { try attempt() } catch is Crash {}
            for _ in 0..<3 { try networkEvents() }
            if paid.count == batch.rows.count && mempool.isEmpty { break }
            #expect(paid.values.allSatisfy { $0 == 1 }, "a row was paid twice")
        }
        // Settle: mine what is left.
        while let raw = mempool.removeValue(forKey: chainNonce) {
            if let row = rowOfRaw[raw] { paid[row, default: 0] += 1 }
            chainNonce += 1
        }
    }
}
