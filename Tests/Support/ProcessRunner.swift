import Foundation

/// Runs a program to completion with the given stdin, capturing stdout, stderr and the exit status.
public enum ProcessRunner {
    public struct Result: Sendable {
        public let status: Int32
        public let stdout: Data
        public let stderr: Data
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
        public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
    }

    public static func run(
        _ executable: String, _ arguments: [String], stdin: Data = Data(),
        environment: [String: String]? = nil, currentDirectory: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let inPipe = Pipe(), outPipe = Pipe(), errPipe = Pipe()
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        // Feed stdin and drain both outputs concurrently so that no pipe buffer fills up.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        DispatchQueue.global().async(group: group) { out = PipeReader.readToEnd(outPipe.fileHandleForReading.fileDescriptor) }
        DispatchQueue.global().async(group: group) { err = PipeReader.readToEnd(errPipe.fileHandleForReading.fileDescriptor) }
        DispatchQueue.global().async(group: group) {
            if !stdin.isEmpty { try? inPipe.fileHandleForWriting.write(contentsOf: stdin) }
            try? inPipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: out, stderr: err)
    }
}

/// Reads a pipe with read(2), retrying on EINTR. Foundation's readDataToEndOfFile and
/// availableData trap (`try!`) when a read is interrupted by a signal, which happens at random
/// while many child processes exit at once.
public enum PipeReader {
    public static func readToEnd(_ fd: Int32) -> Data {
        var data = Data()
        while let chunk = readSome(fd), !chunk.isEmpty { data.append(chunk) }
        return data
    }

    /// One read of up to 64 KiB: empty at end of file, nil on an error other than EINTR.
    public static func readSome(_ fd: Int32) -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n >= 0 { return Data(buffer[0..<n]) }
            if errno != EINTR { return nil }
        }
    }
}

/// Runs the built `sigil` / `sigil-signer` binaries, as a user would.
public enum CLI {
    /// Runs `tool` (e.g. "sigil") from the build directory with `arguments`.
    /// The environment is minimal and deterministic unless `environment` adds to it.
    public static func run(
        _ tool: String, _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) throws -> ProcessRunner.Result {
        var env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"]
        if let home = ProcessInfo.processInfo.environment["HOME"] { env["HOME"] = home }
        for (k, v) in environment { env[k] = v }
        let path = TestEnvironment.binDirectory.appendingPathComponent(tool).path
        return try ProcessRunner.run(path, arguments, stdin: Data(stdin.utf8), environment: env, currentDirectory: currentDirectory)
    }
}

/// A temporary directory removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sigil-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    public func file(_ name: String, contents: String) throws -> URL {
        let f = url.appendingPathComponent(name)
        try Data(contents.utf8).write(to: f)
        return f
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}
