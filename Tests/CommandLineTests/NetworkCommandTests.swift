import Foundation
import SigilTestSupport
import Testing

/// `sigil send | broadcast | tx build | balance | chain-id` against real local nodes (py-evm).
/// Each test uses its own funded development key (keys 0x…01 to 0x…0a) and its own data directory.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct NetworkCommandTests {
    /// Nodes are started per test, so each test sees fresh chains. (DevNode starts its process
    /// from ChildProcessLauncher's long-lived thread, so PR_SET_PDEATHSIG no longer forces this.)
    let nodes: [DevNode]
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
        nodes = [try DevNode(), try DevNode()]
    }

    func keyFile(_ n: Int) throws -> String { try devKeyFile(n, in: home) }

    func address(_ n: Int) throws -> String { try devKeyAddress(n, in: home) }

    func run(_ arguments: [String], peers: [DevNode]? = nil, stdin: String = "") throws -> ProcessRunner.Result {
        let urls = (peers ?? [nodes[0]]).flatMap { ["--rpc", $0.url] }
        return try CLI.run("sigil", arguments + urls, stdin: stdin, environment: ["SIGIL_HOME": home.url.path])
    }

    func balance(_ address: String) throws -> Decimal {
        hexDecimal(try nodes[0].rpc("eth_getBalance", [address, "latest"]) as! String)
    }

    func hexDecimal(_ hex: String) -> Decimal {
        hex.dropFirst(2).reduce(Decimal(0)) { $0 * 16 + Decimal(Int(String($1), radix: 16)!) }
    }

    /// Sender pays value + gasUsed × effectiveGasPrice exactly; the recipient gets the value.
    func expectExactTransfer(hash: String, from: String, to: String, value: Decimal, before: (Decimal, Decimal),
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let receipt = try #require(try nodes[0].rpc("eth_getTransactionReceipt", [hash]) as? [String: Any])
        #expect(receipt["status"] as? String == "0x1", sourceLocation: sourceLocation)
        let fee = hexDecimal(receipt["gasUsed"] as! String) * hexDecimal(receipt["effectiveGasPrice"] as! String)
        #expect(try balance(from) == before.0 - value - fee, sourceLocation: sourceLocation)
        #expect(try balance(to) == before.1 + value, sourceLocation: sourceLocation)
    }

    @Test func sendEIP1559AndLegacyMoveExactBalances() throws {
        let from = try address(2), to = try address(9)
        for legacy in [false, true] {
            let before = (try balance(from), try balance(to))
            let r = try run(["send", "--to", to, "--value", "1.25ether", "--private-key-file", try keyFile(2), "--yes", "--wait", "--json"]
                            + (legacy ? ["--legacy"] : []))
            #expect(r.status == 0, "\(r.stderrText)")
            let hash = try #require(try jsonOutput(r)["hash"] as? String)
            try expectExactTransfer(hash: hash, from: from, to: to, value: Decimal(string: "1250000000000000000")!, before: before)
            #expect(r.stderrText.contains("1.25 ether"), "the preview shows the amount")
        }
    }

    /// Types 1 and 4 (and 2 again) through `tx build`-style request files, `sign tx` and `broadcast`.
    @Test func broadcastAccessListAndSetCodeTransactions() throws {
        let from = try address(3), to = try address(8)
        let chain = try CLI.run("sigil", ["chain-id", "--rpc", nodes[0].url]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let nonce = Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))!
        let auth = try CLI.run("sigil", ["sign", "authorization", to, "--chain-id", chain, "--nonce", String(nonce + 2),
                                         "--private-key-file", try keyFile(3), "--json"])
        let authorization = try jsonOutput(auth)
        let requests: [[String: Any]] = [
            ["format": "sigil.unsigned-tx/1", "type": "0x1", "chainId": chain, "nonce": String(nonce), "from": from, "to": to,
             "value": "1000", "data": "0x", "gas": "30000", "gasPrice": "20000000000", "accessList": [["address": to, "storageKeys": ["0x" + String(repeating: "0", count: 64)]]]],
            ["format": "sigil.unsigned-tx/1", "type": "0x4", "chainId": chain, "nonce": String(nonce + 1), "from": from, "to": to,
             "value": "2000", "data": "0x", "gas": "100000", "maxFeePerGas": "20000000000", "maxPriorityFeePerGas": "1000000000", "accessList": [],
             "authorizationList": [["chainId": authorization["chainId"]!, "address": authorization["address"]!, "nonce": authorization["nonce"]!,
                                    "yParity": authorization["yParity"]!, "r": authorization["r"]!, "s": authorization["s"]!]]],
        ]
        for (i, request) in requests.enumerated() {
            let before = (try balance(from), try balance(to))
            let file = home.url.appendingPathComponent("req\(i).json")
            try JSONSerialization.data(withJSONObject: request).write(to: file)
            let signed = home.url.appendingPathComponent("signed\(i).json").path
            let s = try CLI.run("sigil", ["sign", "tx", file.path, "--private-key-file", try keyFile(3), "--json", "-o", signed])
            #expect(s.status == 0, "\(s.stderrText)")
            let b = try run(["broadcast", signed, "--json"])
            #expect(b.status == 0, "\(b.stderrText)")
            let hash = try #require(try jsonOutput(b)["transactionHash"] as? String)
            try expectExactTransfer(hash: hash, from: from, to: to, value: Decimal(i == 0 ? 1000 : 2000), before: before)
        }
    }

    @Test func nodeErrorsBecomeClearMessages() throws {
        let to = try address(9)
        // insufficient funds: a key with no ether
        let poor = try home.file("poor", contents: "0x" + String(repeating: "ab", count: 32))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: poor.path)
        let r1 = try run(["send", "--to", to, "--value", "1ether", "--private-key-file", poor.path, "--yes", "--gas-limit", "21000"])
        #expect(r1.status == 6, "\(r1.stderrText)")
        #expect(r1.stderrText.contains("insufficient funds"))
        // fee below the base fee
        let r2 = try run(["send", "--to", to, "--value", "1wei", "--private-key-file", try keyFile(4), "--yes", "--max-fee", "1wei",
                          "--priority-fee", "1wei"])
        #expect(r2.status == 6)
        #expect(r2.stderrText.contains("max fee per gas less than block base fee"))
        // a gas limit below 21000 is refused before signing
        expectFailure(try run(["send", "--to", to, "--value", "1wei", "--private-key-file", try keyFile(4), "--yes", "--gas-limit", "20000"]),
                      status: 65, message: "gas")
        // nonce too low: a transaction signed for an old nonce
        let first = try run(["send", "--to", to, "--value", "1wei", "--private-key-file", try keyFile(4), "--yes", "--json"])
        #expect(first.status == 0, "\(first.stderrText)")
        let chain = try CLI.run("sigil", ["chain-id", "--rpc", nodes[0].url]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let stale = try home.file("stale.json", contents: """
            {"format":"sigil.unsigned-tx/1","type":"0x2","chainId":"\(chain)","nonce":"0","to":"\(to)","value":"7","data":"0x","gas":"21000","maxFeePerGas":"20000000000","maxPriorityFeePerGas":"1","accessList":[]}
            """)
        let raw = try CLI.run("sigil", ["sign", "tx", stale.path, "--private-key-file", try keyFile(4)]).stdoutText
        let r3 = try run(["broadcast", raw.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(r3.status == 6)
        #expect(r3.stderrText.contains("nonce too low") || r3.stdoutText.contains("nonce too low"), "\(r3.stdoutText) \(r3.stderrText)")
        // a transaction for another chain is refused before it is sent
        let other = try home.file("other.json", contents: """
            {"format":"sigil.unsigned-tx/1","type":"0x2","chainId":"0x1","nonce":"0","to":"\(to)","value":"7","data":"0x","gas":"21000","maxFeePerGas":"20000000000","maxPriorityFeePerGas":"1","accessList":[]}
            """)
        let raw1 = try CLI.run("sigil", ["sign", "tx", other.path, "--private-key-file", try keyFile(4)]).stdoutText
        expectFailure(try run(["broadcast", raw1.trimmingCharacters(in: .whitespacesAndNewlines)]), status: 5, message: "chain")
    }

    @Test func peersFailingInEveryWayAndQuorum() throws {
        let slow = try DevNode(options: ["--delay-ms", "4000"])
        let failing = try DevNode(options: ["--fail-mode", "reject-all"])
        let to = try address(9)
        let start = Date()
        // peers: good, good, slow (past --timeout 1), rejecting, down
        // These peers are separate chains on purpose (same genesis, each mines what it gets), so they
        // cannot agree on a block: this test is about broadcast outcomes, and its reads are unverified.
        var arguments = ["send", "--to", to, "--value", "1wei", "--private-key-file", try keyFile(5), "--yes", "--quorum", "2", "--timeout", "1.5",
                         "--json", "--no-verify", "--rpc", nodes[0].url, "--rpc", nodes[1].url]
        // the slow and failing peers take part only in the broadcast (the reads go to the first peer)
        arguments += ["--rpc", slow.url, "--rpc", failing.url, "--rpc", "http://127.0.0.1:9"]
        let r = try CLI.run("sigil", arguments, environment: ["SIGIL_HOME": home.url.path])
        // The chain check asks every peer: the slow and dead ones cannot answer, which is a warning, not a refusal.
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(Date().timeIntervalSince(start) < 20, "nothing hangs")
        let report = try #require(try jsonOutput(r)["broadcast"] as? [String: Any])
        let outcomes = (report["peers"] as? [[String: Any]] ?? []).map { $0["outcome"] as? String ?? "" }
        #expect(outcomes == ["accepted", "accepted", "timed-out", "rejected", "unreachable"], "\(outcomes)")
        #expect(report["accepted"] as? Int == 2 && report["total"] as? Int == 5)
        // The human table (stderr): a header, then one line per peer in the order given, with its outcome and detail.
        let table = r.stderrText.split(separator: "\n").map(String.init).drop { !$0.hasPrefix("PEER") }
        #expect(table.first?.split(separator: " ", omittingEmptySubsequences: true) == ["PEER", "OUTCOME", "MS", "DETAIL"], "\(r.stderrText)")
        let expected: [(String, String, String)] = [(nodes[0].url, "accepted", ""), (nodes[1].url, "accepted", ""),
                                                    (slow.url, "timed-out", "no answer in time"), (failing.url, "rejected", "txpool is full"),
                                                    ("http://127.0.0.1:9", "unreachable", "refused")]
        for (line, (peer, outcome, detail)) in zip(table.dropFirst(), expected) {
            let columns = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: true).map(String.init)
            #expect(columns.count >= 3 && columns[0] == peer && columns[1] == outcome && Int(columns[2]) != nil, "\(line)")
            #expect(detail.isEmpty ? columns.count == 3 : columns.last?.contains(detail) == true, "\(line)")
        }
        #expect(table.count == 6, "\(r.stderrText)")
        // quorum 3 cannot be met by two good peers
        let r2 = try CLI.run("sigil", ["send", "--to", to, "--value", "1wei", "--private-key-file", try keyFile(5), "--yes", "--quorum", "3",
                                       "--timeout", "1.5", "--no-verify", "--rpc", nodes[0].url, "--rpc", nodes[1].url, "--rpc", failing.url],
                             environment: ["SIGIL_HOME": home.url.path])
        #expect(r2.status == 6)
        #expect(r2.stderrText.contains("only 2 peer(s) accepted"))
    }

    /// Eight `sigil send` processes started at once on one account (the node has no mempool, so a
    /// nonce that overtook its predecessor would be refused): all succeed, with consecutive nonces.
    @Test func eightConcurrentSendsGetConsecutiveNonces() throws {
        let from = try address(6), to = try address(9)
        let start = Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))!
        let key = try keyFile(6)
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil")
        let before = try balance(to)
        var processes: [(Process, URL)] = []
        for i in 0..<8 {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["send", "--to", to, "--value", "\(i + 1)wei", "--private-key-file", key, "--yes", "--json", "--rpc", nodes[0].url]
            process.environment = ["SIGIL_HOME": home.url.path, "PATH": "/usr/bin:/bin"]
            let output = home.url.appendingPathComponent("send\(i).out"), errors = home.url.appendingPathComponent("send\(i).err")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            processes.append((process, output))
        }
        for (process, _) in processes { try process.run() }   // all eight started before any is waited for
        var nonces: [Int] = []
        for (i, (process, output)) in processes.enumerated() {
            process.waitUntilExit()
            let stderr = (try? String(contentsOf: home.url.appendingPathComponent("send\(i).err"), encoding: .utf8)) ?? ""
            #expect(process.terminationReason == .exit && process.terminationStatus == 0, "send \(i): \(stderr)")
            let json = (try? Data(contentsOf: output)).flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [String: Any]
            nonces.append(Int(json?["nonce"] as? String ?? "") ?? -1)
        }
        #expect(nonces.sorted() == Array(start..<start + 8), "\(nonces)")
        #expect(Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))! == start + 8)
        #expect(try balance(to) == before + 36, "1 + 2 + … + 8 wei, each mined once")
    }

    /// `send` needs one batched read and one proof round before it broadcasts: three HTTP requests in all.
    @Test func sendMakesOneReadRequestThenBroadcasts() throws {
        let node = nodes[1]
        _ = try node.rpc("devnode_resetRequestCount", [])
        let r = try run(["send", "--to", try address(9), "--value", "1wei", "--private-key-file", try keyFile(8), "--yes"], peers: [node])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try node.requestCount() == 3, "one read batch + one proof of the nonce and balance + one eth_sendRawTransaction")
    }

    /// The journal commands: list and status show what was signed; bump and cancel refuse the
    /// mined nonce (the local node mines at once); rebroadcast
    /// sends the same bytes again.
    @Test func journalCommands() throws {
        let to = try address(9)
        let sent = try jsonOutput(try run(["send", "--to", to, "--value", "3wei", "--private-key-file", try keyFile(10), "--yes", "--json"]))
        let hash = try #require(sent["hash"] as? String)
        let list = try CLI.run("sigil", ["tx", "list", "--json"], environment: ["SIGIL_HOME": home.url.path])
        let rows = try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]]
        #expect(rows?.map { $0["hash"] as? String } == [hash])
        let status = try CLI.run("sigil", ["tx", "status", hash, "--json"], environment: ["SIGIL_HOME": home.url.path])
        #expect(status.status == 0, "\(status.stderrText)")
        // The record shown is the journal's after the receipt: mined, next to the receipt.
        #expect(try jsonOutput(status)["status"] as? String == "mined")
        #expect(((try jsonOutput(status)["receipt"]) as? [String: Any])?["status"] as? Int == 1)
        // the journal now says mined
        let again = try CLI.run("sigil", ["tx", "list", "--json"], environment: ["SIGIL_HOME": home.url.path])
        #expect((try JSONSerialization.jsonObject(with: again.stdout) as? [[String: Any]])?.first?["status"] as? String == "mined")
        // bump and cancel of a mined nonce are refused before anything is signed: exit 12, naming
        // the mined transaction and its block; nothing reaches the node.
        let sendsBefore = try nodes[0].methodCount("eth_sendRawTransaction")
        for command in ["bump", "cancel"] {
            let refused = try run(["tx", command, hash, "--private-key-file", try keyFile(10), "--yes"])
            expectFailure(refused, status: 12, message: "nonce 0 is already mined: \(hash) in block")
            #expect(refused.stderrText.contains("(status 1, succeeded)"), "\(refused.stderrText)")
        }
        #expect(try nodes[0].methodCount("eth_sendRawTransaction") == sendsBefore)
        expectFailure(try run(["tx", "bump", hash, "--max-fee", "1wei", "--private-key-file", try keyFile(10), "--yes"]), status: 65, message: "minimum")
        // rebroadcast of the mined transaction: the node refuses it ("nonce too low", as geth), its
        // receipt shows it mined, so there is nothing to do: success.
        let rebroadcast = try run(["tx", "rebroadcast", hash])
        #expect(rebroadcast.status == 0, "\(rebroadcast.stderrText)")
        let line = rebroadcast.stdoutText.split(separator: "\n").first { $0.hasPrefix(nodes[0].url) }
        #expect(line?.contains("rejected") == true && line?.contains("nonce too low") == true, "\(rebroadcast.stdoutText)")
        #expect(rebroadcast.stderrText.contains("\(hash) is already mined in block"), "\(rebroadcast.stderrText)")
        // to a peer that never saw it: the same bytes are accepted and mined there, under the same hash.
        let elsewhere = try run(["tx", "rebroadcast", hash, "--json"], peers: [nodes[1]])
        #expect(elsewhere.status == 0, "\(elsewhere.stderrText)")
        let report = try jsonOutput(elsewhere)
        #expect(report["transactionHash"] as? String == hash && report["accepted"] as? Int == 1)
        #expect(((report["peers"] as? [[String: Any]])?.first)?["outcome"] as? String == "accepted")
        #expect((try nodes[1].rpc("eth_getTransactionReceipt", [hash]) as? [String: Any])?["status"] as? String == "0x1")
        expectFailure(try CLI.run("sigil", ["tx", "status", "0x" + String(repeating: "ab", count: 32)], environment: ["SIGIL_HOME": home.url.path]),
                      status: 66, message: "not in the journal")
    }

    /// Cold storage: `tx build` online → `sigil-signer sign` with NO network (a fresh network
    /// namespace via `unshare -n`) → `sigil broadcast` → mined with the expected balances.
    @Test func offlineSignerRoundTrip() throws {
        // `unshare -n` needs CAP_SYS_ADMIN; unprivileged, `unshare -rn` (a user namespace too) does it.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
              let isolation = [["-n"], ["-rn"]].first(where: { (try? ProcessRunner.run("/usr/bin/unshare", $0 + ["/bin/true"]))?.status == 0 })
        else {
            #expect(!TestEnvironment.isCI, "unshare -n or -rn is needed for the offline-signer test")
            return
        }
        let signerBinary = TestEnvironment.binDirectory.appendingPathComponent("sigil-signer").path
        let policy = try home.file("policy.json", contents: #"{"chainIds": ["1337"], "maxValueWei": "5000000000000000000", "allowAuthorizations": true}"#)
        let env = ["SIGIL_HOME": home.url.path]
        func offlineSign(_ request: String, key: String, name: String) throws -> String {
            let out = home.url.appendingPathComponent(name).path
            let r = try ProcessRunner.run("/usr/bin/unshare", isolation + [signerBinary, "sign", request, "--private-key-file", key,
                                                              "--policy", policy.path, "--yes", "--json", "-o", out],
                                          environment: ["SIGIL_HOME": home.url.path, "PATH": "/usr/bin:/bin"])
            #expect(r.status == 0, "\(r.stderrText)")
            return out
        }
        // 1. ether
        let from = try address(1), to = try address(9)
        let before = (try balance(from), try balance(to))
        let request = home.url.appendingPathComponent("pay.json").path
        #expect(try run(["tx", "build", "--from", from, "--to", to, "--value", "2ether", "-o", request]).status == 0)
        let signed = try offlineSign(request, key: try keyFile(1), name: "pay.signed.json")
        let b = try run(["broadcast", signed, "--json"])
        #expect(b.status == 0, "\(b.stderrText)")
        try expectExactTransfer(hash: try #require(try jsonOutput(b)["transactionHash"] as? String), from: from, to: to,
                                value: Decimal(string: "2000000000000000000")!, before: before)
        // 2. an ERC-20 transfer of 12.5 tokens (18 decimals)
        let token = try #require(try nodes[0].rpc("devnode_deployToken", [18]) as? String)
        let tokenRequest = home.url.appendingPathComponent("token.json").path
        #expect(try run(["tx", "build", "--from", from, "--token", token, "--to", to, "--amount", "12.5", "-o", tokenRequest]).status == 0)
        let tokenSigned = try offlineSign(tokenRequest, key: try keyFile(1), name: "token.signed.json")
        #expect(try run(["broadcast", tokenSigned]).status == 0)
        let held = try CLI.run("sigil", ["balance", to, "--token", token, "--json", "--rpc", nodes[0].url], environment: env)
        #expect(try jsonOutput(held)["formatted"] as? String == "12.5")
        // the sender (key 1 holds the whole supply of 1,000,000 tokens) has exactly 12.5 fewer
        let left = try CLI.run("sigil", ["balance", from, "--token", token, "--json", "--rpc", nodes[0].url], environment: env)
        #expect(try jsonOutput(left)["formatted"] as? String == "999987.5")
        #expect(try jsonOutput(left)["balance"] as? String == "999987500000000000000000")
        // 3. a type-4 request with an authorization, signed offline too
        let chain = "1337"
        let nonce = Int(try run(["nonce", from]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines))!
        let auth = try jsonOutput(try CLI.run("sigil", ["sign", "authorization", to, "--chain-id", chain, "--nonce", String(nonce + 1),
                                                        "--private-key-file", try keyFile(1), "--json"]))
        let setCode: [String: Any] = ["format": "sigil.unsigned-tx/1", "type": "0x4", "chainId": chain, "nonce": String(nonce), "from": from, "to": to,
            "value": "5", "data": "0x", "gas": "100000", "maxFeePerGas": "20000000000", "maxPriorityFeePerGas": "1000000000", "accessList": [],
            "authorizationList": [["chainId": auth["chainId"]!, "address": auth["address"]!, "nonce": auth["nonce"]!,
                                   "yParity": auth["yParity"]!, "r": auth["r"]!, "s": auth["s"]!]]]
        let setCodeFile = home.url.appendingPathComponent("setcode.json")
        try JSONSerialization.data(withJSONObject: setCode).write(to: setCodeFile)
        let before4 = (try balance(from), try balance(to))
        let signed4 = try offlineSign(setCodeFile.path, key: try keyFile(1), name: "setcode.signed.json")
        let b4 = try run(["broadcast", signed4, "--json"])
        #expect(b4.status == 0, "\(b4.stderrText)")
        try expectExactTransfer(hash: try #require(try jsonOutput(b4)["transactionHash"] as? String), from: from, to: to,
                                value: 5, before: before4)
    }

    /// A transaction mined with status 0 is a failure with its own exit code (7), never "success".
    @Test func revertedReceiptIsAFailure() throws {
        let token = try #require(try nodes[0].rpc("devnode_deployToken", [6]) as? String)
        // Key 2 holds none of this token: the transfer reverts. --gas-limit skips the (reverting) estimate.
        let r = try run(["send", "--to", try address(9), "--token", token, "--amount", "5", "--gas-limit", "100000",
                         "--private-key-file", try keyFile(2), "--yes", "--wait"])
        #expect(r.status == 7, "\(r.stderrText)")
        #expect(r.stderrText.contains("REVERTED"))
    }
}
