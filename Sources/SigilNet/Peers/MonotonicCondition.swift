#if canImport(Glibc)
import Glibc
#endif

/// A mutex and a condition variable timed on the monotonic clock: what the fan-out waiters
/// (`ThreadFanOut`, `PeerRace`) sleep on while peer threads deliver their answers.
final class MonotonicCondition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
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

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Wakes the waiter; call with the lock held.
    func signal() { pthread_cond_signal(condition) }

    /// With the lock held: sleeps until signalled or until `deadline` (monotonic seconds);
    /// false when the deadline passed.
    func wait(until deadline: Double) -> Bool {
        var limit = timespec(tv_sec: Int(deadline), tv_nsec: Int((deadline - Double(Int(deadline))) * 1e9))
        return pthread_cond_timedwait(condition, mutex, &limit) != ETIMEDOUT
    }
}
