import ArgumentParser
import SigilCore

/// `--json`, `--color` and the one way every command prints its result.
///
/// Human output goes to stdout as aligned `label  value` lines; JSON output is one document
/// with a stable schema (documented per command). Errors never go through here: they are
/// reported by `CommandRunner` on stderr.
public struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print the result as one JSON document (stable schema; errors as JSON on stderr).")
    public var json = false

    @OptionGroup public var colorOptions: ColorOptions

    public init() {}

    /// How text for stdout is styled (plain with `--json`). The decision is taken once per
    /// stream, from the same command line the parser read (see `TerminalStyle`).
    public var style: TerminalStyle { json ? .plain : .standardOutput }
    /// How text for stderr (previews, warnings) is styled.
    public var errorStyle: TerminalStyle { json ? .plain : .standardError }

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

/// `--color`: part of `OutputOptions`, and on its own for the few commands without `--json`.
///
/// The parser validates the value and documents it; the decision itself is taken once per
/// stream by `TerminalStyle.standardOutput` / `.standardError` from the same command line.
public struct ColorOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "When to colour: auto = on a terminal, unless NO_COLOR is set or TERM=dumb. JSON is never coloured.",
        valueName: "when"))
    public var color: ColorChoice = .auto

    public init() {}
}
