#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A snapshot of a running vanity search.
public struct VanityProgress: Sendable {
    /// Addresses tried so far, over all threads.
    public let tries: UInt64
    /// Seconds since the search started.
    public let elapsedSeconds: Double
    /// Tries per second so far.
    public let triesPerSecond: Double
    /// The mean time still to wait at the current rate. Each try is independent, so this does
    /// not shrink as time passes: it is `expectedTries / triesPerSecond`.
    public let expectedSecondsRemaining: Double
    /// The probability that a search of this many tries would have found a match by now.
    public let probabilityFoundByNow: Double
}

/// Searches for a private key whose address fits a `VanityPattern`.
///
/// Each thread starts from its own fresh random key (`SystemRandom`) and walks the keys
/// after it (see `VanityWalker`): one affine point addition and one Keccak-256 per address.
/// A found key is re-derived with libsecp256k1 and checked against the pattern before it is
/// returned. No key is ever reused across runs.
public final class VanitySearch: Sendable {
    /// What the address must look like.
    public let pattern: VanityPattern
    /// Worker threads.
    public let threads: Int
    let batchSize: Int
    private let cancelled = Atomic<Bool>(false)

    /// A search with `threads` worker threads (at least 1). `batchSize` is the number of
    /// points sharing one field inversion.
    public init(pattern: VanityPattern, threads: Int, batchSize: Int = 512) {
        self.pattern = pattern
        self.threads = max(1, threads)
        self.batchSize = max(1, batchSize)
    }

    /// Stops a running search (from any thread, e.g. a signal handler's helper or the
    /// progress callback); `run` then throws `.cancelled`. A cancelled search stays cancelled.
    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    /// Searches until a match or `cancel()`. `progress` is called on the calling thread about
    /// every `progressInterval` seconds.
    public func run(progressInterval: Double = 1,
                    progress: (VanityProgress) -> Void = { _ in }) throws(VanityError) -> PrivateKey {
        let table = GeneratorMultiples(count: batchSize)
        let state = VanityRunState()
        let startTime = monotonicSeconds()
        var workers = [pthread_t]()
        for _ in 0..<threads {
            let context = Unmanaged.passRetained(
                VanityWorkerContext(search: self, state: state, table: table)).toOpaque()
            var thread = pthread_t()
            guard pthread_create(&thread, nil, vanityWorkerMain, context) == 0 else {
                Unmanaged<VanityWorkerContext>.fromOpaque(context).release()
                fatalError("vanity search: pthread_create failed (errno \(errno))")
            }
            workers.append(thread)
        }

        var lastReport = startTime
        while !state.stop.load(ordering: .acquiring) {
            if cancelled.load(ordering: .relaxed) {
                state.stop.store(true, ordering: .releasing)
                break
            }
            var pause = timespec(tv_sec: 0, tv_nsec: 2_000_000)
            nanosleep(&pause, nil)
            let now = monotonicSeconds()
            if now - lastReport >= progressInterval {
                lastReport = now
                progress(snapshot(tries: state.tries.load(ordering: .relaxed), elapsed: now - startTime))
            }
        }
        for thread in workers { pthread_join(thread, nil) }

        switch state.outcome.withLock({ $0 }) {
        case .found(let key): return key
        case .failed(let error): throw error
        case nil: throw .cancelled
        }
    }

    private func snapshot(tries: UInt64, elapsed: Double) -> VanityProgress {
        let rate = elapsed > 0 ? Double(tries) / elapsed : 0
        let expected = pattern.expectedTries
        // 1 - (1 - 1/E)^tries, computed stably.
        let found = -expm1(Double(tries) * log1p(-1 / max(expected, 1.000_001)))
        return VanityProgress(tries: tries, elapsedSeconds: elapsed, triesPerSecond: rate,
                              expectedSecondsRemaining: rate > 0 ? expected / rate : .infinity,
                              probabilityFoundByNow: found)
    }

    /// One worker: walk from a fresh key until any thread stops the run.
    fileprivate func work(state: VanityRunState, table: GeneratorMultiples) {
        let walker = VanityWalker(start: PrivateKey.generate(), table: table)
        let pattern = self.pattern
        var hit: UInt64?
        var address = (UInt64(0), UInt64(0), UInt32(0))
        while !state.stop.load(ordering: .relaxed) && !cancelled.load(ordering: .relaxed) {
            let visited = walker.step { offset, bytes in
                guard pattern.matchesDigits(bytes), pattern.matchesChecksum(bytes) else { return false }
                hit = offset
                withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: UnsafeRawBufferPointer(start: bytes, count: 20)) }
                return true
            }
            state.tries.add(UInt64(visited), ordering: .relaxed)
            if let offset = hit {
                let walked = withUnsafeBytes(of: &address) { Array($0[0..<20]) }
                state.finish(verify(walker: walker, offset: offset, walkedAddress: walked))
                return
            }
        }
    }

    /// Re-derives the key with libsecp256k1 and checks it against the walk and the pattern.
    private func verify(walker: VanityWalker, offset: UInt64, walkedAddress: [UInt8]) -> VanityRunState.Outcome {
        guard let key = try? walker.key(at: offset),
              key.address.bytes == walkedAddress,
              pattern.matches(key.address)
        else { return .failed(.verificationFailed) }
        return .found(key)
    }
}

/// What the threads of one run share.
final class VanityRunState: Sendable {
    enum Outcome: Sendable {
        case found(PrivateKey)
        case failed(VanityError)
    }

    let stop = Atomic<Bool>(false)
    let tries = Atomic<UInt64>(0)
    let outcome = Mutex<Outcome?>(nil)

    /// Records the first outcome (later ones are dropped) and stops every thread.
    func finish(_ result: Outcome) {
        outcome.withLock { if $0 == nil { $0 = result } }
        stop.store(true, ordering: .releasing)
    }
}

private final class VanityWorkerContext {
    let search: VanitySearch
    let state: VanityRunState
    let table: GeneratorMultiples

    init(search: VanitySearch, state: VanityRunState, table: GeneratorMultiples) {
        self.search = search
        self.state = state
        self.table = table
    }
}

private func vanityWorkerMain(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    let context = Unmanaged<VanityWorkerContext>.fromOpaque(raw!).takeRetainedValue()
    context.search.work(state: context.state, table: context.table)
    return nil
}

/// CLOCK_MONOTONIC in seconds.
private func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
