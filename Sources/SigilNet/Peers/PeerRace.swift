/// Asks every peer at once and returns as soon as the answers collected so far are enough,
/// instead of waiting for the slowest: a hung peer costs nothing once the others have answered.
///
/// Each peer's job runs on its own detached thread (see `ThreadFanOut`); `enough` is consulted
/// after every answer with the answers so far (nil = not yet answered) and the seconds since
/// the start, and again when its own `recheckAfter` passes. The race ends when `enough` says so,
/// when every peer has answered, or at `hardDeadline` seconds; peers still running are nil.
public struct PeerRace: Sendable {
    public let urls: [String]
    public let hardDeadline: Double

    public init(urls: [String], hardDeadline: Double) {
        self.urls = urls
        self.hardDeadline = hardDeadline
    }

    /// When the others' grace ends, for a race whose deciding answers came `at` seconds after
    /// the start: as long again, and at least 0.25 s (one rule for every raced question).
    public static func graceEnd(after at: Double) -> Double { at + max(0.25, at) }

    /// What `enough` decides after an answer: stop now, or wait (at most until `recheckAfter`
    /// seconds from the start, when it is asked again even without a new answer).
    public enum Decision: Sendable, Equatable {
        case stop
        case wait(recheckAfter: Double?)
    }

    public func run<T: Sendable>(_ job: @escaping @Sendable (Int, String) -> T,
                                 enough: ([T?], Double) -> Decision) -> [T?] {
        guard !urls.isEmpty else { return [] }
        let start = MonotonicClock.now()
        let board = Board<T>(count: urls.count)
        let urls = self.urls
        if urls.count == 1 {
            // One peer: no thread, but still bounded by the caller's per-request timeout.
            board.deliver(0, job(0, urls[0]))
            return board.snapshot()
        }
        for index in urls.indices {
            let url = urls[index]
            if !ThreadFanOut.detach({ board.deliver(index, job(index, url)) }) {
                board.deliver(index, job(index, url))
            }
        }
        var recheck: Double? = nil
        while true {
            let limit = min(hardDeadline, recheck ?? hardDeadline)
            let (answers, complete) = board.waitForChange(until: start + limit)
            let elapsed = MonotonicClock.now() - start
            if complete || elapsed >= hardDeadline { return board.close() }
            switch enough(answers, elapsed) {
            case .stop: return board.close()
            case .wait(let after):
                if let after, after <= elapsed { return board.close() }   // its grace is over
                recheck = after
            }
        }
    }

    /// The answers; the waiter sleeps on a monotonic-clock condition until one more arrives.
    private final class Board<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private var version = 0
        private var seen = 0
        private var closed = false
        private let condition = MonotonicCondition()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
        }

        func deliver(_ index: Int, _ value: T) {
            condition.withLock {
                guard !closed else { return }
                slots[index] = value
                version += 1
                condition.signal()
            }
        }

        func snapshot() -> [T?] { condition.withLock { slots } }

        /// Waits until an answer arrives that the caller has not seen, or `deadline` passes.
        func waitForChange(until deadline: Double) -> (answers: [T?], complete: Bool) {
            let answers = condition.withLock { () -> [T?] in
                while version == seen {
                    if !condition.wait(until: deadline) { break }
                }
                seen = version
                return slots
            }
            return (answers, answers.allSatisfy { $0 != nil })
        }

        /// Stops taking answers (late threads finish in the background) and returns the slots.
        func close() -> [T?] {
            condition.withLock {
                closed = true
                return slots
            }
        }
    }
}
