/// The chunks between the fetching thread and the caller: at most `capacity` waiting.
final class LogChunkPipe: @unchecked Sendable {
    enum Item {
        case logs([EventLog], end: UInt64, chunkSize: UInt64)
        case failed(RPCError)
        case finished(requests: Int, refusals: Int, chunkSize: UInt64)
    }

    private let condition = MonotonicCondition()
    private var items: [Item] = []
    private var capacity: Int
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    func unbounded() { condition.withLock { capacity = .max } }

    /// Waits for room; false (and the item dropped) once the caller has stopped taking.
    @discardableResult
    func put(_ item: Item) -> Bool {
        condition.withLock {
            while items.count >= capacity && !cancelled { _ = condition.wait(until: MonotonicClock.now() + 60) }
            guard !cancelled else { return false }
            items.append(item)
            condition.signal()
            return true
        }
    }

    /// Waits for the next item.
    func take() -> Item {
        condition.withLock {
            while items.isEmpty { _ = condition.wait(until: MonotonicClock.now() + 60) }
            condition.signal()
            return items.removeFirst()
        }
    }

    /// The caller stopped: the fetching thread ends at its next step.
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.signal()
        }
    }
}
