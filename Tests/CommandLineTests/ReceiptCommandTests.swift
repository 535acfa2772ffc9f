import Foundation
import SigilTestSupport
import Testing

/// `sigil receipt`, `sigil tx show` and `sigil broadcast --wait` against the dev node, on
/// transactions sent by eth-account + web3.py (Tests/Oracles/web3_chain.py), not by Sigil; the
/// answers are compared with what web3.py reads from the same node.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ReceiptCommandTests {
    let node: DevNode
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
        node = try DevNode()
    }

    static let keyTwoAddress = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"

    func run(_ arguments: [String], peers: [String]? = nil) throws -> ProcessRunner.Result {
        try CLI.run("sigil", arguments + (peers ?? [node.url]).flatMap { ["--rpc", $0] }, environment: ["SIGIL_HOME": home.url.path])
    }

    /// Runs ops through the web3.py oracle against the node.
    func web3(_ ops: [[String: Any]]) throws -> [Any] {
        try #require(try PythonOracle.run("web3_chain.py", input: ["url": node.url, "ops": ops]) as? [Any])
    }

    /// ERC-20 `transfer(to, amount)` calldata.
    func transferData(to: String, amount: Int) -> String {
        "0xa9059cbb" + String(repeating: "0", count: 24) + to.dropFirst(2).lowercased() + String(format: "%064x", amount)
    }

    /// A token transfer sent by web3.py from key `key` (key 1 holds the whole supply).
    func tokenTransfer(from key: Int, token: String, amount: Int) throws -> String {
        try #require(try web3([["op": "send", "key": key, "to": token, "value": 0, "data": transferData(to: Self.keyTwoAddress, amount: amount),
                                "gas": 100_000]]).first as? String)
    }

    @Test("a web3.py transaction's receipt: status, gas, price, fee and logs equal web3.py's; proved, or labelled with --no-verify")
    func receiptMatchesWeb3() throws {
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let hash = try tokenTransfer(from: 1, token: token, amount: 7)
        let expected = try #require(try web3([["op": "receipt", "hash": hash]]).first as? [String: Any])

        let r = try run(["receipt", hash, "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let receipt = try jsonOutput(r)
        for key in ["gasUsed", "effectiveGasPrice", "feeWei", "blockNumber", "blockHash", "from", "to"] {
            #expect(receipt[key] as? String == expected[key] as? String, "\(key): \(receipt[key] ?? "nil") vs \(expected[key] ?? "nil")")
        }
        #expect(receipt["status"] as? Int == 1 && expected["status"] as? Int == 1)
        #expect(receipt["contractAddress"] is NSNull)
        let logs = try #require(receipt["logs"] as? [[String: Any]]), expectedLogs = try #require(expected["logs"] as? [[String: Any]])
        #expect(logs.count == 1 && logs.count == expectedLogs.count)
        for (log, want) in zip(logs, expectedLogs) {
            #expect((log["address"] as? String)?.lowercased() == (want["address"] as? String)?.lowercased())
            #expect(log["topics"] as? [String] == want["topics"] as? [String])
            #expect(log["data"] as? String == want["data"] as? String)
            // A known event: decoded (ERC-20 Transfer from key 1 to key 2 of 7 units).
            let event = try #require(log["event"] as? [String: Any])
            #expect(event["event"] as? String == "Transfer" && event["standard"] as? String == "ERC-20")
            let values = ((event["fields"] as? [[String: Any]]) ?? []).map { ($0["value"] as? String)?.lowercased() }
            #expect(values == [keyOneAddress.lowercased(), Self.keyTwoAddress.lowercased(), "7"], "\(values)")
        }
        let verification = try #require(receipt["verification"] as? [String: Any])
        #expect(verification["verified"] as? Bool == true)
        #expect(verification["proved"] as? String == "transaction in transactionsRoot and receipt in receiptsRoot")

        let text = try run(["receipt", hash])
        #expect(text.status == 0)
        let feeText = try #require(expected["feeWei"] as? String)
        let fee = try #require(Decimal(string: feeText))
        let ether = (fee / pow(Decimal(10), 18)).description
        #expect(text.stdoutText.contains("fee paid             \(ether) ether"), "\(text.stdoutText)")
        #expect(text.stdoutText.contains("status               1 (success)"))
        #expect(text.stdoutText.contains("  event              Transfer(from: "), "\(text.stdoutText)")

        let unverified = try jsonOutput(try run(["receipt", hash, "--json", "--no-verify"]))
        #expect((unverified["verification"] as? [String: Any])?["reason"] as? String == "--no-verify")
        #expect(unverified["feeWei"] as? String == expected["feeWei"] as? String)

        // Already mined: --wait returns at once, with the confirmations it counted.
        let waited = try jsonOutput(try run(["receipt", hash, "--wait", "--json"]))
        #expect(waited["confirmations"] as? String == "1" && waited["blockHash"] as? String == expected["blockHash"] as? String)
    }

    @Test("a reverted receipt is printed, then exits 7, with and without --wait")
    func revertedReceiptExitsSeven() throws {
        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let hash = try tokenTransfer(from: 3, token: token, amount: 1)   // key 3 holds no tokens: transfer reverts
        let expected = try #require(try web3([["op": "receipt", "hash": hash]]).first as? [String: Any])
        #expect(expected["status"] as? Int == 0)
        for extra in [[], ["--wait"]] {
            let r = try run(["receipt", hash, "--json"] + extra)
            #expect(r.status == 7, "\(r.stderrText)")
            let receipt = try jsonOutput(r)
            #expect(receipt["status"] as? Int == 0)
            #expect(receipt["gasUsed"] as? String == expected["gasUsed"] as? String)
            #expect(r.stderrText.contains("REVERTED"))
        }
    }

    @Test("--wait on a hash no peer knows exits 8 within the timeout; without --wait it exits 66")
    func waitTimesOut() throws {
        let unknown = "0x" + String(repeating: "ab", count: 32)
        let start = Date()
        let r = try run(["receipt", unknown, "--wait", "--wait-timeout", "1.5"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(r.status == 8, "\(r.stderrText)")
        #expect(elapsed >= 1.5 && elapsed < 6, "\(elapsed) s")
        #expect(r.stderrText.contains("within 1.5 s"), "\(r.stderrText)")
        let now = try run(["receipt", unknown])
        #expect(now.status == 66 && now.stderrText.contains("not mined"), "\(now.stderrText)")
        let bad = try run(["receipt", "0x1234"])
        #expect(bad.status == 65, "\(bad.stderrText)")
    }

    @Test("--confirmations N waits until N blocks hold the receipt (blocks mined while it waits)")
    func waitsForConfirmations() throws {
        let hash = try #require(try web3([["op": "send", "key": 4, "to": Self.keyTwoAddress, "value": 1]]).first as? String)
        // Not enough within the timeout: exit 8.
        let short = try run(["receipt", hash, "--wait", "--confirmations", "3", "--wait-timeout", "1"])
        #expect(short.status == 8, "\(short.stderrText)")
        // Two blocks mined a second into the wait: 3 confirmations.
        let node = self.node
        let miner = Thread { Thread.sleep(forTimeInterval: 1); _ = try? node.rpc("devnode_mine", ["0x2"]) }
        miner.start()
        let start = Date()
        let r = try run(["receipt", hash, "--wait", "--confirmations", "3", "--wait-timeout", "30", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(Date().timeIntervalSince(start) >= 0.9)
        #expect(try jsonOutput(r)["confirmations"] as? String == "3")
    }

    @Test("a receipt in a shape Sigil cannot parse is an error naming the field (exit 6), never pending")
    func unparseableReceiptNamesTheField() throws {
        let hash = try #require(try web3([["op": "send", "key": 5, "to": Self.keyTwoAddress, "value": 1]]).first as? String)
        let broken = try FaultPeer(upstream: node, .badReceipt)
        for extra in [[], ["--wait", "--wait-timeout", "20"], ["--no-verify"]] {
            let start = Date()
            let r = try run(["receipt", hash] + extra, peers: [broken.url])
            #expect(r.status == 6, "\(extra): \(r.stderrText)")
            #expect(r.stderrText.contains("gasUsed") && r.stderrText.contains(broken.url), "\(r.stderrText)")
            #expect(!r.stderrText.contains("pending"))
            #expect(Date().timeIntervalSince(start) < 10)
        }
    }

    @Test("tx show: a web3.py transaction decoded locally; its sender equals what eth-account recovers and the node says")
    func txShowMatchesEthAccount() throws {
        let hash = try #require(try web3([["op": "send", "key": 6, "to": Self.keyTwoAddress, "value": 12345]]).first as? String)
        let expected = try #require(try web3([["op": "tx", "hash": hash]]).first as? [String: Any])
        #expect(expected["recovered"] as? String == expected["from"] as? String)
        for extra in [[], ["--no-verify"]] {
            let r = try run(["tx", "show", hash, "--json"] + extra)
            #expect(r.status == 0, "\(r.stderrText)")
            let shown = try jsonOutput(r)
            #expect(shown["hash"] as? String == hash)
            #expect(shown["from"] as? String == expected["recovered"] as? String)
            #expect(shown["nonce"] as? String == expected["nonce"] as? String)
            #expect(shown["value"] as? String == expected["value"] as? String)
            #expect(shown["to"] as? String == expected["to"] as? String)
            #expect(shown["blockNumber"] is String && shown["transactionIndex"] as? Int == 0)
            #expect((shown["verification"] as? [String: Any])?["verified"] as? Bool == extra.isEmpty)
        }
        let text = try run(["tx", "show", hash])
        let recovered = try #require(expected["recovered"] as? String)
        #expect(text.stdoutText.contains("from                  \(recovered)"), "\(text.stdoutText)")
    }

    @Test("tx show: a peer whose from contradicts the signature is named and the command exits 3")
    func txShowSenderMismatch() throws {
        let hash = try #require(try web3([["op": "send", "key": 7, "to": Self.keyTwoAddress, "value": 1]]).first as? String)
        let liar = try FaultPeer(upstream: node, .wrongFrom)
        for peers in [[liar.url], [node.url, liar.url]] {
            for extra in [[], ["--no-verify"]] {
                let r = try run(["tx", "show", hash] + extra, peers: peers)
                #expect(r.status == 3, "\(peers) \(extra): \(r.stderrText)")
                #expect(r.stdout.isEmpty)
                #expect(r.stderrText.contains("peer \(liar.url) says it is from"), "\(r.stderrText)")
            }
        }
        let unknown = try run(["tx", "show", "0x" + String(repeating: "cd", count: 32)])
        #expect(unknown.status == 66, "\(unknown.stderrText)")
    }

    @Test("broadcast --wait: a transaction signed by eth-account is sent, proved mined as web3.py sees it; a reverting one exits 7")
    func broadcastWaits() throws {
        let signed = try #require(try web3([["op": "sign", "key": 8, "to": Self.keyTwoAddress, "value": 99]]).first as? [String: Any])
        let raw = try #require(signed["raw"] as? String)
        let r = try run(["broadcast", raw, "--wait", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let out = try jsonOutput(r)
        let signedHash = try #require(signed["hash"] as? String)
        let expected = try #require(try web3([["op": "receipt", "hash": signedHash]]).first as? [String: Any])
        #expect(out["transactionHash"] as? String == signed["hash"] as? String)
        #expect(out["status"] as? String == "mined" && out["blockNumber"] as? String == expected["blockNumber"] as? String)
        #expect(out["gasUsed"] as? String == expected["gasUsed"] as? String)
        #expect((out["verification"] as? [String: Any])?["verified"] as? Bool == true)

        let token = try #require(try node.rpc("devnode_deployToken", [18]) as? String)
        let failing = try #require(try web3([["op": "sign", "key": 9, "to": token, "value": 0,
                                              "data": transferData(to: Self.keyTwoAddress, amount: 1), "gas": 100_000]]).first as? [String: Any])
        let failingRaw = try #require(failing["raw"] as? String)
        let reverted = try run(["broadcast", failingRaw, "--wait", "--wait-timeout", "20"])
        #expect(reverted.status == 7, "\(reverted.stderrText)")
        #expect(reverted.stderrText.contains("REVERTED"))
    }
}
