#if canImport(Glibc)
import Glibc
#endif

/// Runs one job per index, each on its own detached pthread, and collects the results in
/// index order, waiting at most until a hard deadline: a job still running then is reported
/// by `missing` (its thread finishes in the background and its result is dropped), so one
/// stuck peer can never hang the caller, not even inside `getaddrinfo`. A single self-bounded job
/// runs on the caller's thread (`inlineSingle`).
public enum ThreadFanOut {
    /// Runs `job(index)` for every index in `0..<count` concurrently; waits until all are done
    /// or `hardDeadline` (monotonic seconds) passes, then fills the gaps with `missing(index)`.
    ///
    /// `inlineSingle`: the caller's jobs bound themselves by a deadline no later than
    /// `hardDeadline` (every socket step polls with the time left), so one job alone runs on the
    /// caller's thread: nothing to overlap, and a thread's start-up was a measurable part of a
    /// batch row. Only a DNS lookup of a host name is then bounded by the resolver's own timeout.
    static func run<T: Sendable>(count: Int, hardDeadline: Double, inlineSingle: Bool = false, job: @escaping @Sendable (Int) -> T,
                                 missing: (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if count == 1 && inlineSingle { return [job(0)] }
        let collector = Collector<T>(count: count)
        for index in 0..<count {
            let task = Job { collector.deliver(index, job(index)) }
            if !spawn(task) {
                task.run()  // no thread available: run inline rather than lose the peer
            }
        }
        let slots = collector.wait(until: hardDeadline)
        return slots.enumerated().map { index, slot in slot ?? missing(index) }
    }

    /// Starts `body` on a detached pthread; false when no thread could be created.
    public static func detach(_ body: @escaping @Sendable () -> Void) -> Bool {
        spawn(Job(body))
    }

    private final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Detached pthreads (no Foundation `Thread`, no Dispatch pool that may throttle blocking work).
    private static func spawn(_ task: Job) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        pthread_attr_setstacksize(&attributes, 512 * 1024)
        let context = Unmanaged.passRetained(task).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            let task = Unmanaged<Job>.fromOpaque(context!).takeRetainedValue()
            task.run()
            return nil
        }, context)
        if status != 0 { Unmanaged<Job>.fromOpaque(context).release() }
        return status == 0
    }

    /// Slots filled by the job threads; the waiter sleeps on a monotonic-clock condition.
    private final class Collector<T: Sendable>: @unchecked Sendable {
        private var slots: [T?]
        private var remaining: Int
        private var closed = false
        private let condition = MonotonicCondition()

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
            remaining = count
        }

        func deliver(_ index: Int, _ result: T) {
            condition.withLock {
                guard !closed else { return }
                slots[index] = result
                remaining -= 1
                if remaining == 0 { condition.signal() }
            }
        }

        /// Waits until every slot is filled or `deadline` (monotonic seconds) passes; later
        /// deliveries are ignored.
        func wait(until deadline: Double) -> [T?] {
            condition.withLock {
                while remaining > 0 {
                    if !condition.wait(until: deadline) { break }
                }
                closed = true
                return slots
            }
        }
    }
}
