#if canImport(Glibc)
import Glibc
#endif

/// What one peer produced: a value or an error, and how long it took.
public struct PeerResult<T: Sendable>: Sendable {
    /// The peer URL as given.
    public let url: String
    public let result: Result<T, RPCError>
    /// Wall time from the start of the group to this peer's answer, in milliseconds.
    public let elapsedMilliseconds: Double
}

/// Runs one closure per peer, each on its own thread, and collects the results in peer order.
///
/// Each closure gets a `JSONRPCClient` whose every request is bounded by `timeout`; on top of
/// that the group waits at most `hardDeadline` seconds in total and reports any peer still
/// running as `.timedOut` (its thread finishes in the background and its result is dropped),
/// so one silent peer can never hang the group, not even inside `getaddrinfo`.
public struct PeerGroup: Sendable {
    public let urls: [String]
    /// Seconds allowed for each HTTP request to a peer.
    public let timeout: Double
    /// Seconds after which the group stops waiting for any peer.
    public let hardDeadline: Double

    /// `hardDeadline` defaults to `timeout` plus one second of grace.
    public init(urls: [String], timeout: Double, hardDeadline: Double? = nil) {
        self.urls = urls
        self.timeout = timeout
        self.hardDeadline = hardDeadline ?? timeout + 1
    }

    /// Calls `body` once per peer, concurrently, and returns the results in `urls` order.
    public func run<T: Sendable>(_ body: @escaping @Sendable (JSONRPCClient) throws(RPCError) -> T) -> [PeerResult<T>] {
        guard !urls.isEmpty else { return [] }
        let collector = Collector<T>(count: urls.count)
        let start = MonotonicClock.now()
        for (index, url) in urls.enumerated() {
            let timeout = self.timeout
            let job = Job {
                let client = JSONRPCClient(url: url, timeout: timeout)
                let result: Result<T, RPCError>
                do throws(RPCError) { result = .success(try body(client)) } catch { result = .failure(error) }
                collector.deliver(index, PeerResult(url: url, result: result,
                                                    elapsedMilliseconds: (MonotonicClock.now() - start) * 1000))
            }
            if !Thread.spawn(job) {
                job.run()  // no thread available: run inline rather than lose the peer
            }
        }
        let slots = collector.wait(until: start + hardDeadline)
        return slots.enumerated().map { index, slot in
            slot ?? PeerResult(url: urls[index], result: .failure(.timedOut(endpoint: Self.endpoint(urls[index]), seconds: hardDeadline)),
                               elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }
    }

    private static func endpoint(_ url: String) -> String {
        (try? HTTPURL(parsing: url))?.endpoint ?? "peer"
    }

    private final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    /// Detached pthreads (no Foundation `Thread`, no Dispatch pool that may throttle blocking work).
    private enum Thread {
        static func spawn(_ task: Job) -> Bool {
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
    }

    /// Slots filled by the peer threads; the waiter sleeps on a monotonic-clock condition.
    private final class Collector<T: Sendable>: @unchecked Sendable {
        private var slots: [PeerResult<T>?]
        private var remaining: Int
        private var closed = false
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

        init(count: Int) {
            slots = Array(repeating: nil, count: count)
            remaining = count
            pthread_mutex_init(mutex, nil)
            var attributes = pthread_condattr_t()
            pthread_condattr_init(&attributes)
            pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
            pthread_cond_init(condition, &attributes)
            pthread_condattr_destroy(&attributes)
        }

        deinit {
            pthread_cond_destroy(condition)
            pthread_mutex_destroy(mutex)
            condition.deallocate()
            mutex.deallocate()
        }

        func deliver(_ index: Int, _ result: PeerResult<T>) {
            pthread_mutex_lock(mutex)
            if !closed {
                slots[index] = result
                remaining -= 1
                if remaining == 0 { pthread_cond_signal(condition) }
            }
            pthread_mutex_unlock(mutex)
        }

        /// Waits until every slot is filled or `deadline` (monotonic seconds) passes; later
        /// deliveries are ignored.
        func wait(until deadline: Double) -> [PeerResult<T>?] {
            var limit = timespec(tv_sec: Int(deadline), tv_nsec: Int((deadline - Double(Int(deadline))) * 1e9))
            pthread_mutex_lock(mutex)
            while remaining > 0 {
                if pthread_cond_timedwait(condition, mutex, &limit) == ETIMEDOUT { break }
            }
            closed = true
            let result = slots
            pthread_mutex_unlock(mutex)
            return result
        }
    }
}
