import SigilCLI
import Testing

@Suite struct TerminalStyleTests {
    /// The whole decision table: never/always win over everything but --json; auto needs a
    /// terminal, NO_COLOR unset or empty, and TERM other than dumb.
    @Test func decision() {
        for choice in ColorChoice.allCases {
            for terminal in [false, true] {
                for noColor in [nil, "", "1"] as [String?] {
                    for term in [nil, "xterm", "dumb"] as [String?] {
                        let expected: Bool = switch choice {
                        case .never: false
                        case .always: true
                        case .auto: terminal && (noColor ?? "").isEmpty && term != "dumb"
                        }
                        let style = TerminalStyle(choice: choice, isTerminal: terminal, noColor: noColor, term: term)
                        #expect(style.isEnabled == expected, "\(choice) terminal=\(terminal) NO_COLOR=\(String(describing: noColor)) TERM=\(String(describing: term))")
                        #expect(!TerminalStyle(choice: choice, isTerminal: terminal, noColor: noColor, term: term, json: true).isEnabled)
                    }
                }
            }
        }
    }

    @Test func wrapping() {
        let on = TerminalStyle(enabled: true), off = TerminalStyle.plain
        #expect(on.failure("error:") == "\u{1B}[31merror:\u{1B}[0m")
        #expect(on.success("valid") == "\u{1B}[32mvalid\u{1B}[0m")
        #expect(on.warning("warning:") == "\u{1B}[33mwarning:\u{1B}[0m")
        #expect(on.heading("Message") == "\u{1B}[1mMessage\u{1B}[0m")
        #expect(on.failure("") == "")
        for text in ["error:", "valid", "a\nb"] {
            #expect(off.failure(text) == text && off.success(text) == text && off.warning(text) == text && off.heading(text) == text)
        }
        let preview = "To: 0x…\nWarning: unknown chain\nNote: Warning: inside\nwarning: lower"
        #expect(on.highlightingWarnings(preview)
                == "To: 0x…\n\u{1B}[33mWarning:\u{1B}[0m unknown chain\nNote: Warning: inside\n\u{1B}[33mwarning:\u{1B}[0m lower")
        #expect(off.highlightingWarnings(preview) == preview)
    }

    @Test func scanningTheCommandLine() {
        #expect(ColorChoice.scan(["units", "1", "--color", "always"]) == .always)
        #expect(ColorChoice.scan(["--color=never", "units"]) == ColorChoice.never)
        #expect(ColorChoice.scan(["--color", "always", "--color=never"]) == ColorChoice.never)
        #expect(ColorChoice.scan(["units", "1"]) == nil)
        #expect(ColorChoice.scan(["--color", "sometimes"]) == nil)
        #expect(ColorChoice.scan(["--color"]) == nil)
        #expect(ColorChoice.scan(["hash", "keccak", "--", "--color", "always"]) == nil)
    }
}
