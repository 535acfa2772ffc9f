import ArgumentParser
import SigilCore

/// `--json` and the one way every command prints its result.
///
/// Human output goes to stdout as aligned `label  value` lines; JSON output is one document
/// with a stable schema (documented per command). Errors never go through here: they are
/// reported by `CommandRunner` on stderr.
public struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the result as one JSON document (stable schema; errors as JSON on stderr).")
    public var json = false

    public init() {}

    /// Prints `fields` as aligned lines, or `json` when `--json` was given.
    public func emit(_ fields: [(String, String)], json document: JSONValue) {
        if json {
            StandardStreams.write(document.serialized(pretty: true) + "\n")
        } else {
            StandardStreams.write(Self.table(fields))
        }
    }

    /// Prints a single value (a hash, an address) as a line, or `json` when `--json` was given.
    public func emit(line: String, json document: JSONValue) {
        if json {
            StandardStreams.write(document.serialized(pretty: true) + "\n")
        } else {
            StandardStreams.write(line + "\n")
        }
    }

    /// `label  value` lines with the values aligned.
    public static func table(_ fields: [(String, String)]) -> String {
        let width = fields.map { $0.0.count }.max() ?? 0
        var out = ""
        for (label, value) in fields {
            out += label + String(repeating: " ", count: width - label.count + 2) + value + "\n"
        }
        return out
    }
}
