import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An independent devp2p peer (Tests/Support/p2ppeer/peer.py: trinity's RLPx + our eth/68) for one
/// test, listening on a free port of 127.0.0.1.
///
/// It forwards the transactions it receives to the node at `rpcURL` (a `DevNode`), and logs what
/// happens as JSON events (`events()`, `waitForEvent`); see Tests/Support/p2ppeer/README.md for
/// the modes and the events. The process is killed by `stop()` or when the value is released,
/// and dies with the test process (`--die-with-parent`).
public final class P2PTestPeer: @unchecked Sendable {
    /// How the peer behaves (peer.py's `--mode`).
    public enum Mode: String, Sendable, CaseIterable {
        /// Status exchange, forwards pushed and fetched transactions, answers Ping.
        case normal
        /// Its Status names another genesis block.
        case wrongGenesis = "wrong-genesis"
        /// Its Status carries another fork hash.
        case wrongForkID = "wrong-fork-id"
        /// Its Status names network id + 1.
        case wrongNetwork = "wrong-network"
        /// 64 random bytes instead of Hello after the auth/ack handshake.
        case garbage
        /// Accepts the TCP connection and never answers.
        case silent
        /// Hello, then half a frame, then closes the socket.
        case midFrame = "mid-frame"
        /// Hello, then Disconnect with reason 0x04 (too many peers).
        case disconnect
    }

    /// A failure to start the peer.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The interpreter of `.venv-p2p` (`make venv-p2p`), or `$SIGIL_P2P_PYTHON`.
    public static var python: URL {
        if let path = ProcessInfo.processInfo.environment["SIGIL_P2P_PYTHON"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return TestEnvironment.packageRoot.appendingPathComponent(".venv-p2p/bin/python")
    }

    /// Whether tests that need the peer should run: the venv exists, or we are in CI (where a
    /// missing venv must fail instead of skipping).
    public static var available: Bool {
        TestEnvironment.isCI || FileManager.default.isExecutableFile(atPath: python.path)
    }

    /// `enode://<128 hex>@127.0.0.1:<port>`.
    public let enode: String
    /// The peer's process id.
    public let pid: Int32

    private let child: ChildProcess
    private let log: P2PTestPeerLog

    /// Starts the peer and waits (at most 30 s) until it listens.
    public init(rpcURL: String, mode: Mode = .normal) throws {
        let python = Self.python
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(description: "p2p venv missing at \(python.path): run `make venv-p2p`")
        }
        let script = TestEnvironment.packageRoot.appendingPathComponent("Tests/Support/p2ppeer/peer.py")
        let child = try ChildProcess(
            executable: python,
            arguments: [script.path, "--rpc", rpcURL, "--mode", mode.rawValue, "--port", "0", "--die-with-parent"],
            captureStderr: true)
        let log = P2PTestPeerLog()
        // The threads hold the log, not self, so that releasing the peer still stops it.
        let stdout = child.stdout.fileHandleForReading, stderr = child.stderr!.fileHandleForReading
        Thread.detachNewThread { log.readStdout(stdout) }
        Thread.detachNewThread { log.readStderr(stderr) }
        guard let enode = log.waitForReady(timeout: 30) else {
            child.stop(grace: 0)
            throw Failure(description: "p2ppeer (\(mode.rawValue)) did not print READY within 30 s "
                + "(exit \(child.process.terminationStatus)); stderr: \(log.stderrTail())")
        }
        self.child = child
        self.log = log
        self.pid = child.pid
        self.enode = enode
    }

    deinit { stop() }

    /// Every event logged so far (peer.py's JSON lines, parsed), oldest first.
    public func events() -> [[String: Any]] { log.snapshot() }

    /// The first event named `name` (and matching `predicate`) logged so far or within
    /// `timeout` seconds; nil if none came.
    public func waitForEvent(
        _ name: String, timeout: Double, where predicate: ([String: Any]) -> Bool = { _ in true }
    ) -> [String: Any]? {
        log.wait(timeout: timeout) { event in (event["event"] as? String) == name && predicate(event) }
    }

    /// Kills the peer and waits until it has exited. Idempotent.
    public func stop() {
        child.stop { log.waitForEOF(timeout: 5) }
    }
}

/// The peer's stdout (READY, then JSON events) and the tail of its stderr, filled by reader threads.
private final class P2PTestPeerLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var enode: String?
    private var events: [[String: Any]] = []
    private var stderr = Data()
    private var stdoutClosed = false
    private var stderrClosed = false

    func readStdout(_ handle: FileHandle) {
        var buffer = Data()
        while let chunk = PipeReader.readSome(handle.fileDescriptor), !chunk.isEmpty {
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                accept(line)
            }
        }
        try? handle.close()
        condition.lock()
        stdoutClosed = true
        condition.broadcast()
        condition.unlock()
    }

    func readStderr(_ handle: FileHandle) {
        while let chunk = PipeReader.readSome(handle.fileDescriptor), !chunk.isEmpty {
            condition.lock()
            stderr.append(chunk)
            if stderr.count > 8192 { stderr.removeFirst(stderr.count - 8192) }
            condition.unlock()
        }
        try? handle.close()
        condition.lock()
        stderrClosed = true
        condition.broadcast()
        condition.unlock()
    }

    private func accept(_ line: String) {
        condition.lock()
        defer { condition.unlock() }
        if enode == nil, line.hasPrefix("READY enode://") {
            enode = String(line.dropFirst("READY ".count))
        } else if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            events.append(object)
        } else {
            events.append(["event": "unparsed", "line": line])
        }
        condition.broadcast()
    }

    func waitForReady(timeout: Double) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while enode == nil && !stdoutClosed && condition.wait(until: deadline) {}
        return enode
    }

    func wait(timeout: Double, for matches: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let event = events.first(where: matches) { return event }
            if stdoutClosed || !condition.wait(until: deadline) { return events.first(where: matches) }
        }
    }

    func waitForEOF(timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        while !stdoutClosed && condition.wait(until: deadline) {}
        condition.unlock()
    }

    func snapshot() -> [[String: Any]] {
        condition.lock()
        defer { condition.unlock() }
        return events
    }

    /// The last 8 KiB of stderr, once the process closed it (or after 2 s).
    func stderrTail() -> String {
        let deadline = Date().addingTimeInterval(2)
        condition.lock()
        defer { condition.unlock() }
        while !stderrClosed && condition.wait(until: deadline) {}
        return String(decoding: stderr, as: UTF8.self)
    }
}
