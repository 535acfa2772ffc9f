import SigilCore

/// One-line progress texts for stderr.
public enum ProgressText {
    public static func vanity(_ p: VanityProgress, expected: Double) -> String {
        "searching: \(count(Double(p.tries))) tried, \(count(p.triesPerSecond))/s, "
            + "\(duration(p.elapsedSeconds)) elapsed, expected ~\(duration(p.expectedSecondsRemaining)) "
            + "(\(Int(p.probabilityFoundByNow * 100))% chance by now)"
    }

    public static func count(_ value: Double) -> String {
        switch value {
        case ..<1e3: String(Int(value))
        case ..<1e6: "\(Int(value / 1e3))k"
        case ..<1e9: "\(Int(value / 1e6)).\(Int(value / 1e5) % 10)M"
        default: "\(Int(value / 1e9)).\(Int(value / 1e8) % 10)G"
        }
    }

    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "forever" }
        let s = Int(seconds)
        switch s {
        case ..<60: return "\(s)s"
        case ..<3600: return "\(s / 60)m\(s % 60)s"
        case ..<86400: return "\(s / 3600)h\(s / 60 % 60)m"
        default: return "\(s / 86400)d"
        }
    }
}
