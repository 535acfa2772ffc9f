import Foundation
import SigilTestSupport

/// Runs a built binary on a pseudo-terminal (Python's `pty.fork`), answering prompts: for each
/// exchange it reads the terminal until `prompt` appears, then types `reply` and a newline.
/// The result's stdout is everything the terminal showed (stdin echo included, "\r\n" as "\n");
/// with `stdoutFile`, the child's stdout goes to that file instead of the terminal, so a test
/// can tell what was printed from what was shown. Bounded: the child is killed after 120 s.
enum PseudoTerminal {
    static func run(_ binary: String, _ arguments: [String], environment: [String: String],
                    exchanges: [(prompt: String, reply: String)], stdoutFile: String? = nil,
                    in directory: String) throws -> ProcessRunner.Result {
        let spec: [String: Any] = [
            "argv": [binary] + arguments, "env": environment, "stdout": stdoutFile ?? "",
            "exchanges": exchanges.map { [$0.prompt, $0.reply] },
        ]
        let specPath = directory + "/pty-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        let scriptPath = directory + "/pty_driver.py"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        return try ProcessRunner.run("/usr/bin/python3", [scriptPath, specPath])
    }

    private static let script = """
    import json, os, pty, select, signal, sys, time
    spec = json.load(open(sys.argv[1]))
    pid, fd = pty.fork()
    if pid == 0:
        if spec["stdout"]:
            out = os.open(spec["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(out, 1)
        os.execve(spec["argv"][0], spec["argv"], spec["env"])
    shown = b""
    deadline = time.time() + 120
    def read_until(marker):
        global shown
        while marker not in shown and time.time() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(fd, 1024)
                except OSError:
                    return
                if not chunk:
                    return
                shown += chunk
    for prompt, reply in spec["exchanges"]:
        read_until(prompt.encode())
        os.write(fd, reply.encode() + b"\\n")
    read_until(b"\\x00never printed")  # drain until the child closes the terminal or the deadline
    if time.time() >= deadline:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(shown.decode(errors="replace").replace("\\r\\n", "\\n"))
    sys.exit(os.waitstatus_to_exitcode(status))
    """
}
