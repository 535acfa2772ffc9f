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
    /// What earlier races of the same command learnt about the peers (nil: nothing is shared).
    public let standing: PeerStanding?

    public init(urls: [String], hardDeadline: Double, standing: PeerStanding? = nil) {
        self.urls = urls
        self.hardDeadline = hardDeadline
        self.standing = standing
    }

    /// When the others' grace ends, for a race whose deciding answers came `at` seconds after
    /// the start: as long again, and at least 0.25 s (a chain check begun beside a read counts
    /// from its own start, so the read's time comes off it: see `PendingChainCheck`). A peer
    /// `standing` marks as lagging gets no grace.
    public static func graceEnd(after at: Double) -> Double { at + max(0.25, at) }

    /// What `enough` decides after an answer: stop now, or wait (at most until `recheckAfter`
    /// seconds from the start, when it is asked again even without a new answer).
    public enum Decision: Sendable, Equatable {
        case stop
        case wait(recheckAfter: Double?)
    }

    public func run<T: Sendable>(_ job: @escaping @Sendable (Int, String) -> T,
                                 enough: ([T?], Double) -> Decision) -> [T?] {
        start(job).finish(enough: enough)
    }

    /// Starts every peer's job and returns at once; `finish` collects the answers. Work done
    /// between the two overlaps the peers' answers (with one peer the job runs here, inline).
    public func start<T: Sendable>(_ job: @escaping @Sendable (Int, String) -> T) -> Running<T> {
        let running = Running<T>(urls: urls, hardDeadline: hardDeadline, standing: standing)
        let board = running.board
        let urls = self.urls
        if urls.count == 1 {
            // One peer: no thread, but still bounded by the caller's per-request timeout.
            board.deliver(0, job(0, urls[0]))
            return running
        }
        for index in urls.indices {
            let url = urls[index]
            if !ThreadFanOut.detach({ board.deliver(index, job(index, url)) }) {
                board.deliver(index, job(index, url))
            }
        }
        return running
    }

    /// A started race.
    public final class Running<T: Sendable>: Sendable {
        let board: Board<T>
        let urls: [String]
        let hardDeadline: Double
        let standing: PeerStanding?
        /// `MonotonicClock` seconds when the jobs started.
        public let started: Double

        init(urls: [String], hardDeadline: Double, standing: PeerStanding?) {
            self.board = Board(count: urls.count)
            self.urls = urls
            self.hardDeadline = CommandDeadline.cap(hardDeadline)
            self.standing = standing
            self.started = MonotonicClock.now()
        }

        /// Waits until `enough` stops the race (see `PeerRace`), every peer has answered, or the
        /// hard deadline; peers still running are nil. A grace (`.wait(recheckAfter:)` with a
        /// time) is not waited for when every peer still running is lagging in `standing`, and a
        /// race that ends with some peers answered and others silent marks the silent ones.
        public func finish(enough: ([T?], Double) -> Decision) -> [T?] {
            guard !urls.isEmpty else { return [] }
            var recheck: Double? = nil
            var seen = 0
            while true {
                let limit = min(hardDeadline, recheck ?? hardDeadline)
                let (answers, complete) = board.waitForChange(since: &seen, until: started + limit)
                let elapsed = MonotonicClock.now() - started
                if complete || elapsed >= hardDeadline { return close(silentFellBehind: true) }
                switch enough(answers, elapsed) {
                case .stop: return close(silentFellBehind: false)
                case .wait(let after):
                    if let after, after <= elapsed { return close(silentFellBehind: true) }   // its grace is over
                    if after != nil, let standing, standing.allLagging(silent(answers)) { return close(silentFellBehind: true) }
                    recheck = after
                }
            }
        }

        private func silent(_ answers: [T?]) -> [String] { urls.indices.filter { answers[$0] == nil }.map { urls[$0] } }

        /// Collects the answers; the peers that answered are cleared in `standing`, and the silent
        /// ones are marked when they had their chance (a grace or the hard deadline ran out while
        /// another peer had answered), not when `enough` stopped the race before any grace.
        private func close(silentFellBehind: Bool) -> [T?] {
            let answers = board.close()
            if let standing {
                let silent = silent(answers)
                for url in urls where !silent.contains(url) { standing.answered(url) }
                if silentFellBehind && silent.count < urls.count { standing.markLagging(silent) }
            }
            return answers
        }
    }

    /// The answers; the waiter sleeps on a monotonic-clock condition until one more arrives.
    final class Board<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private var version = 0
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

        /// Waits until an answer arrives that the caller has not seen (`seen`, updated), or
        /// `deadline` passes.
        func waitForChange(since seen: inout Int, until deadline: Double) -> (answers: [T?], complete: Bool) {
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
