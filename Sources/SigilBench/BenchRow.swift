/// One line of the benchmark table: a Sigil figure against a C baseline measured in the same
/// process, their ratio (Sigil / baseline), and the target that ratio must meet.
struct BenchRow {
    enum Unit: String {
        /// Throughput: higher is better.
        case megabytesPerSecond = "MB/s"
        /// Time per call: lower is better.
        case nanosecondsPerCall = "ns"
        /// Time per call in microseconds: lower is better.
        case microsecondsPerCall = "µs"
    }

    enum Target {
        /// The ratio sigil / baseline must be at least this (throughput rows).
        case atLeast(Double)
        /// The ratio sigil / baseline must be at most this (time rows).
        case atMost(Double)
        /// Reported for context; no pass or miss.
        case informational

        var label: String {
            switch self {
            case .atLeast(let r): ">= \(format(r, digits: 2))x"
            case .atMost(let r): "<= \(format(r, digits: 2))x"
            case .informational: "-"
            }
        }

        func verdict(_ ratio: Double) -> String {
            switch self {
            case .atLeast(let r): ratio >= r ? "pass" : "MISS"
            case .atMost(let r): ratio <= r ? "pass" : "MISS"
            case .informational: "info"
            }
        }
    }

    let name: String
    let unit: Unit
    let sigil: Double
    let baseline: Double
    /// What the baseline is, e.g. "OpenSSL SHA3-256 EVP_Digest".
    let baselineName: String
    let target: Target

    var ratio: Double { baseline == 0 ? .infinity : sigil / baseline }
    var verdict: String { target.verdict(ratio) }

    /// A throughput row from two per-iteration times over `bytes` bytes.
    static func throughput(_ name: String, bytes: Int, _ results: (sigil: Benchmark.Result, baseline: Benchmark.Result),
                           baselineName: String, target: Target) -> BenchRow {
        func mbps(_ r: Benchmark.Result) -> Double { Double(bytes) / r.bestNanoseconds * 1e3 }
        return BenchRow(name: name, unit: .megabytesPerSecond, sigil: mbps(results.sigil), baseline: mbps(results.baseline),
                        baselineName: baselineName, target: target)
    }

    /// A time-per-call row.
    static func perCall(_ name: String, _ results: (sigil: Benchmark.Result, baseline: Benchmark.Result),
                        baselineName: String, target: Target) -> BenchRow {
        BenchRow(name: name, unit: .nanosecondsPerCall, sigil: results.sigil.bestNanoseconds,
                 baseline: results.baseline.bestNanoseconds, baselineName: baselineName, target: target)
    }
}

/// Fixed-point formatting without Foundation.
func format(_ value: Double, digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : "inf" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
    if digits > 0 {
        let fraction = String(Int(scaled - Double(whole) * scale))
        text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
    return text
}
