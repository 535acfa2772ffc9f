import Glibc

/// Times a closure: a warm-up, a calibration that picks an iteration count filling
/// `runTime`, then `runs` timed runs. Reports nanoseconds per iteration (best and median).
struct Benchmark {
    var runs = 51
    /// Target wall time of one timed run, in seconds: short runs, many of them, so the best
    /// run is likely one no other process interrupted.
    var runTime = 0.002
    /// Warm-up wall time before calibration, in seconds.
    var warmUpTime = 0.02

    struct Result {
        /// Nanoseconds per iteration of the fastest run (least disturbed by other load).
        let bestNanoseconds: Double
        /// Nanoseconds per iteration of the median run.
        let medianNanoseconds: Double
        let iterationsPerRun: Int
    }

    /// Runs `body(iterations)` which must execute its workload `iterations` times.
    /// Taking the count lets the loop live inside the body, so no closure call per iteration.
    func measure(_ body: (Int) -> Void) -> Result {
        let iterations = calibrate(body)
        return summarize((0..<runs).map { _ in time(body, iterations) }, iterations)
    }

    /// Measures two workloads with their timed runs interleaved (a, b, a, b, ...), so a burst
    /// of load from other processes hits both sides alike. Returns (a, b).
    func compare(_ a: (Int) -> Void, _ b: (Int) -> Void) -> (Result, Result) {
        let iterationsA = calibrate(a)
        let iterationsB = calibrate(b)
        var timesA = [Double](), timesB = [Double]()
        for _ in 0..<runs {
            timesA.append(time(a, iterationsA))
            timesB.append(time(b, iterationsB))
        }
        return (summarize(timesA, iterationsA), summarize(timesB, iterationsB))
    }

    /// Warms up, then finds the iteration count that makes one run last about `runTime`.
    private func calibrate(_ body: (Int) -> Void) -> Int {
        var iterations = 1
        let warmUpEnd = Clock.now() + warmUpTime * 1e9
        while true {
            let elapsed = time(body, iterations) * Double(iterations)
            if elapsed >= runTime * 1e9 / 4 && Clock.now() >= warmUpEnd {
                return Swift.max(1, Int(Double(iterations) * runTime * 1e9 / elapsed))
            }
            if elapsed < runTime * 1e9 / 4 { iterations *= 2 }
        }
    }

    /// Nanoseconds per iteration of one run.
    private func time(_ body: (Int) -> Void, _ iterations: Int) -> Double {
        let start = Clock.now()
        body(iterations)
        return (Clock.now() - start) / Double(iterations)
    }

    private func summarize(_ times: [Double], _ iterations: Int) -> Result {
        let sorted = times.sorted()
        return Result(bestNanoseconds: sorted[0], medianNanoseconds: sorted[sorted.count / 2],
                      iterationsPerRun: iterations)
    }
}

/// CLOCK_MONOTONIC in nanoseconds.
enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1e9 + Double(ts.tv_nsec)
    }
}

/// Keeps a value alive so the optimizer cannot delete the work that produced it.
@_optimize(none) @inline(never)
func blackHole<T>(_ value: T) {}

/// A page-aligned-enough heap buffer of pseudo-random bytes, for inputs the optimizer cannot see.
final class BenchBuffer {
    let pointer: UnsafeMutableRawPointer
    let count: Int

    init(count: Int, seed: UInt64 = 0x5167_11BE_4C40_0001) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(byteCount: Swift.max(count, 1), alignment: 64)
        var state = seed
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            pointer.storeBytes(of: UInt8(truncatingIfNeeded: state >> 33), toByteOffset: i, as: UInt8.self)
        }
    }

    deinit { pointer.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer, count: count) }
    var mutableBytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: pointer, count: count) }
}
