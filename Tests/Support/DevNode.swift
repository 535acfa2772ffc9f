import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A local Ethereum node (Tests/Support/devnode/devnode.py: py-evm via eth-tester) for one test.
///
/// The node listens on a free port of 127.0.0.1, answers JSON-RPC at `url`, and is killed by
/// `stop()` or when the value is released; it also dies with the test process
/// (`--die-with-parent`). Options are devnode.py's, e.g. `["--chain-id", "5", "--delay-ms", "200"]`.
public final class DevNode: LocalRPCServer, @unchecked Sendable {
    /// A failure to start the node, reach it, or read its answer.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A JSON-RPC error answer (`code`, `message`), e.g. -32000 "nonce too low: ...".
    public struct RPCError: Error, CustomStringConvertible {
        public let code: Int
        public let message: String
        public var description: String { "JSON-RPC error \(code): \(message)" }
    }

    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// The node's process id.
    public let pid: Int32

    private let child: ChildProcess

    /// Starts a node and waits until it listens.
    public init(options: [String] = []) throws {
        let (child, url) = try ChildProcess.startServer(script: "devnode.py", arguments: options)
        self.child = child
        self.pid = child.pid
        self.url = url
    }

    deinit { stop() }

    /// Kills the node and waits until it has exited. Idempotent.
    public func stop() {
        child.stop { try? child.stdout.fileHandleForReading.close() }
    }

    /// The number of HTTP requests the node received before this call.
    public func requestCount() throws -> Int {
        guard let count = try rpc("devnode_requestCount", []) as? Int else {
            throw Failure(description: "devnode_requestCount: not an integer")
        }
        return count
    }

    /// How many times `method` was called so far (each call in a batch counts).
    public func methodCount(_ method: String) throws -> Int {
        guard let count = try rpc("devnode_methodCount", [method]) as? Int else {
            throw Failure(description: "devnode_methodCount: not an integer")
        }
        return count
    }
}

/// A JSON-RPC server of the test support (`DevNode`, `FaultPeer`) at `url`: raw POSTs and calls.
public protocol LocalRPCServer {
    /// `http://127.0.0.1:PORT`.
    var url: String { get }
}

extension LocalRPCServer {
    /// POSTs `body` as is; returns the HTTP status and the body (status 0: no HTTP answer within
    /// `timeout` seconds, or the connection failed).
    public func post(_ body: String, timeout: Double = 60) throws -> (status: Int, body: String) {
        let result = try ProcessRunner.run(
            "/usr/bin/curl",
            ["-s", "--max-time", String(timeout), "-H", "Content-Type: application/json", "--data-binary", "@-",
             "-w", "\n%{http_code}", url],
            stdin: Data(body.utf8))
        var text = result.stdoutText
        guard let newline = text.lastIndex(of: "\n") else {
            throw DevNode.Failure(description: "curl gave no status (exit \(result.status)): \(result.stderrText)")
        }
        let status = Int(text[text.index(after: newline)...]) ?? 0
        text = String(text[..<newline])
        return (status, text)
    }

    /// Calls `method` with `params` and returns the `result` (NSNull for null).
    /// Throws `DevNode.RPCError` for an error answer and `DevNode.Failure` for a transport or
    /// format failure.
    public func rpc(_ method: String, _ params: [Any]) throws -> Any {
        let request: [String: Any] = ["jsonrpc": "2.0", "id": 1, "method": method, "params": params]
        let body = try JSONSerialization.data(withJSONObject: request)
        let answer = try post(String(decoding: body, as: UTF8.self))
        guard answer.status == 200 else {
            throw DevNode.Failure(description: "\(method): HTTP \(answer.status): \(answer.body)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] else {
            throw DevNode.Failure(description: "\(method): not a JSON-RPC answer: \(answer.body)")
        }
        if let error = object["error"] as? [String: Any] {
            throw DevNode.RPCError(code: (error["code"] as? Int) ?? 0, message: (error["message"] as? String) ?? "")
        }
        guard let result = object["result"] else {
            throw DevNode.Failure(description: "\(method): answer without result: \(answer.body)")
        }
        return result
    }
}

extension ChildProcess {
    /// Starts `Tests/Support/devnode/<script>` in the venv with `--port 0 --die-with-parent` and
    /// `arguments`, and reads its first stdout line: the URL it prints once it listens.
    static func startServer(script: String, arguments: [String]) throws -> (ChildProcess, String) {
        let python = TestEnvironment.python
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw DevNode.Failure(description: "Python venv missing at \(python.path): run `make venv`")
        }
        let path = TestEnvironment.packageRoot.appendingPathComponent("Tests/Support/devnode").appendingPathComponent(script)
        let child = try ChildProcess(
            executable: python, arguments: [path.path, "--port", "0", "--die-with-parent"] + arguments,
            captureStderr: false)
        let pipe = child.stdout
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = PipeReader.readSome(pipe.fileHandleForReading.fileDescriptor) ?? Data()
            if chunk.isEmpty { break }  // EOF: the script exited
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        guard text.hasPrefix("http://127.0.0.1:") else {
            child.stop { try? pipe.fileHandleForReading.close() }
            throw DevNode.Failure(description: "\(script) did not start (exit \(child.process.terminationStatus)); stdout: \(text)")
        }
        return (child, text)
    }
}
