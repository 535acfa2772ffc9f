import Foundation
import SigilTestSupport
import Testing

/// `sigil logs` against dev nodes: decoded as web3.py decodes the same logs, filtered by address
/// and topic, split into chunks on a node that refuses long ranges (every log once), a progress
/// line only on a terminal.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct LogsCommandTests {
    static let transfer = "Transfer(address indexed from, address indexed to, uint256 value)"
    static let sink = "0x000000000000000000000000000000000000bEEF"
    static let sprays = [4, 12, 7, 19]

    /// A token (minted to dev key 1), sprays to `sink` from key 1 with empty blocks between, and a
    /// Reverter's ValueSet logs; returns the token, the Reverter and the head.
    static func workload(_ node: DevNode) throws -> (token: String, reverter: String, head: Int) {
        let token = try TestContracts.token(on: node)
        let reverter = try TestContracts.deploy(.reverter, on: node)
        for (i, count) in sprays.enumerated() {
            try TestContracts.send("spray", of: .sigilToken, at: token, args: [sink, count], on: node, from: 1)
            try TestContracts.send("setValue", of: .reverter, at: reverter, args: [i + 100], on: node, from: 2)
            _ = try node.rpc("devnode_mine", ["0x9"])
        }
        let head = Int(try #require(try node.rpc("eth_blockNumber", []) as? String).dropFirst(2), radix: 16)!
        return (token, reverter, head)
    }

    static func run(_ node: DevNode, _ arguments: [String]) throws -> ProcessRunner.Result {
        try CLI.run("sigil", ["logs"] + arguments + ["--rpc", node.url])
    }

    /// The JSON Lines of `logs --json`.
    static func lines(_ r: ProcessRunner.Result) throws -> [[String: Any]] {
        try r.stdoutText.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// `{name: value}` of a decoded log, values as plain text (as the oracle gives them).
    static func fields(_ log: [String: Any]) -> [String: String] {
        let fields = ((log["event"] as? [String: Any])?["fields"] as? [[String: Any]]) ?? []
        return Dictionary(uniqueKeysWithValues: fields.compactMap { field in
            guard let name = field["name"] as? String, let value = field["value"] as? String else { return nil }
            return (name, value)
        })
    }

    @Test func decodedLogsMatchWeb3() throws {
        let node = try DevNode()
        let (token, reverter, head) = try Self.workload(node)
        let valueSet = "ValueSet(address indexed setter, uint256 value)"
        let oracle = try #require(PythonOracle.run("chain_call_oracle.py", input: [
            "url": node.url,
            "logs": [["address": token, "event": Self.transfer, "fromBlock": 0, "toBlock": head],
                     ["address": reverter, "event": valueSet, "fromBlock": 0, "toBlock": head]],
        ]) as? [String: Any])
        let expected = try #require(oracle["logs"] as? [[[String: Any]]])
        #expect(expected[0].count == 1 + Self.sprays.reduce(0, +) && expected[1].count == Self.sprays.count)

        for (index, (address, event)) in [(token, Self.transfer), (reverter, valueSet)].enumerated() {
            let r = try Self.run(node, ["--address", address, "--event", event, "--from-block", "0", "--to-block", "latest",
                                        "--chunk-size", "5", "--json"])
            #expect(r.status == 0, "\(r.stderrText)")
            let ours = try Self.lines(r)
            #expect(ours.count == expected[index].count)
            for (log, want) in zip(ours, expected[index]) {
                #expect(log["blockNumber"] as? String == "\(want["blockNumber"]!)" && log["logIndex"] as? String == "\(want["logIndex"]!)")
                #expect(log["transactionHash"] as? String == want["transactionHash"] as? String)
                #expect(Self.fields(log) == (want["args"] as? [String: String]), "\(log)")
                #expect((log["verification"] as? [String: Any])?["verified"] as? Bool == false)
            }
        }

        // Without --event, Transfer is known: decoded with the standard's names; ValueSet is not: raw.
        let known = try Self.lines(try Self.run(node, ["--address", token, "--from-block", "0", "--json"]))
        #expect(known.count == expected[0].count && known.allSatisfy { ($0["event"] as? [String: Any])?["event"] as? String == "Transfer" })
        let unknown = try Self.lines(try Self.run(node, ["--address", reverter, "--from-block", "0", "--json"]))
        #expect(unknown.count == Self.sprays.count && unknown.allSatisfy { $0["event"] is NSNull })

        // Text: one line per log with the event's names; the count and the label on stderr.
        let text = try Self.run(node, ["--address", token, "--event", Self.transfer, "--from-block", "0"])
        let lines = text.stdoutText.split(separator: "\n")
        #expect(lines.count == expected[0].count)
        #expect(lines.last?.contains("Transfer(from: \(TestContracts.devKey1Address), to: \(Self.sink), value: 1)") == true, "\(lines.last ?? "")")
        #expect(text.stderrText.contains("\(expected[0].count) logs") && text.stderrText.contains("verified: NO"))
    }

    @Test func topicsAndAddressesFilter() throws {
        let node = try DevNode()
        let (token, reverter, _) = try Self.workload(node)
        let sinkTopic = "0x" + String(repeating: "0", count: 24) + Self.sink.dropFirst(2).lowercased()
        let toSink = try Self.lines(try Self.run(node, ["--address", token, "--address", reverter, "--topic", "2=" + sinkTopic,
                                                        "--from-block", "0", "--json"]))
        #expect(toSink.count == Self.sprays.reduce(0, +))
        let both = try Self.lines(try Self.run(node, ["--address", token, "--address", reverter, "--from-block", "0", "--json"]))
        #expect(both.count == 1 + Self.sprays.reduce(0, +) + Self.sprays.count)
        let keys = both.map { "\($0["blockNumber"]!)/\($0["logIndex"]!)" }
        #expect(Set(keys).count == keys.count)
        #expect(both.map { Int($0["blockNumber"] as! String)! } == both.map { Int($0["blockNumber"] as! String)! }.sorted())

        #expect(try Self.run(node, ["--topic", "4=" + sinkTopic]).status == 64)
        #expect(try Self.run(node, ["--topic", "1=0x1234"]).status == 65)
        #expect(try Self.run(node, ["--event", "Transfer(address indexed from"]).status == 65)
    }

    @Test func longRangesAreSplitOnANodeThatRefusesThem() throws {
        let limited = try DevNode(options: ["--max-log-range", "6"])
        let (token, _, head) = try Self.workload(limited)
        let whole = try limited.post(#"{"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[{"fromBlock":"0x0","toBlock":"latest"}]}"#)
        #expect(whole.body.contains("-32005"), "the node refuses the whole range: \(whole.body)")
        let r = try Self.run(limited, ["--address", token, "--from-block", "0", "--to-block", String(head), "--chunk-size", "1000", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let logs = try Self.lines(r)
        #expect(logs.count == 1 + Self.sprays.reduce(0, +))
        #expect(Set(logs.map { "\($0["blockHash"]!)/\($0["logIndex"]!)" }).count == logs.count)
    }

    @Test func progressLineOnlyOnATerminal() throws {
        let node = try DevNode()
        let (token, _, _) = try Self.workload(node)
        let home = try TemporaryDirectory()
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil").path
        let out = home.url.appendingPathComponent("logs.out").path
        let terminal = try PseudoTerminal.run(binary, ["logs", "--address", token, "--from-block", "0", "--chunk-size", "10", "--rpc", node.url],
                                              environment: ["PATH": "/usr/bin:/bin", "NO_COLOR": "1"], exchanges: [], stdoutFile: out,
                                              in: home.url.path)
        #expect(terminal.status == 0, "\(terminal.stdoutText)")
        #expect(terminal.stdoutText.contains("scanning blocks 0–"), "\(terminal.stdoutText)")
        #expect(try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count == 1 + Self.sprays.reduce(0, +))
        let piped = try Self.run(node, ["--address", token, "--from-block", "0", "--chunk-size", "10"])
        #expect(!piped.stderrText.contains("scanning"), "\(piped.stderrText)")
    }
}
