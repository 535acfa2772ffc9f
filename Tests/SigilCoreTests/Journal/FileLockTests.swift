import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite struct FileLockTests {
    @Test func secondLockInSameProcessWaitsAndTimesOut() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.path + "/locks/a.lock"
        let first = try FileLock(path: path)
        #expect(FileIO.permissions(path) == 0o600)
        #expect(FileIO.permissions(dir.url.path + "/locks") == 0o700)
        let start = Date()
        #expect(throws: JournalError.lockTimeout(path: path, seconds: 0.2)) { try FileLock(path: path, timeout: 0.2) }
        #expect(Date().timeIntervalSince(start) >= 0.19)
        first.unlock()
        #expect(!first.isHeld)
        let second = try FileLock(path: path, timeout: 0)
        #expect(second.isHeld)
    }

    @Test func releasedOnDeinit() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.path + "/b.lock"
        do { _ = try FileLock(path: path) }
        _ = try FileLock(path: path, timeout: 0)
    }

    /// flock(1) from util-linux holds the lock in another process.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")))
    func contendsWithAnotherProcess() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.path + "/c.lock"
        let marker = dir.url.path + "/held"
        _ = try FileLock(path: path) // create the file and directory as Sigil would
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        // -o: the lock stays with flock itself, so killing flock must release it.
        holder.arguments = ["-o", path, "/bin/sh", "-c", "echo $$ > '\(marker)'; exec sleep 20"]
        try holder.run()
        defer { if holder.isRunning { kill(holder.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline { usleep(10_000) }
        #expect(throws: JournalError.lockTimeout(path: path, seconds: 0.3)) { try FileLock(path: path, timeout: 0.3) }
        // A holder killed without warning leaves no stale lock.
        kill(holder.processIdentifier, SIGKILL)
        let killedAt = Date()
        let lock = try FileLock(path: path, timeout: 5)
        #expect(lock.isHeld)
        #expect(Date().timeIntervalSince(killedAt) < 5)
        if let text = try? String(contentsOfFile: marker, encoding: .utf8), let child = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(child, SIGKILL) // the orphaned sleep, which never held the lock (-o)
        }
        // And the other way round: while we hold it, flock(1) cannot get it.
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        probe.arguments = ["-n", path, "/bin/true"] // -w relies on SIGALRM, which the test runner may block
        try probe.run()
        probe.waitUntilExit()
        #expect(probe.terminationStatus != 0)
        lock.unlock()
        let again = Process()
        again.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        again.arguments = ["-n", path, "/bin/true"]
        try again.run()
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
    }
}
