import ArgumentParser
import SigilCore

#if canImport(Glibc)
import Glibc
#endif

/// The values of `--color`.
public enum ColorChoice: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// Colour only on a terminal, when `NO_COLOR` is unset or empty and `TERM` is not `dumb`.
    case auto
    /// Colour even into a pipe or a file.
    case always
    /// Never any escape code.
    case never

    /// The `--color` value of a command line as the parser reads it (`--color X` or `--color=X`,
    /// the last one wins; nothing after `--`), or nil when absent or not a valid value.
    public static func scan(_ arguments: [String]) -> ColorChoice? {
        var found: ColorChoice?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--color", index + 1 < arguments.endIndex {
                found = ColorChoice(rawValue: arguments[index + 1]) ?? found
                index += 1
            } else if argument.hasPrefix("--color=") {
                found = ColorChoice(rawValue: String(argument.dropFirst("--color=".count))) ?? found
            }
            index += 1
        }
        return found
    }
}

/// Whether one output stream gets colour, decided once, and the few styles Sigil uses.
///
/// Every escape code Sigil prints for colour comes from here; a disabled style returns text
/// unchanged. The styles of the process's own streams (`standardOutput`, `standardError`) are
/// decided on first use from the command line (`--color`, `--json`) and the environment.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether escape codes are added.
    public let isEnabled: Bool

    public init(enabled: Bool) { self.isEnabled = enabled }

    /// Decides for one stream: `never` → off; `always` → on; `auto` → on only when the stream is
    /// a terminal, `NO_COLOR` is unset or empty (no-color.org) and `TERM` is not `dumb`.
    /// `json` (a `--json` run) is always off: JSON output never has colour.
    public init(choice: ColorChoice, isTerminal: Bool, noColor: String?, term: String?, json: Bool = false) {
        if json {
            isEnabled = false
            return
        }
        switch choice {
        case .never: isEnabled = false
        case .always: isEnabled = true
        case .auto: isEnabled = isTerminal && (noColor ?? "").isEmpty && term != "dumb"
        }
    }

    /// A style that never colours.
    public static let plain = TerminalStyle(enabled: false)

    /// The style of this process's standard output.
    public static let standardOutput = TerminalStyle.forProcessStream(1)
    /// The style of this process's standard error (errors, warnings, previews).
    public static let standardError = TerminalStyle.forProcessStream(2)

    private static func forProcessStream(_ descriptor: Int32) -> TerminalStyle {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let beforeTerminator = arguments.prefix { $0 != "--" }
        return TerminalStyle(choice: ColorChoice.scan(arguments) ?? .auto, isTerminal: isatty(descriptor) == 1,
                             noColor: environment("NO_COLOR"), term: environment("TERM"),
                             json: beforeTerminator.contains("--json"))
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    // MARK: Styles

    /// Failures: the `error:` prefix, invalid verdicts, policy refusals.
    public func failure(_ text: String) -> String { wrap(text, "31") }
    /// Success verdicts (`valid`, an intact audit log, a policy that allows).
    public func success(_ text: String) -> String { wrap(text, "32") }
    /// The `warning:` prefix.
    public func warning(_ text: String) -> String { wrap(text, "33") }
    /// Headings (what the signer is about to sign).
    public func heading(_ text: String) -> String { wrap(text, "1") }

    /// `text` with a leading `Warning:` / `warning:` of each line styled as a warning.
    public func highlightingWarnings(_ text: String) -> String {
        guard isEnabled else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for prefix in ["Warning:", "warning:"] where line.hasPrefix(prefix) {
                return warning(prefix) + line.dropFirst(prefix.count)
            }
            return String(line)
        }.joined(separator: "\n")
    }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }
}

extension StandardStreams {
    /// Writes `warning: MESSAGE` as one line on stderr, the prefix in the warning colour.
    public static func writeWarning(_ message: String) {
        writeError(TerminalStyle.standardError.warning("warning:") + " " + DisplayText.escaped(message, limit: 8000) + "\n")
    }
}
