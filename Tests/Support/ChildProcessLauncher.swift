import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A helper process of the test support (a Python script such as devnode.py or peer.py): started
/// with stdin on /dev/null and stdout (optionally stderr) on pipes, from the launcher thread, and
/// stopped with SIGTERM, then SIGKILL after a grace period.
final class ChildProcess: @unchecked Sendable {
    /// The process (running once `init` returns).
    let process: Process
    /// The process's stdout, for the caller to read (its READY line, events, ...).
    let stdout: Pipe
    /// The process's stderr, if captured; otherwise it shares the test process's stderr.
    let stderr: Pipe?
    /// The process id.
    var pid: Int32 { process.processIdentifier }

    private let lock = NSLock()
    private var stopped = false

    /// Runs `executable arguments` via `ChildProcessLauncher`.
    init(executable: URL, arguments: [String], captureStderr: Bool) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdout = Pipe(), stderr = captureStderr ? Pipe() : nil
        process.standardOutput = stdout
        if let stderr { process.standardError = stderr }
        process.standardInput = FileHandle(forUpdatingAtPath: "/dev/null")!
        try ChildProcessLauncher.shared.run(process)
        self.process = process
        self.stdout = stdout
        self.stderr = stderr
    }

    /// SIGTERM, up to `grace` seconds to exit (0: SIGKILL at once), then SIGKILL; waits until the
    /// process has exited, then runs `cleanup`. Idempotent: later calls do nothing.
    func stop(grace: Double = 5, then cleanup: () -> Void = {}) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            if grace > 0 {
                kill(pid, SIGTERM)
                let deadline = Date().addingTimeInterval(grace)
                while process.isRunning && Date() < deadline { usleep(10_000) }
            }
            if process.isRunning { kill(pid, SIGKILL) }
        }
        process.waitUntilExit()
        cleanup()
    }
}

/// Starts the child processes from one thread that lives as long as the test process. The
/// helpers use PR_SET_PDEATHSIG (`--die-with-parent`), which fires when the *thread* that started
/// the child exits: started from a short-lived worker (e.g. DispatchQueue.concurrentPerform or a
/// test's task thread), a child would be killed at random.
final class ChildProcessLauncher: @unchecked Sendable {
    static let shared = ChildProcessLauncher()
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []

    private init() {
        Thread.detachNewThread { [self] in
            while true {
                condition.lock()
                while jobs.isEmpty { condition.wait() }
                let job = jobs.removeFirst()
                condition.unlock()
                job()
            }
        }
    }

    /// `process.run()` on the launcher thread; waits for it.
    func run(_ process: Process) throws {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var failure: (any Error)?
        condition.lock()
        jobs.append {
            do { try process.run() } catch { failure = error }
            done.signal()
        }
        condition.signal()
        condition.unlock()
        done.wait()
        if let failure { throw failure }
    }
}
