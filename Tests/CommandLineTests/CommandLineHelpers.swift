import Foundation
import SigilTestSupport
import Testing

/// Private key 1, a well-known test key (never holds funds).
let keyOneHex = "0x0000000000000000000000000000000000000000000000000000000000000001"
let keyOneAddress = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"
let keyOnePublicKey = "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"

/// Runs `sigil` with arguments and optional stdin.
func sigil(_ arguments: String..., stdin: String = "", environment: [String: String] = [:]) throws -> ProcessRunner.Result {
    try CLI.run("sigil", arguments, stdin: stdin, environment: environment)
}

func signer(_ arguments: String..., stdin: String = "") throws -> ProcessRunner.Result {
    try CLI.run("sigil-signer", arguments, stdin: stdin)
}

/// Checks a failure: the exit code, nothing on stdout, and exactly one line on stderr with the expected text.
func expectFailure(_ result: ProcessRunner.Result, status: Int32, message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == status, "exit status; stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stdoutText.isEmpty, "stdout must be empty on failure", sourceLocation: sourceLocation)
    let lines = result.stderrText.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    #expect(lines.count == 1, "one line on stderr, got: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stderrText.contains(message), "stderr \(result.stderrText) lacks \(message)", sourceLocation: sourceLocation)
}

/// The parsed JSON document on stdout.
func jsonOutput(_ result: ProcessRunner.Result) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: result.stdout)
    return try #require(object as? [String: Any])
}

/// Writes development key `n` (the private key 0x…n, 64 hex digits) to `key<n>` in `home` with
/// mode 0600, as `--private-key-file` requires; returns its path.
func devKeyFile(_ n: Int, in home: TemporaryDirectory) throws -> String {
    let file = try home.file("key\(n)", contents: String(format: "0x%064x", n))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    return file.path
}

/// The address of development key `n`, as `sigil key inspect` reports it.
func devKeyAddress(_ n: Int, in home: TemporaryDirectory) throws -> String {
    let r = try CLI.run("sigil", ["key", "inspect", "--private-key-file", try devKeyFile(n, in: home), "--json"])
    return try #require(try jsonOutput(r)["address"] as? String)
}
