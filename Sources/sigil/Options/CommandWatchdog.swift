import ArgumentParser
import SigilCLI
import SigilNet

/// `--timeout S` for the whole command: starts `CommandDeadline` (every request and peer race
/// is cut to what is left, so the command fails on its own with exit 6) and, as a backstop for
/// anything not cut that way (a DNS lookup, a devp2p handshake), a thread that ends the process
/// with exit 6 one second after the deadline. Time spent at a prompt or in a receipt wait
/// (bounded by --wait-timeout) is not counted. Ending the process there is as safe as kill -9:
/// the journal is written ahead of every broadcast.
enum CommandWatchdog {
    nonisolated(unsafe) private static var started = false

    /// Checks a `--timeout` value and, when one was given, starts the clock (from an options
    /// group's `validate()`: before any peer is asked).
    static func start(validating seconds: Double?) throws {
        guard let seconds else { return }
        guard seconds > 0 && seconds <= 86_400 else { throw ValidationError("--timeout must be between 0 and 86400 seconds") }
        start(seconds: seconds)
    }

    /// Starts once per process (the first option group that asks).
    private static func start(seconds: Double) {
        guard !started else { return }
        started = true
        CommandDeadline.start(seconds: seconds)
        _ = ThreadFanOut.detach {
            while true {
                // Stopped (a prompt, a receipt wait): look again shortly.
                guard let deadline = CommandDeadline.deadline else { MonotonicClock.sleep(0.1); continue }
                let left = deadline + 1 - MonotonicClock.now()
                if left <= 0 { break }
                MonotonicClock.sleep(min(left, 0.5))
            }
            // The same words as a request the deadline cut short.
            CommandRunner.abort(TransportError.commandDeadline(seconds: seconds).description, status: .network, toolName: "sigil")
        }
    }

    /// Runs `body` (a prompt, a password) with the clock stopped.
    static func untimed<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try CommandDeadline.suspended(body)
    }
}
