import Foundation
import SigilTestSupport
import Testing

/// `--timeout S` bounds the whole command, not each request: many requests to a peer that
/// answers each one in 2 s end when S runs out (exit 6, saying so), a lone hung peer costs S,
/// and the time a receipt wait takes (bounded by --wait-timeout) is not counted.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled))
struct CommandTimeoutTests {
    let node: DevNode
    let home: TemporaryDirectory
    var environment: [String: String] { ["SIGIL_HOME": home.url.path] }

    init() throws {
        node = try DevNode()
        home = try TemporaryDirectory()
    }

    /// Runs sigil and returns the result with its wall time.
    func timed(_ arguments: [String]) throws -> (ProcessRunner.Result, Double) {
        let start = Date()
        let r = try CLI.run("sigil", arguments, environment: environment)
        return (r, Date().timeIntervalSince(start))
    }

    @Test("a scan of many requests, each within --timeout, ends when the command's --timeout runs out")
    func wholeCommandDeadline() throws {
        for _ in 0..<6 { _ = try node.rpc("devnode_mine", []) }
        let slow = try FaultPeer(upstream: node, .slow)   // every answer after 2 s
        // Six one-block chunks: 12 s of answers at 2 s each, every one of them within 3 s.
        let scan = ["logs", "--from-block", "1", "--to-block", "6", "--chunk-size", "1", "--no-verify", "--rpc", slow.url]
        let (r, seconds) = try timed(scan + ["--timeout", "3"])
        #expect(r.status == 6, "\(r.stderrText)")
        #expect(r.stderrText.contains("the command's --timeout of 3 s ran out"), "\(r.stderrText)")
        #expect(seconds >= 2.9 && seconds < 6, "took \(seconds) s")

        let (json, _) = try timed(scan + ["--timeout", "3", "--json"])
        let error = try #require((try JSONSerialization.jsonObject(with: json.stderr) as? [String: Any])?["error"] as? [String: Any])
        #expect(error["code"] as? Int == 6 && (error["message"] as? String)?.contains("--timeout of 3 s") == true, "\(json.stderrText)")

        // Without --timeout each request has 10 s: the same scan completes (two chunks keep it short).
        let (whole, _) = try timed(["logs", "--from-block", "1", "--to-block", "2", "--chunk-size", "1", "--no-verify", "--rpc", slow.url])
        #expect(whole.status == 0, "\(whole.stderrText)")
    }

    @Test("a lone hung peer costs --timeout, then exit 6 naming the peer")
    func hungPeerAlone() throws {
        let hung = try FaultPeer(upstream: node, .hang)
        let (r, seconds) = try timed(["balance", "0x000000000000000000000000000000000000dEaD", "--rpc", hung.url, "--timeout", "2"])
        #expect(r.status == 6, "\(r.stderrText)")
        #expect(r.stderrText.contains(hung.url) && r.stderrText.contains("--timeout of 2 s ran out"), "\(r.stderrText)")
        #expect(seconds >= 1.9 && seconds < 4.5, "took \(seconds) s")
    }

    @Test("the receipt wait is bounded by --wait-timeout, not by --timeout")
    func waitIsNotCounted() throws {
        let unknown = "0x" + String(repeating: "ab", count: 32)
        let (r, seconds) = try timed(["receipt", unknown, "--wait", "--wait-timeout", "3", "--timeout", "1", "--rpc", node.url])
        #expect(r.status == 8, "\(r.stderrText)")   // the wait timed out, not the command
        #expect(seconds >= 2.9, "ended after \(seconds) s, before --wait-timeout")
        #expect(!r.stderrText.contains("--timeout of"), "\(r.stderrText)")
    }

    @Test("--timeout must be positive")
    func validation() throws {
        let (r, _) = try timed(["balance", "0x000000000000000000000000000000000000dEaD", "--rpc", node.url, "--timeout", "0"])
        #expect(r.status == 64 && r.stderrText.contains("--timeout must be between 0 and 86400 seconds"), "\(r.stderrText)")
    }
}
