import Foundation
@testable import SigilNet
import SigilTestSupport
import Testing

/// `PeerStanding` with a `PeerStandingFile`: marks outlive the command that made them, for
/// `PeerStandingFile.memory` seconds, without the peers' URLs written out.
@Suite struct PeerStandingFileTests {
    let secretURL = "https://node.example/v3/0123456789abcdef-api-key"

    @Test("a peer marked by one command is lagging for the next; an answer clears it for the one after")
    func marksOutliveTheCommand() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("peers/standing").path   // the folder does not exist yet
        let first = PeerStanding(file: PeerStandingFile(path: path))
        #expect(!first.isLagging(secretURL))
        first.markLagging([secretURL])

        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("node.example") && !text.contains("api-key"), "the URL is written out: \(text)")
        #expect(text.split(separator: "\n").count == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = PeerStanding(file: PeerStandingFile(path: path))
        #expect(first.isLagging(secretURL) && !first.fellBehindInAnEarlierCommand(secretURL), "marked by this command, not an earlier one")
        #expect(second.isLagging(secretURL) && second.fellBehindInAnEarlierCommand(secretURL) && !second.isLagging("http://127.0.0.1:1"))
        second.answered(secretURL)
        #expect(!second.isLagging(secretURL))
        #expect(!PeerStanding(file: PeerStandingFile(path: path)).isLagging(secretURL), "the answer was not saved")
    }

    @Test("marks older than the memory, from the future, or garbled are not taken; other commands' marks are kept")
    func expiryAndDamage() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("standing").path
        let file = PeerStandingFile(path: path)
        let now: Int64 = 1_800_000_000
        let key = PeerStandingFile.key(secretURL)
        let other = PeerStandingFile.key("http://other")
        let lines = [
            "\(key) \(now - PeerStandingFile.memory - 1)",                // expired
            "\(PeerStandingFile.key("http://future")) \(now + 3600)",      // a clock set back
            "\(other) \(now - 10)",                                        // still remembered
            "zz\(key.dropFirst(2)) \(now)", "\(key) soon", "\u{1B}[2J", "",  // garbled
        ]
        _ = try directory.file("standing", contents: lines.joined(separator: "\n"))
        #expect(file.load(now: now) == [other: now - 10])

        file.update(marked: [key], cleared: [], now: now)
        #expect(file.load(now: now) == [other: now - 10, key: now])
        file.update(marked: [], cleared: [other], now: now + 1)
        #expect(file.load(now: now + 1) == [key: now])
        #expect(file.load(now: now + PeerStandingFile.memory).isEmpty, "a mark is forgotten after the memory")
    }

    @Test("a missing or unreadable file means no marks, and a failed save is not an error")
    func missingFile() throws {
        let file = PeerStandingFile(path: "/proc/nonexistent/standing")
        #expect(file.load().isEmpty)
        let standing = PeerStanding(file: file)
        standing.markLagging(["http://a"])   // cannot be saved; still marked for this command
        #expect(standing.isLagging("http://a"))
    }

    @Test("a race that stops before any grace marks nobody; one whose grace ran out marks the silent peer in the file")
    func onlyAGraceMarks() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("standing").path
        let standing = PeerStanding(file: PeerStandingFile(path: path))
        let gate = PeerRaceTests.Gate()
        defer { gate.open() }
        let job: @Sendable (Int, String) -> Int = { index, url in
            if url == "slow" { gate.wait() }
            return index
        }
        _ = PeerRace(urls: ["fast", "slow"], hardDeadline: 5, standing: standing).run(job, enough: { answers, _ in
            answers[0] != nil ? .stop : .wait(recheckAfter: nil)
        })
        #expect(!standing.isLagging("slow") && !FileManager.default.fileExists(atPath: path))
        _ = PeerRace(urls: ["fast", "slow"], hardDeadline: 5, standing: standing).run(job, enough: { answers, _ in
            answers[0] != nil ? .wait(recheckAfter: 0.05) : .wait(recheckAfter: nil)
        })
        #expect(standing.isLagging("slow") && PeerStanding(file: PeerStandingFile(path: path)).isLagging("slow"))
    }
}
