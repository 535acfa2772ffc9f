import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite struct TransactionJournalTests {
    typealias Support = JournalTestSupport

    @Test func layoutAndPermissions() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        #expect(journal.path == dir.url.path + "/journal/1/0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed.jsonl")
        #expect(journal.lockPath == journal.path + ".lock")
        try journal.withLock { try $0.append(Support.record(nonce: 0)) }
        #expect(FileIO.permissions(journal.path) == 0o600)
        #expect(FileIO.permissions(journal.lockPath) == 0o600)
        #expect(FileIO.permissions(dir.url.path + "/journal/1") == 0o700)
    }

    @Test func roundTripWithStatusUpdates() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        var first = Support.record(nonce: 7, batchKey: "pay#1")
        first.note = "line\nbreak \"quoted\""
        var legacy = Support.record(nonce: 8, maxFee: U256.max, priority: nil)
        legacy.to = nil
        legacy.type = "0x0"
        legacy.value = U256.max
        legacy.peers = []
        try journal.withLock { session in
            try session.append(first)
            try session.append(legacy)
            try session.updateStatus(hash: first.hash, status: .accepted)
            try session.updateStatus(hash: first.hash, status: .mined, note: "block 12")
        }
        let loaded = try journal.withLock { $0.records() }
        var expectedFirst = first
        expectedFirst.status = .mined
        expectedFirst.note = "block 12"
        #expect(loaded == [expectedFirst, legacy])
        #expect(loaded[1].gasPrice == U256.max)
        // One line per write: two records and two updates.
        let text = try String(contentsOfFile: journal.path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 4)
    }

    @Test func lookups() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        try journal.withLock { session in
            let original = Support.record(nonce: 3, batchKey: "b#x")
            try session.append(original)
            try session.append(Support.record(nonce: 4))
            let bump = Support.record(nonce: 3, salt: "bump", batchKey: "b#x")
            try session.append(bump)
            try session.updateStatus(hash: original.hash, status: .replaced)
            #expect(session.records(nonce: 3).map(\.hash) == [original.hash, bump.hash])
            #expect(session.latest(nonce: 3)?.hash == bump.hash)
            #expect(session.latest(nonce: 9) == nil)
            #expect(session.record(forBatchKey: "b#x")?.hash == bump.hash)
            #expect(session.record(forBatchKey: "b#y") == nil)
            #expect(session.record(hash: original.hash)?.status == .replaced)
            try session.updateStatus(hash: bump.hash, status: .dropped)
            // With every record of the row giving up its nonce, the newest one stands for it.
            try session.updateStatus(hash: original.hash, status: .rejected)
            #expect(session.record(forBatchKey: "b#x")?.hash == bump.hash)
        }
    }

    @Test func appendAndUpdateErrors() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        let record = Support.record(nonce: 1)
        try journal.withLock { session in
            try session.append(record)
            #expect(throws: JournalError.duplicateHash(record.hashHex)) { try session.append(record) }
            let unknown = [UInt8](repeating: 0xAB, count: 32)
            #expect(throws: JournalError.unknownHash(Hex.encode(unknown))) {
                try session.updateStatus(hash: unknown, status: .mined)
            }
            var short = Support.record(nonce: 2)
            short.hash = [1, 2, 3]
            #expect(throws: JournalError.self) { try session.append(short) }
        }
        var escaped: JournalSession?
        try journal.withLock { escaped = $0 }
        #expect(throws: JournalError.sessionClosed) { try escaped!.append(Support.record(nonce: 5)) }
    }

    @Test func tornLastLineIsIgnoredAndRepaired() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        let a = Support.record(nonce: 0), b = Support.record(nonce: 1)
        try journal.withLock { try $0.append(a); try $0.append(b) }
        let intact = try Data(contentsOf: URL(fileURLWithPath: journal.path))
        // Simulate a crash in the middle of writing a third line: every proper prefix of it.
        let third = Support.record(nonce: 2)
        var probe = journal
        probe = TransactionJournal(directory: dir.url.path + "/probe", chainId: 1, address: Support.account)
        try probe.withLock { try $0.append(third) }
        let thirdLine = try Data(contentsOf: URL(fileURLWithPath: probe.path))
        for cut in [1, 10, thirdLine.count / 2, thirdLine.count - 1] {
            try (intact + thirdLine.prefix(cut)).write(to: URL(fileURLWithPath: journal.path))
            #expect(try journal.withLock { $0.records() } == [a, b], "cut at \(cut)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: journal.path)) == intact, "torn tail removed")
        }
        // Appending after a torn tail yields a clean journal.
        try (intact + thirdLine.prefix(5)).write(to: URL(fileURLWithPath: journal.path))
        try journal.withLock { try $0.append(third) }
        #expect(try journal.withLock { $0.records() } == [a, b, third])
    }

    @Test func corruptCompleteLineIsReportedWithItsNumber() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        try journal.withLock { try $0.append(Support.record(nonce: 0)); try $0.append(Support.record(nonce: 1)) }
        var lines = try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = lines[1].replacingOccurrences(of: "\"status\":\"pending\"", with: "\"status\":\"lost\"")
        try (lines.joined(separator: "\n") + "\n").write(toFile: journal.path, atomically: false, encoding: .utf8)
        #expect(throws: JournalError.corrupt(path: journal.path, line: 2, reason: "unknown status 'lost'")) {
            try journal.withLock { _ in }
        }
    }

    @Test func nextNonceRules() throws {
        let dir = try TemporaryDirectory()
        let journal = Support.journal(in: dir.url)
        try journal.withLock { session in
            #expect(session.nextNonce(pendingFromPeers: 0) == 0)
            #expect(session.nextNonce(pendingFromPeers: 12) == 12)
            try session.append(Support.record(nonce: 0, status: .mined))
            try session.append(Support.record(nonce: 1, status: .pending))
            #expect(session.nextNonce(pendingFromPeers: 0) == 2, "journal ahead of the peers")
            #expect(session.nextNonce(pendingFromPeers: 1) == 2)
            #expect(session.nextNonce(pendingFromPeers: 5) == 5, "peers ahead of the journal")
            // A rejected or dropped transaction does not hold its nonce.
            let rejected = Support.record(nonce: 2, status: .rejected)
            try session.append(rejected)
            #expect(session.nextNonce(pendingFromPeers: 1) == 2)
            try session.append(Support.record(nonce: 3, status: .dropped))
            #expect(session.nextNonce(pendingFromPeers: 1) == 2)
            // A replaced record keeps its nonce (its replacement uses it).
            try session.updateStatus(hash: rejected.hash, status: .replaced)
            #expect(session.nextNonce(pendingFromPeers: 1) == 3)
            // A gap left by a dropped transaction below a pending one is filled first.
            try session.append(Support.record(nonce: 4, status: .accepted))
            #expect(session.nextNonce(pendingFromPeers: 1) == 3)
            try session.append(Support.record(nonce: 3, salt: "refill"))
            #expect(session.nextNonce(pendingFromPeers: 1) == 5)
            for status in JournalStatus.allCases {
                #expect(status.reservesNonce == !(status == .rejected || status == .dropped))
            }
        }
        // Persisted statuses give the same answer after reopening.
        #expect(try journal.withLock { $0.nextNonce(pendingFromPeers: 0) } == 5)
    }

    @Test func concurrentWritersGetConsecutiveNonces() async throws {
        let dir = try TemporaryDirectory()
        let base = dir.url
        let workers = 8, perWorker = 6
        // Each task opens its own journal (its own lock file description), so they contend for
        // the flock exactly as separate processes do.
        let nonces = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var mine: [UInt64] = []
                    for i in 0..<perWorker {
                        let journal = Support.journal(in: base)
                        let nonce = try journal.withLock { session in
                            let nonce = session.nextNonce(pendingFromPeers: 0)
                            usleep(200) // widen the window a race would need
                            try session.append(Support.record(nonce: nonce, salt: "w\(worker)-\(i)"))
                            return nonce
                        }
                        mine.append(nonce)
                    }
                    return mine
                }
            }
            var all: [UInt64] = []
            for try await part in group { all += part }
            return all
        }
        #expect(nonces.sorted() == Array(0..<UInt64(workers * perWorker)))
        let records = try Support.journal(in: base).withLock { $0.records() }
        #expect(records.map(\.nonce) == Array(0..<UInt64(workers * perWorker)))
    }
}
