import Synchronization

/// The whole command's time on the network (`--timeout S`): once started, every HTTP request
/// and every peer race is cut to what is left, and a request that would start after it ran out
/// fails at once with `TransportError.commandDeadline`. Time the user controls is not counted:
/// `suspended` runs a prompt or a bounded receipt wait (`--wait-timeout`) with the clock
/// stopped. Unset (the default), requests keep their own timeouts and nothing else is bounded.
/// One per process: a command runs once per process.
public enum CommandDeadline {
    private struct State {
        var seconds: Double
        var deadline: Double
        var suspendedAt: Double?
        var suspensions = 0
    }

    private static let state = Mutex<State?>(nil)

    /// Starts the clock: the command has `seconds` from now.
    public static func start(seconds: Double) {
        state.withLock { $0 = State(seconds: seconds, deadline: MonotonicClock.now() + seconds) }
    }

    /// The `--timeout` given, when the clock runs.
    public static var seconds: Double? { state.withLock { $0?.seconds } }

    /// Seconds left (nil: no deadline, or the clock is stopped); negative once it ran out.
    public static var remaining: Double? {
        state.withLock { state in
            guard let state, state.suspendedAt == nil else { return nil }
            return state.deadline - MonotonicClock.now()
        }
    }

    /// The deadline on the monotonic clock, for a watchdog (nil: none, or stopped).
    public static var deadline: Double? {
        state.withLock { state in state.flatMap { $0.suspendedAt == nil ? $0.deadline : nil } }
    }

    /// `timeout` cut to what is left: `(seconds, cut)`, where `cut` says the deadline is the
    /// tighter bound. Throws `.commandDeadline` when nothing is left.
    static func allowance(_ timeout: Double) throws(TransportError) -> (seconds: Double, cut: Bool) {
        guard let left = remaining else { return (timeout, false) }
        guard left > 0 else { throw .commandDeadline(seconds: seconds ?? 0) }
        return left < timeout ? (left, true) : (timeout, false)
    }

    /// `hardDeadline` seconds from now, cut to what is left (plus a moment for the request's
    /// own timeout to fire first).
    static func cap(_ hardDeadline: Double) -> Double {
        guard let left = remaining else { return hardDeadline }
        return min(hardDeadline, max(0, left) + 0.1)
    }

    /// Runs `body` with the clock stopped: its time is added back to the deadline. Nested calls
    /// stop it once.
    public static func suspended<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        state.withLock { state in
            guard state != nil else { return }
            if state!.suspensions == 0 { state!.suspendedAt = MonotonicClock.now() }
            state!.suspensions += 1
        }
        defer {
            state.withLock { state in
                guard state != nil else { return }
                state!.suspensions -= 1
                if state!.suspensions == 0, let at = state!.suspendedAt {
                    state!.deadline += MonotonicClock.now() - at
                    state!.suspendedAt = nil
                }
            }
        }
        return try body()
    }
}
