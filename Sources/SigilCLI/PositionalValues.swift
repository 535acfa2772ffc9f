import ArgumentParser

/// Positional values collected with `parsing: .allUnrecognized` (so that `-1` is a value, not
/// an option): a lone `--` (the end of options) is dropped, and a word starting with `--` is a
/// mistyped option, named as such.
public enum PositionalValues {
    public static func refuseOptions(_ values: [String]) throws {
        if let option = values.first(where: { $0.hasPrefix("--") && $0 != "--" }) {
            throw ValidationError("unknown option '\(option)'")
        }
    }

    /// The values without a `--` terminator.
    public static func values(_ values: [String]) -> [String] {
        values.filter { $0 != "--" }
    }
}
