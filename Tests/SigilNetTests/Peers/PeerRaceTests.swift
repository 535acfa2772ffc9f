import Foundation
import Glibc
import SigilNet
import Testing

/// `PeerRace` with plain closures (no network): when it stops, what it returns for peers still
/// running, `recheckAfter`, and the single peer that runs on the caller's thread.
@Suite struct PeerRaceTests {
    /// Jobs that block until `open()`; opened at the end of each test so no thread is left waiting.
    final class Gate: @unchecked Sendable {
        private let condition = NSCondition()
        private var isOpen = false
        func wait() { condition.lock(); while !isOpen { condition.wait() }; condition.unlock() }
        func open() { condition.lock(); isOpen = true; condition.broadcast(); condition.unlock() }
    }

    /// What `enough` was shown, call by call.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [[Int?]] = []
        func record(_ answers: [Int?]) { lock.withLock { seen.append(answers) } }
        var all: [[Int?]] { lock.withLock { seen } }
    }

    let urls = ["a", "b", "c"]

    @Test("stops as soon as enough says so; peers still running are nil")
    func stopsWhenEnough() {
        let gate = Gate()
        defer { gate.open() }
        let calls = Calls()
        let answers = PeerRace(urls: urls, hardDeadline: 60).run({ index, url -> Int in
            if url != "b" { gate.wait() }
            return index * 10
        }, enough: { answers, _ in
            calls.record(answers)
            return answers.contains { $0 != nil } ? .stop : .wait(recheckAfter: nil)
        })
        #expect(answers == [nil, 10, nil])
        #expect(calls.all == [[nil, 10, nil]])
    }

    @Test("waits for more answers while enough says wait, and ends when every peer answered")
    func waitsUntilComplete() {
        let calls = Calls()
        let answers = PeerRace(urls: urls, hardDeadline: 60).run({ index, _ -> Int in
            usleep(useconds_t(20_000 * index))
            return index + 1
        }, enough: { answers, _ in
            calls.record(answers)
            return .wait(recheckAfter: nil)
        })
        #expect(answers == [1, 2, 3])
        // Consulted only on incomplete boards; the complete one ends the race without asking.
        #expect(calls.all.allSatisfy { $0.contains(nil) } && calls.all.count <= 2)
    }

    @Test("recheckAfter: enough is asked again without a new answer, and a grace that is over ends the race")
    func honoursRecheckAfter() {
        let gate = Gate()
        defer { gate.open() }
        let calls = Calls()
        let answers = PeerRace(urls: urls, hardDeadline: 60).run({ index, url -> Int in
            if url == "c" { gate.wait() }
            return index
        }, enough: { answers, _ in
            calls.record(answers)
            // Wait for "c" until 0.2 s after the start, no longer.
            return answers[0] != nil && answers[1] != nil ? .wait(recheckAfter: 0.2) : .wait(recheckAfter: nil)
        })
        #expect(answers == [0, 1, nil])
        // The last call saw no new answer: it was the recheck, which found the grace over.
        let seen = calls.all
        #expect(seen.count >= 2 && seen.last == [0, 1, nil] && seen[seen.count - 2] == [0, 1, nil])
    }

    @Test("the hard deadline ends a race that enough never stops")
    func hardDeadline() {
        let gate = Gate()
        defer { gate.open() }
        let answers = PeerRace(urls: urls, hardDeadline: 0.3).run({ index, url -> Int in
            if url != "a" { gate.wait() }
            return index + 7
        }, enough: { _, _ in .wait(recheckAfter: nil) })
        #expect(answers == [7, nil, nil])
    }

    @Test("one peer runs on the caller's thread and enough is not consulted; several run on other threads")
    func onePeerInline() {
        let caller = pthread_self()
        let calls = Calls()
        let one = PeerRace(urls: ["only"], hardDeadline: 60).run({ _, _ -> Int in
            pthread_equal(pthread_self(), caller) != 0 ? 1 : 0
        }, enough: { answers, _ in calls.record(answers); return .stop })
        #expect(one == [1] && calls.all.isEmpty)

        let many = PeerRace(urls: urls, hardDeadline: 60).run({ _, _ -> Int in
            pthread_equal(pthread_self(), caller) != 0 ? 1 : 0
        }, enough: { _, _ in .wait(recheckAfter: nil) })
        #expect(many == [0, 0, 0])
        #expect(PeerRace(urls: [], hardDeadline: 1).run({ _, _ in 1 }, enough: { _, _ in .stop }).isEmpty)
    }

    @Test("a peer still silent when a grace ends is marked lagging; a later race sharing the standing gives it no grace, and an answer clears it")
    func standingSkipsTheGraceOfALaggingPeer() {
        let gate = Gate()
        defer { gate.open() }
        let standing = PeerStanding()
        let grace: ([Int?], Double) -> PeerRace.Decision = { answers, _ in
            answers.contains { $0 != nil } ? .wait(recheckAfter: 5) : .wait(recheckAfter: nil)
        }
        // First race: "c" hangs; the grace (0.2 s after the start) ends the race and marks it.
        let first = PeerRace(urls: urls, hardDeadline: 60, standing: standing).run({ index, url -> Int in
            if url == "c" { gate.wait() }
            return index
        }, enough: { answers, elapsed in answers[0] != nil && answers[1] != nil ? .wait(recheckAfter: 0.2) : .wait(recheckAfter: nil) })
        #expect(first == [0, 1, nil])
        #expect(standing.isLagging("c") && !standing.isLagging("a") && !standing.isLagging("b"))

        // Second race: a 5 s grace, but the only silent peer is lagging, so the race ends at once.
        let start = Date()
        let second = PeerRace(urls: urls, hardDeadline: 60, standing: standing).run({ index, url -> Int in
            if url == "c" { gate.wait() }
            return index
        }, enough: grace)
        #expect(second == [0, 1, nil])
        #expect(Date().timeIntervalSince(start) < 4, "waited the grace for a lagging peer")

        // A race where "c" answers clears it; one where nobody answers marks nobody.
        _ = PeerRace(urls: ["c"], hardDeadline: 60, standing: standing).run({ index, _ in index }, enough: grace)
        #expect(!standing.isLagging("c"))
        _ = PeerRace(urls: ["x", "y"], hardDeadline: 0.2, standing: standing).run({ index, _ -> Int in
            gate.wait()
            return index
        }, enough: grace)
        #expect(!standing.isLagging("x") && !standing.isLagging("y"))
    }
}
