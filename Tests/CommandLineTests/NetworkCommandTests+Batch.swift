import Foundation
import SigilTestSupport
import Testing

extension NetworkCommandTests {
    /// 200 payouts, killed with SIGKILL at random moments five times, then run to the end:
    /// every row is paid exactly once. Each kill lands while rows remain (after a random number of
    /// journaled rows, plus a random delay within a row), so every run really dies mid-batch.
    /// Rows journaled but not marked mined are settled by their receipts on the re-runs: the
    /// node answers a mined transaction sent again with "nonce too low", as geth does.
    @Test func batchPayoutsSurviveKillsAndPayEachRowOnce() throws {
        let seed = SeededGenerator.seedFromEnvironment("SIGIL_TEST_SEED")
        print("batchPayoutsSurviveKillsAndPayEachRowOnce: SIGIL_TEST_SEED=\(seed)")
        var rng = SeededGenerator(seed: seed)
        let recipients = (0..<200).map { i in String(format: "0x%040x", 0x5161_0000 + i) }
        var csv = "id,to,value\n"
        for (i, to) in recipients.enumerated() { csv += "row\(i),\(to.lowercased()),\(i + 1)gwei\n" }
        let file = try home.file("payouts.csv", contents: csv)
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil").path
        let key = try keyFile(7), from = try address(7)
        let startNonce = Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))!
        let journal = home.url.appendingPathComponent("journal/1337/\(from.lowercased()).jsonl")
        func journaledRows() -> Int {
            guard let data = FileManager.default.contents(atPath: journal.path) else { return 0 }
            return String(decoding: data, as: UTF8.self).components(separatedBy: #""kind":"tx""#).count - 1
        }
        // Five kill points: increasing journaled-row counts well before the end.
        let targets = (0..<5).map { _ in Int.random(in: 1...180, using: &rng) }.sorted()
        for (run, target) in targets.enumerated() {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["send", "--batch", file.path, "--private-key-file", key, "--yes", "--rpc", nodes[0].url]
            process.environment = ["SIGIL_HOME": home.url.path, "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle(forUpdatingAtPath: "/dev/null")!
            process.standardError = FileHandle(forUpdatingAtPath: "/dev/null")!
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && journaledRows() < target && Date() < deadline { usleep(2_000) }
            usleep(UInt32.random(in: 0...30_000, using: &rng))   // somewhere inside a row: signing, journaling, broadcasting
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                    "run \(run + 1) (seed \(seed)) must die by SIGKILL, not finish: \(process.terminationReason) \(process.terminationStatus)")
        }
        usleep(300_000)   // a request the last victim had fully sent is still handled by the node
        let paidBefore = try recipients.filter { try balance($0) > 0 }.count
        #expect(paidBefore > 0 && paidBefore < 200, "the kills left the batch partly paid (seed \(seed)): \(paidBefore)")
        let final = try run(["send", "--batch", file.path, "--private-key-file", key, "--yes", "--json"])
        #expect(final.status == 0, "seed \(seed): \(final.stderrText)")
        // The paid rows are found mined (by receipt) and skipped; every other row is sent now, or
        // its journaled bytes (signed before the kill, never broadcast) are rebroadcast.
        let summary = try jsonOutput(final)
        #expect(summary["failed"] as? Int == 0 && summary["skipped"] as? Int == paidBefore, "seed \(seed): \(summary)")
        #expect((summary["sent"] as? Int ?? 0) + (summary["rebroadcast"] as? Int ?? 0) == 200 - paidBefore, "seed \(seed): \(summary)")
        // The batch signs one row ahead while the row before is broadcast, so the last victim can
        // leave two rows journaled but not yet sent (or sent but not yet handled by the node).
        #expect((summary["rebroadcast"] as? Int ?? 0) <= 2, "only the last victim can leave signed rows unsent: \(summary)")
        for (i, to) in recipients.enumerated() {
            #expect(try balance(to) == Decimal(i + 1) * Decimal(1_000_000_000), "row\(i) paid exactly once (seed \(seed))")
        }
        // One transaction per row, no more: the account's nonce moved by exactly 200.
        #expect(Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))! == startNonce + 200)
        // A second complete run signs and sends nothing: every row's receipt is found (the rows the
        // last run sent were only "accepted" in the journal), so all 200 are skipped.
        let againRun = try run(["send", "--batch", file.path, "--private-key-file", key, "--yes", "--json"])
        #expect(againRun.status == 0, "seed \(seed): \(againRun.stderrText)")
        let again = try jsonOutput(againRun)
        #expect(again["sent"] as? Int == 0 && again["rebroadcast"] as? Int == 0 && again["failed"] as? Int == 0)
        #expect(again["skipped"] as? Int == 200, "\(again)")
        let list = try CLI.run("sigil", ["tx", "list", "--json"], environment: ["SIGIL_HOME": home.url.path])
        let records = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        let batchRows = Set(records.filter { $0["status"] as? String == "mined" }.compactMap { ($0["batchKey"] as? String)?.split(separator: "#").last })
        #expect(batchRows.count == 200, "every row has a mined record in the journal")
        #expect(Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))! == startNonce + 200)
    }
}

extension NetworkCommandTests {
    /// Two `send --batch` runs and eight single `send`s started at once on one account: every
    /// process succeeds, every row and payment is mined exactly once, and the account's nonce
    /// moves by exactly the number of payments (no nonce taken twice, none skipped: the node has
    /// no mempool, so a gap would leave a payment unmined).
    @Test func twoConcurrentBatchesAndEightSendersShareOneAccount() throws {
        let from = try address(6), key = try keyFile(6)
        let start = Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))!
        let rowsPerBatch = 25
        var files: [String] = [], rowRecipients: [[String]] = []
        for batch in 0..<2 {
            let recipients = (0..<rowsPerBatch).map { i in String(format: "0x%040x", 0x7A11_0000 + batch * 0x1000 + i) }
            var csv = "id,to,value\n"
            for (i, to) in recipients.enumerated() { csv += "b\(batch)-\(i),\(to),\(i + 1)gwei\n" }
            files.append(try home.file("batch\(batch).csv", contents: csv).path)
            rowRecipients.append(recipients)
        }
        let single = String(format: "0x%040x", 0x7A11_9999)
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil")
        var jobs: [(name: String, process: Process, errors: URL)] = []
        func job(_ name: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments + ["--private-key-file", key, "--yes", "--rpc", nodes[0].url]
            process.environment = ["SIGIL_HOME": home.url.path, "PATH": "/usr/bin:/bin"]
            let errors = home.url.appendingPathComponent("\(name).err")
            FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardOutput = FileHandle(forUpdatingAtPath: "/dev/null")!
            process.standardError = try FileHandle(forWritingTo: errors)
            jobs.append((name, process, errors))
        }
        for (batch, file) in files.enumerated() { try job("batch\(batch)", ["send", "--batch", file]) }
        for i in 0..<8 { try job("send\(i)", ["send", "--to", single, "--value", "\(i + 1)wei"]) }
        for job in jobs { try job.process.run() }   // all ten started before any is waited for
        for job in jobs {
            job.process.waitUntilExit()
            let stderr = (try? String(contentsOf: job.errors, encoding: .utf8)) ?? ""
            #expect(job.process.terminationReason == .exit && job.process.terminationStatus == 0, "\(job.name): \(stderr)")
        }
        for recipients in rowRecipients {
            for (i, to) in recipients.enumerated() {
                #expect(try balance(to) == Decimal(i + 1) * Decimal(1_000_000_000), "\(to) paid exactly once")
            }
        }
        #expect(try balance(single) == 36, "1 + 2 + … + 8 wei, each mined once")
        let payments = 2 * rowsPerBatch + 8
        #expect(Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))! == start + payments)
    }
}

extension NetworkCommandTests {
    /// A row every peer refuses in the middle of a batch. The batch had already signed and
    /// journaled the row after it (it signs one row ahead while a broadcast is in flight), at the
    /// nonce after the refused one: that record is marked rejected, never sent, and the row is
    /// signed again at the freed nonce. Every other row is mined and the nonces have no gap.
    @Test func aRefusedRowLeavesNoNonceGap() throws {
        let from = try address(9), key = try keyFile(9)
        let start = Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))!
        let recipients = (0..<4).map { String(format: "0x%040x", 0x7B22_0000 + $0) }
        // r1 asks for more ether than the account holds (1,000,000): the node refuses it.
        let values = ["1gwei", "10000000ether", "3gwei", "4gwei"]
        var csv = "id,to,value\n"
        for (i, to) in recipients.enumerated() { csv += "r\(i),\(to),\(values[i])\n" }
        let file = try home.file("refused-middle.csv", contents: csv)
        let r = try run(["send", "--batch", file.path, "--private-key-file", key, "--yes", "--json"])
        #expect(r.status == 6, "a failed row fails the run: \(r.stderrText)")
        let summary = try jsonOutput(r)
        #expect(summary["sent"] as? Int == 3 && summary["failed"] as? Int == 1, "\(summary)")
        #expect(r.stderrText.contains("row r1 (line 3) failed") && r.stderrText.contains("insufficient funds"), "\(r.stderrText)")
        for (i, gwei) in [(0, 1), (2, 3), (3, 4)] {
            #expect(try balance(recipients[i]) == Decimal(gwei) * Decimal(1_000_000_000), "r\(i) paid once")
        }
        #expect(try balance(recipients[1]) == 0)
        // Three transactions, consecutive nonces: had r2 gone out at the nonce after r1's, the node
        // (no mempool) would have refused it or left it stuck behind the gap.
        #expect(Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))! == start + 3)
        let list = try CLI.run("sigil", ["tx", "list", "--json"], environment: ["SIGIL_HOME": home.url.path])
        let records = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        let withdrawn = records.filter { ($0["note"] as? String)?.contains("not sent: the transaction before it was refused") == true }
        #expect(withdrawn.count == 1 && withdrawn.first?["status"] as? String == "rejected", "\(records)")
    }
}
