import ArgumentParser
import SigilCore

#if canImport(Glibc)
import Glibc
#endif

/// Runs a root command: parses, runs, and turns every error into one line on stderr
/// (or a JSON error object with `--json`) and an exit code from `ExitStatus`.
public enum CommandRunner {
    /// Synchronous on purpose: an `async` main starts Swift's concurrency runtime and its
    /// Dispatch worker threads before anything runs, ~2-3 ms of every start-up, and no
    /// command needs it.
    public static func main<Root: ParsableCommand>(_ root: Root.Type, toolName: String) -> Never {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let wantsJSON = arguments.contains("--json")
        do {
            var command = try root.parseAsRoot(arguments)
            try command.run()
            exit(ExitStatus.success.rawValue)
        } catch let error as CommandFailure {
            report(error.message, status: error.status, toolName: toolName, json: wantsJSON)
        } catch let error as CategorizedError {
            report(error.description, status: ExitStatus(error.category), toolName: toolName, json: wantsJSON,
                   reason: (error as? any ReasonedError)?.reasonName)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            // ArgumentParser's own errors: help and version exit 0 with its text; usage errors
            // become one line (plus where to find help) with exit code 64, or JSON with --json.
            let code = root.exitCode(for: error)
            if code == .success { root.exit(withError: error) }
            let message = root.message(for: error).split(separator: "\n").first.map(String.init) ?? "usage error"
            let path = ([toolName] + commandPath(root, arguments)).joined(separator: " ")
            let hint = wantsJSON ? "" : " (see '\(path) --help')"
            report(message.replacing("Error: ", with: "") + hint, status: .usage, toolName: toolName, json: wantsJSON)
        }
    }

    /// The names of the subcommands that the leading arguments select (for the help hint).
    static func commandPath(_ root: any ParsableCommand.Type, _ arguments: [String]) -> [String] {
        var path: [String] = []
        var current = root
        for argument in arguments where !argument.hasPrefix("-") {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            current = next
        }
        return path
    }

    /// Reports `message` as `report` does and ends the process at once from any thread
    /// (`_exit`: no exit handlers run while the main thread is still working), for a watchdog.
    public static func abort(_ message: String, status: ExitStatus, toolName: String) -> Never {
        write(message, status: status, toolName: toolName, json: CommandLine.arguments.dropFirst().contains("--json"), reason: nil)
        _exit(status.rawValue)
    }

    /// `reason`: a finer machine-readable reason (`--json` only), e.g. `nonce-too-low`.
    static func report(_ message: String, status: ExitStatus, toolName: String, json: Bool, reason: String? = nil) -> Never {
        write(message, status: status, toolName: toolName, json: json, reason: reason)
        exit(status.rawValue)
    }

    private static func write(_ message: String, status: ExitStatus, toolName: String, json: Bool, reason: String?) {
        // Outside text inside the message is escaped where it enters; escaping the whole line again
        // is the safety net (and keeps a stray control character from any source off the terminal).
        let line = DisplayText.escaped(message.split(whereSeparator: \.isNewline).joined(separator: " "), limit: 8000)
        if json {
            let object: JSONValue = .object([
                ("error", .object([
                    ("code", .number(String(status.rawValue))),
                    ("kind", .string(status.name)),
                    ("message", .string(line)),
                ] + (reason.map { [("reason", JSONValue.string($0))] } ?? []))),
            ])
            StandardStreams.writeError(object.serialized() + "\n")
        } else {
            // A verdict (invalid signature, policy refusal) is red as a whole; other errors only in their prefix.
            let style = TerminalStyle.standardError
            let verdict = status == .verificationFailed || status == .refusedByPolicy
            let text = verdict ? style.failure("error: " + line) : style.failure("error:") + " " + line
            StandardStreams.writeError("\(toolName): \(text)\n")
        }
    }
}
