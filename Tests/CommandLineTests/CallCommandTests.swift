import Foundation
import SigilTestSupport
import Testing

/// `sigil call`, `estimate` and `access-list` against a dev node running the test contracts,
/// compared with what web3.py and eth-abi compute for the same node (Tests/Oracles/chain_call_oracle.py);
/// reverts of every kind decoded, exit 7; `send` and `tx build` exit 7 too when the estimate reverts.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct CallCommandTests {
    static let info = "info()(uint256 number, address sink, string label, bool flag)"

    struct Chain {
        let node: DevNode
        let token: String
        let reverter: String
        let home: TemporaryDirectory
        /// The block before the holder sent 5 tokens away.
        let before: Int

        init() throws {
            node = try DevNode()
            home = try TemporaryDirectory()
            token = try TestContracts.token(on: node)
            reverter = try TestContracts.deploy(.reverter, on: node)
            before = Int(try #require(try node.rpc("eth_blockNumber", []) as? String).dropFirst(2), radix: 16)!
            try TestContracts.send("transfer", of: .sigilToken, at: token, args: ["0x000000000000000000000000000000000000bEEF", 5], on: node, from: 1)
        }

        func run(_ arguments: [String], json: Bool = false) throws -> ProcessRunner.Result {
            try CLI.run("sigil", arguments + ["--rpc", node.url] + (json ? ["--json"] : []), environment: ["SIGIL_HOME": home.url.path])
        }

        func calldata(_ function: String, of contract: TestContract, _ args: [Any] = []) throws -> String {
            try TestContracts.calldata(function, of: contract, args: args, on: node)
        }
    }

    /// The `value` texts of `call --json`, read back as plain values (strings are JSON literals).
    static func values(_ r: ProcessRunner.Result) throws -> [String] {
        let rows = try #require(try jsonOutput(r)["values"] as? [[String: Any]], "\(r.stdoutText) \(r.stderrText)")
        return rows.compactMap { row in
            guard let text = row["value"] as? String else { return nil }
            if text.hasPrefix("\"") { return (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) as? String }
            return text
        }
    }

    @Test func callsDecodeAsWeb3Does() throws {
        let chain = try Chain()
        let holder = TestContracts.devKey1Address
        let balanceData = try chain.calldata("balanceOf", of: .sigilToken, [holder])
        let oracle = try #require(PythonOracle.run("chain_call_oracle.py", input: [
            "url": chain.node.url,
            "calls": [
                ["to": chain.token, "data": balanceData, "outputs": ["uint256"]],
                ["to": chain.token, "data": balanceData, "outputs": ["uint256"], "block": chain.before],
                ["to": chain.token, "data": try chain.calldata("name", of: .sigilToken), "outputs": ["string"]],
                ["to": chain.reverter, "data": try chain.calldata("info", of: .reverter), "outputs": ["uint256", "address", "string", "bool"]],
            ],
        ]) as? [String: Any])
        let expected = try #require(oracle["calls"] as? [[Any]]).map { $0.map { "\($0 as? Bool == true ? "true" : $0 as? Bool == false ? "false" : $0)" } }

        let now = try chain.run(["call", chain.token, "balanceOf(address)(uint256)", holder], json: true)
        #expect(now.status == 0, "\(now.stderrText)")
        #expect(try Self.values(now) == expected[0])
        // Verification on: the call ran at the block the peer(s) agree on, named by its hash.
        let head = try #require(try chain.node.rpc("eth_getBlockByNumber", ["latest", false]) as? [String: Any])
        #expect(try jsonOutput(now)["block"] as? String == head["hash"] as? String)
        let unpinned = try chain.run(["call", chain.token, "balanceOf(address)(uint256)", holder, "--no-verify"], json: true)
        #expect(try jsonOutput(unpinned)["block"] as? String == "latest" && (try Self.values(unpinned)) == expected[0])
        let then = try chain.run(["call", chain.token, "balanceOf(address)(uint256)", holder, "--block", String(chain.before)], json: true)
        #expect(try Self.values(then) == expected[1] && expected[0] != expected[1], "the balance before the transfer")
        #expect(try Self.values(try chain.run(["call", chain.token, "name()(string)"], json: true)) == expected[2])
        let info = try chain.run(["call", chain.reverter, Self.info], json: true)
        #expect(try Self.values(info) == expected[3])
        let names = (try jsonOutput(info)["values"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["number", "sink", "label", "flag"])

        // Text: a single value alone on stdout (for scripts), the unverified label on stderr.
        let text = try chain.run(["call", chain.token, "balanceOf(address)(uint256)", holder])
        #expect(text.stdoutText == expected[0][0] + "\n")
        #expect(text.stderrText.contains("verified: NO"))
        // --raw, and --data with no signature: the returned bytes as eth_call gives them.
        let raw = try chain.run(["call", chain.token, "balanceOf(address)(uint256)", holder, "--raw"])
        let direct = try #require(try chain.node.rpc("eth_call", [["to": chain.token, "data": balanceData], "latest"]) as? String)
        #expect(raw.stdoutText == direct + "\n")
        let data = try chain.run(["call", chain.token, "--data", balanceData])
        #expect(data.status == 0 && data.stdoutText == direct + "\n", "\(data.stderrText)")
    }

    @Test func revertsAreDecodedAndExitSeven() throws {
        let chain = try Chain()
        let caller = "0x000000000000000000000000000000000000bEEF"
        let unauthorized = "Unauthorized(address caller, uint256 code)"
        let cases: [(args: [String], data: String)] = [
            (["failWithReason()"], try chain.calldata("failWithReason", of: .reverter)),
            (["failWithPanic(uint256)", "17"], try chain.calldata("failWithPanic", of: .reverter, [17])),
            (["failWithPanic(uint256)", "18"], try chain.calldata("failWithPanic", of: .reverter, [18])),
            (["failWithCustom(uint256,address)", "7", caller], try chain.calldata("failWithCustom", of: .reverter, [7, caller])),
            (["failEmpty()"], try chain.calldata("failEmpty", of: .reverter)),
        ]
        let oracle = try #require(PythonOracle.run("chain_call_oracle.py", input: [
            "url": chain.node.url,
            "reverts": cases.map { ["to": chain.reverter, "data": $0.data, "errors": ["Unauthorized(address,uint256)"]] },
        ]) as? [String: Any])
        let expected = try #require(oracle["reverts"] as? [[String: Any]])
        #expect(expected.map { $0["kind"] as? String } == ["error", "panic", "panic", "custom", "empty"])

        for (test, want) in zip(cases, expected) {
            let r = try chain.run(["call", chain.reverter] + test.args + ["--error-sig", unauthorized])
            #expect(r.status == 7, "\(test.args): \(r.stderrText)")
            #expect(r.stdout.isEmpty)
            let message = r.stderrText
            switch want["kind"] as? String {
            case "error":
                let reason = try #require(want["reason"] as? String)
                #expect(message.contains(reason), "\(message)")
            case "panic":
                let code = try #require((want["code"] as? String).flatMap { Int($0) })
                #expect(message.lowercased().contains("panic") && message.contains("0x" + String(code, radix: 16)), "\(message)")
                // The meaning, in words: 0x11 is arithmetic overflow, 0x12 division by zero.
                #expect(message.lowercased().contains(code == 17 ? "overflow" : "zero"), "\(message)")
            case "custom":
                let args = try #require(want["args"] as? [String])
                #expect(message.contains("Unauthorized") && args.allSatisfy { message.contains($0) }, "\(message)")
            default: #expect(message.contains("no reason"), "\(message)")
            }
            // The same revert from estimate and access-list.
            #expect(try chain.run(["estimate", chain.reverter] + test.args).status == 7)
        }
        // A custom error Sigil cannot name still shows its data (the selector first).
        let unnamed = try chain.run(["call", chain.reverter, "failWithCustom(uint256,address)", "7", caller])
        #expect(unnamed.status == 7 && unnamed.stderrText.contains("0xda472023"), "\(unnamed.stderrText)")
        // --json: the error object, kind "reverted".
        let json = try chain.run(["call", chain.reverter, "failWithReason()"], json: true)
        #expect(json.status == 7 && json.stderrText.contains("\"kind\":\"reverted\"") && json.stderrText.contains("insufficient funds"),
                "\(json.stderrText)")
    }

    @Test func estimateAndAccessListAreTheNodesAnswers() throws {
        let chain = try Chain()
        let setValue = try chain.calldata("setValue", of: .reverter, [5])
        let request: [String: Any] = ["from": TestContracts.devKey1Address, "to": chain.reverter, "data": setValue]
        let gas = try #require(try chain.node.rpc("eth_estimateGas", [request]) as? String)
        let estimate = try chain.run(["estimate", chain.reverter, "setValue(uint256)", "5", "--from", TestContracts.devKey1Address])
        #expect(estimate.status == 0 && estimate.stdoutText == String(Int(gas.dropFirst(2), radix: 16)!) + "\n", "\(estimate.stderrText)")

        let listed = try chain.run(["access-list", chain.reverter, "setValue(uint256)", "5", "--from", TestContracts.devKey1Address], json: true)
        #expect(listed.status == 0, "\(listed.stderrText)")
        let node = try #require(try chain.node.rpc("eth_createAccessList", [request, "latest"]) as? [String: Any])
        let nodeList = try #require(node["accessList"] as? [[String: Any]])
        let ours = try #require(try jsonOutput(listed)["accessList"] as? [[String: Any]])
        #expect(ours.map { ($0["address"] as? String)?.lowercased() } == nodeList.map { ($0["address"] as? String)?.lowercased() })
        #expect(ours.map { $0["storageKeys"] as? [String] } == nodeList.map { $0["storageKeys"] as? [String] })
        #expect(ours.first?["storageKeys"] as? [String] == ["0x" + String(repeating: "0", count: 64)], "the Reverter's value is slot 0")
    }

    @Test func sendAndTxBuildExitSevenWhenTheEstimateReverts() throws {
        let chain = try Chain()
        let key = try devKeyFile(3, in: chain.home)
        let send = try chain.run(["send", "--to", chain.reverter, "--call", "failWithReason()", "--private-key-file", key, "--yes"])
        #expect(send.status == 7 && send.stderrText.contains("insufficient funds"), "\(send.stderrText)")
        let build = try chain.run(["tx", "build", "--from", try devKeyAddress(3, in: chain.home), "--to", chain.reverter,
                                   "--call", "failWithPanic(uint256)", "17"])
        #expect(build.status == 7 && build.stderrText.contains("0x11"), "\(build.stderrText)")
        #expect(build.stdout.isEmpty)
    }

    @Test func badInputIsRefusedBeforeAnyRequest() throws {
        let r1 = try sigil(["call", "0x000000000000000000000000000000000000dEaD", "--rpc", "http://127.0.0.1:9"])
        #expect(r1.status == 64, "neither a signature nor --data: \(r1.stderrText)")
        let r2 = try sigil(["call", "0x000000000000000000000000000000000000dEaD", "f(uint8)(uint8)", "300", "--rpc", "http://127.0.0.1:9"])
        #expect(r2.status == 65, "300 does not fit uint8: \(r2.stderrText)")
        let r3 = try sigil(["call", "0x000000000000000000000000000000000000dEaD", "f()(uint8)", "--rpc", "http://127.0.0.1:9"])
        #expect(r3.status == 6, "no peer: \(r3.stderrText)")
    }

    @Test func jsonMatchesTheDocumentedSchema() throws {
        let docs = try NetworkSchemaDocs.load()
        let chain = try Chain()
        func check(_ row: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try chain.run(arguments, json: true)
            #expect(r.status == 0, "\(arguments): \(r.stderrText)", sourceLocation: sourceLocation)
            let problems = try docs.check(try JSONSerialization.jsonObject(with: r.stdout), row: row, flags: [])
            #expect(problems.isEmpty, "\(row): \(problems)", sourceLocation: sourceLocation)
        }
        try check("`call`", ["call", chain.reverter, Self.info])
        try check("`estimate`", ["estimate", chain.reverter, "setValue(uint256)", "1"])
        try check("`access-list`", ["access-list", chain.reverter, "setValue(uint256)", "1"])
        try TestContracts.send("spray", of: .sigilToken, at: chain.token, args: ["0x000000000000000000000000000000000000bEEF", 3], on: chain.node, from: 1)
        let logs = try chain.run(["logs", "--address", chain.token, "--from-block", "0"], json: true)
        #expect(logs.status == 0, "\(logs.stderrText)")
        let lines = logs.stdoutText.split(separator: "\n")
        #expect(lines.count == 5, "the mint, the transfer and 3 sprayed Transfers: \(logs.stdoutText)")
        for line in lines {
            let problems = try docs.check(try JSONSerialization.jsonObject(with: Data(line.utf8)), row: "`logs`", flags: [])
            #expect(problems.isEmpty, "logs: \(problems)")
        }
    }
}
