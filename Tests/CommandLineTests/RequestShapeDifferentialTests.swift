import Foundation
import SigilTestSupport
import Testing

/// 500 random transactions of types 0–4 (type 3 without blobs) from eth-account, each handed
/// over in the five request shapes (Sigil's file, a JSON-RPC object, eth-account's dict as
/// JSON with JSON numbers, cast's --raw-unsigned hex, the unsigned bytes), signed by
/// `sigil sign tx` and by `sigil-signer sign` without --from (the keystore account of the
/// request's "from"; the hex and the bytes state none, so a key file): the raw transactions
/// must be byte-identical to eth-account's.
///
/// The cost is bounded: one Python run writes every case; `sigil sign tx --batch` signs each
/// text shape's 500 lines in one run; the byte shape takes one `sign tx` run per transaction,
/// and `sigil-signer sign` (which has no batch mode) one run per transaction and shape (2,500
/// runs), eight runs at a time.
/// The keystore account is written by eth-account (pbkdf2, one iteration, so 500 unlocks
/// cost little).
@Suite(.enabled(if: TestEnvironment.oraclesEnabled)) struct RequestShapeDifferentialTests {
    static let key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    static let count = 500

    @Test func fiveShapesSignByteIdenticalToEthAccount() throws {
        let dir = try TemporaryDirectory()
        let folder = dir.url.path
        let seed = String(SeededGenerator.seedFromEnvironment("SIGIL_TEST_SEED"))
        let environment = ["SIGIL_HOME": folder + "/home", "SIGIL_PASSWORD": "differential-password"]
        try FileManager.default.createDirectory(atPath: folder + "/home/keystore", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let made = try PythonOracle.run("request_shapes.py", input: [
            "count": Self.count, "seed": seed, "key": Self.key, "types": [0, 1, 2, 3, 4], "dir": folder,
            "keystore": folder + "/home/keystore/signer", "password": "differential-password",
        ] as [String: Any]) as? [String: Any]
        #expect(made?["count"] as? Int == Self.count, "seed \(seed)")
        let expected = try String(contentsOfFile: folder + "/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(expected.count == Self.count)
        let keyFile = try dir.file("key.hex", contents: Self.key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        // `sigil sign tx --batch`: the four text shapes, 500 lines each, one run per shape.
        for shape in ["sigil.jsonl", "rpc.jsonl", "ethAccount.jsonl", "rawUnsigned.txt"] {
            let r = try CLI.run("sigil", ["sign", "tx", "--batch", folder + "/" + shape, "--private-key-file", keyFile.path],
                                environment: environment)
            #expect(r.status == 0, "\(shape): \(r.stderrText)")
            let lines = r.stdoutText.split(separator: "\n").map(String.init)
            #expect(lines.count == Self.count, "\(shape)")
            for (index, (line, want)) in zip(lines, expected).enumerated() where line != want {
                Issue.record("sign tx --batch \(shape) line \(index + 1) differs from eth-account (seed \(seed))")
            }
        }

        // One request per run: `sign tx` of the bytes, and `sigil-signer sign` without --from in
        // each of the five shapes: the keystore account of the request's "from" for the JSON
        // shapes; the hex and the bytes state no "from", so they get the key file.
        let policy = try dir.file("policy.json", contents: #"{"allowAuthorizations": true, "allowContractCreation": true}"#)
        let shapes = ["sigil", "rpc", "ethAccount", "rawUnsigned", "bin"]
        let mismatches = Mismatches()
        let done = DispatchGroup()
        let workers = 8   // the runs wait mostly on the audit log's fsync, not on the CPU
        for worker in 0..<workers {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                for index in stride(from: worker, to: Self.count, by: workers) {
                    let bytes = "\(folder)/unsigned-\(index).bin"
                    var runs: [(String, [String])] = [("sigil", ["sign", "tx", bytes, "--private-key-file", keyFile.path])]
                    for shape in shapes {
                        let file = shape == "bin" ? bytes : "\(folder)/\(index).\(shape)"
                        let key = shape == "rawUnsigned" || shape == "bin" ? ["--private-key-file", keyFile.path] : []
                        runs.append(("sigil-signer", ["sign", file, "--policy", policy.path, "--audit-log", "\(folder)/audit-\(worker).jsonl"] + key))
                    }
                    for (tool, arguments) in runs {
                        let result = try? CLI.run(tool, arguments, environment: environment)
                        let raw = result?.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
                        if raw != expected[index] {
                            mismatches.add("\(tool) \(arguments[1]) #\(index): \(result?.stderrText ?? "did not run")")
                        }
                    }
                }
            }
        }
        done.wait()
        let failed = mismatches.all
        #expect(failed.isEmpty, "seed \(seed): \(failed.count) differ, first: \(failed.prefix(3))")
    }
}

/// The mismatches the worker threads find.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []

    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
