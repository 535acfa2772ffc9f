import Glibc
import SigilCore

/// The vanity search (batched affine walk + Keccak per address) against the naive method, a
/// fresh `PrivateKey.generate()` and its address per try, measured in the same run; then all
/// cores against one. Rows are in nanoseconds per address; names carry addresses per second.
enum VanityBench {
    static let naive = "naive: PrivateKey.generate().address per try"
    static let oneThread = "Sigil vanity search, 1 thread"

    static func rows() -> [BenchRow] {
        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let naiveNanoseconds = Benchmark().measure { iterations in
            for _ in 0..<iterations { blackHole(PrivateKey.generate().address) }
        }.bestNanoseconds
        let single = addressesPerSecond(threads: 1)
        let all = addressesPerSecond(threads: cores)
        let scaling = all / single
        return [
            // Target: 250,000 addresses/s where the naive method does about 46,000/s.
            BenchRow(name: "vanity 1 thread: \(format(single, digits: 0)) addr/s vs naive \(format(1e9 / naiveNanoseconds, digits: 0))",
                     unit: .nanosecondsPerCall, sigil: 1e9 / single, baseline: naiveNanoseconds,
                     baselineName: naive, target: .atMost(46_000.0 / 250_000.0)),
            // Near-linear: at least 80% of the ideal speed-up.
            BenchRow(name: "vanity \(cores) threads: \(format(all, digits: 0)) addr/s, scaling \(format(scaling, digits: 2))x",
                     unit: .nanosecondsPerCall, sigil: 1e9 / all, baseline: 1e9 / single,
                     baselineName: oneThread, target: .atMost(1 / (0.8 * Double(cores)))),
        ]
    }

    /// Runs a search that cannot succeed for about `seconds` and returns the best rate over
    /// its progress intervals (the first, which includes start-up, is skipped).
    static func addressesPerSecond(threads: Int, seconds: Double = 3, interval: Double = 0.25) -> Double {
        guard let pattern = try? VanityPattern(prefix: String(repeating: "0", count: 40), suffix: "", checksumCase: false)
        else { fatalError("vanity bench pattern rejected") }
        let search = VanitySearch(pattern: pattern, threads: threads)
        var snapshots = [(tries: Double, time: Double)]()
        do {
            _ = try search.run(progressInterval: interval) { progress in
                snapshots.append((Double(progress.tries), progress.elapsedSeconds))
                if progress.elapsedSeconds >= seconds { search.cancel() }
            }
            fatalError("vanity bench found a 40-digit pattern")
        } catch {
            guard error == .cancelled else { fatalError("vanity bench: \(error)") }
        }
        var best = 0.0
        for (a, b) in zip(snapshots.dropFirst(), snapshots.dropFirst(2)) where b.time > a.time {
            best = max(best, (b.tries - a.tries) / (b.time - a.time))
        }
        return best
    }
}
