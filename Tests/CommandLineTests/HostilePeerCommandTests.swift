import Foundation
import SigilTestSupport
import Testing

/// Every command that talks to peers, against every way a peer can fail (Tests/Support/devnode/
/// faultpeer.py): hang, reset, garbage, a 100 MB body, a wrong chain id, dropped transactions,
/// ANSI escapes in its errors, 2 s slowness. Each fault peer is used alone and listed first
/// beside an honest peer. Every run must end in bounded time (reported), with the expected exit
/// code, with no escape byte on the terminal, and beside an honest peer with the honest answer.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled))
struct HostilePeerCommandTests {
    /// `--timeout`, the whole command's deadline: 3 s, but 14 s for the slow peer alone, whose
    /// every answer takes 2 s and whose commands need several round trips.
    static func timeout(_ fault: Fault, alone: Bool) -> String { fault == .slow && alone ? "14" : "3" }
    /// A run alone must end within its --timeout and this much more (start-up, the watchdog's 1 s).
    static let aloneMargin = 2.5
    /// Beside an honest peer, a faulty one may cost a short grace, never its timeout.
    static let besideBound = 2.5

    enum Fault: String, CaseIterable {
        case hang, reset, garbage, huge, wrongChain = "wrong-chain", drop, ansi, slow
        var mode: FaultPeer.Mode { FaultPeer.Mode(rawValue: rawValue)! }
        /// The peer fails every request: alone, nothing can be read or sent.
        var answersNothing: Bool { [.hang, .reset, .garbage, .huge].contains(self) }
    }

    /// A command under test: its arguments, and the exit code expected with the faulty peer
    /// alone and beside an honest one (nil: the rule of `defaultStatus`).
    struct Row {
        let name: String
        let arguments: [String]
        var alone: [Fault: Int32] = [:]
        var beside: [Fault: Int32] = [:]
        /// Whether stdout must equal the honest peer's (reads); sends print new hashes.
        var sameAnswer = true
    }

    static func defaultStatus(_ fault: Fault, alone: Bool) -> Int32 {
        alone && fault.answersNothing ? 6 : 0
    }

    @Test func everyCommandAgainstEveryFault() throws {
        let node = try DevNode()
        let home = try TemporaryDirectory()
        let environment = ["SIGIL_HOME": home.url.path]
        let key = try devKeyFile(4, in: home), from = try devKeyAddress(4, in: home)
        let to = try devKeyAddress(9, in: home)
        // A mined transaction for `tx status` and a signed one for `broadcast` (nonce far ahead, so
        // a broadcast never mines it: each run may send it again and be accepted).
        let sent = try CLI.run("sigil", ["send", "--to", to, "--value", "1wei", "--private-key-file", try devKeyFile(5, in: home),
                                         "--yes", "--json", "--rpc", node.url], environment: environment)
        #expect(sent.status == 0, "\(sent.stderrText)")
        let minedHash = try #require(try JSONSerialization.jsonObject(with: sent.stdout) as? [String: Any])["hash"] as! String
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let faults = try Dictionary(uniqueKeysWithValues: Fault.allCases.map { ($0, try FaultPeer(upstream: node.url, modes: [$0.mode])) })

        // Each send pays a new amount: a send refused by every peer is journaled as refused, and
        // the same bytes again would (rightly) be refused as a repeat.
        let send = ["send", "--to", to, "--private-key-file", key, "--yes", "--chain-id", "1337"]
        let rows: [Row] = [
            Row(name: "chain-id", arguments: ["chain-id"], beside: [.wrongChain: 6], sameAnswer: false),
            Row(name: "balance", arguments: ["balance", to]),
            Row(name: "nonce", arguments: ["nonce", from]),
            Row(name: "fees", arguments: ["fees"], sameAnswer: false),
            Row(name: "tx status", arguments: ["tx", "status", minedHash]),
            Row(name: "receipt", arguments: ["receipt", minedHash]),
            Row(name: "tx show", arguments: ["tx", "show", minedHash]),
            Row(name: "block-number", arguments: ["block-number"]),
            Row(name: "block", arguments: ["block", "1"]),
            Row(name: "code", arguments: ["code", token]),
            Row(name: "storage", arguments: ["storage", token, "0x0"]),
            Row(name: "rpc", arguments: ["rpc", "eth_getBalance", to, "latest"], sameAnswer: false),
            Row(name: "call", arguments: ["call", token, "balanceOf(address)(uint256)", to]),
            Row(name: "estimate", arguments: ["estimate", token, "transfer(address,uint256)", to, "0", "--from", keyOneAddress]),
            Row(name: "access-list", arguments: ["access-list", token, "balanceOf(address)(uint256)", to], sameAnswer: false),
            Row(name: "logs", arguments: ["logs", "--address", token, "--from-block", "0", "--to-block", "3"]),
            Row(name: "tx build", arguments: ["tx", "build", "--from", from, "--to", to, "--value", "1wei", "--chain-id", "1337"],
                alone: [.wrongChain: 5], beside: [.wrongChain: 5], sameAnswer: false),
            Row(name: "send", arguments: send, alone: [.wrongChain: 5, .ansi: 6], beside: [.wrongChain: 5], sameAnswer: false),
        ]
        var report: [String] = []
        var amount = 0
        func arguments(_ row: Row) -> [String] {
            guard row.name == "send" else { return row.arguments }
            amount += 1
            return row.arguments + ["--value", "\(amount)wei"]
        }
        /// The answer itself: the first line (later lines name the peers that agreed).
        func answer(_ r: ProcessRunner.Result) -> String { String(r.stdoutText.split(separator: "\n").first ?? "") }
        for row in rows {
            let honest = try CLI.run("sigil", arguments(row) + ["--rpc", node.url, "--timeout", "3"], environment: environment)
            #expect(honest.status == 0, "\(row.name) against the honest node: \(honest.stderrText)")
            for fault in Fault.allCases {
                let peer = faults[fault]!.url
                for alone in [true, false] {
                    let peers = alone ? ["--rpc", peer] : ["--rpc", peer, "--rpc", node.url, "--agree", "1"]
                    let start = Date()
                    let timeout = Self.timeout(fault, alone: alone)
                    let r = try CLI.run("sigil", arguments(row) + peers + ["--timeout", timeout], environment: environment)
                    let seconds = Date().timeIntervalSince(start)
                    let label = "\(row.name) \(alone ? "alone with" : "beside honest,") \(fault.rawValue)"
                    report.append(String(format: "%-40@ exit %3d  %6.2f s", label as NSString, r.status, seconds))
                    let expected = (alone ? row.alone[fault] : row.beside[fault]) ?? Self.defaultStatus(fault, alone: alone)
                    #expect(r.status == expected, "\(label): exit \(r.status), expected \(expected): \(r.stderrText.prefix(600))")
                    #expect(seconds < (alone ? Double(timeout)! + Self.aloneMargin : Self.besideBound), "\(label) took \(seconds) s")
                    #expect(!r.stdout.contains(0x1B) && !r.stderr.contains(0x1B), "\(label): an escape byte reached the terminal")
                    if r.status != 0 {
                        #expect(!r.stderrText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(label): a failure says why")
                    }
                    if !alone, expected == 0, row.sameAnswer {
                        #expect(answer(r) == answer(honest), "\(label): not the honest answer:\n\(r.stdoutText)\nvs\n\(honest.stdoutText)")
                    }
                }
            }
        }
        print("HostilePeerCommandTests (--timeout 3; 14 for the slow peer alone):\n" + report.joined(separator: "\n"))
    }
}
