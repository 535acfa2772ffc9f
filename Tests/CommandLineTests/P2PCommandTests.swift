import Foundation
import SigilTestSupport
import Testing

/// `sigil p2p ping`, `send --peer` and `broadcast --peer` against an independent devp2p peer
/// (trinity's RLPx, Tests/Support/p2ppeer) that forwards to a local node (py-evm).
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled && P2PTestPeer.available)) struct P2PCommandTests {
    let node: DevNode
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
        node = try DevNode()
    }

    func keyFile(_ n: Int) throws -> String { try devKeyFile(n, in: home) }

    func address(_ n: Int) throws -> String { try devKeyAddress(n, in: home) }

    func run(_ arguments: [String]) throws -> ProcessRunner.Result {
        try CLI.run("sigil", arguments, environment: ["SIGIL_HOME": home.url.path])
    }

    /// `sign tx --json` of a 1-wei transfer from dev key `n` to key 9, built with `tx build` on the node.
    func signedTransfer(from n: Int) throws -> [String: Any] {
        let request = home.url.appendingPathComponent("request-\(n).json").path
        let built = try run(["tx", "build", "--from", try address(n), "--to", try address(9), "--value", "1wei",
                             "--rpc", node.url, "-o", request])
        #expect(built.status == 0, "\(built.stderrText)")
        let signed = try run(["sign", "tx", request, "--private-key-file", try keyFile(n), "--json"])
        #expect(signed.status == 0, "\(signed.stderrText)")
        return try jsonOutput(signed)
    }

    @Test func pingShowsClientCapabilitiesStatusAndRoundTrip() throws {
        let peer = try P2PTestPeer(rpcURL: node.url)
        let r = try run(["p2p", "ping", peer.enode, "--timeout", "5", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let json = try jsonOutput(r)
        #expect((json["clientId"] as? String)?.hasPrefix("sigil-test-peer/trinity") == true)
        #expect(json["capabilities"] as? [String] == ["eth/68"])
        let status = try #require(json["status"] as? [String: Any])
        #expect(status["networkId"] as? String == "1337")
        let genesis = try #require(try node.rpc("eth_getBlockByNumber", ["0x0", false]) as? [String: Any])["hash"] as? String
        #expect(status["genesis"] as? String == genesis)
        #expect((json["rttMs"] as? NSNumber).map { $0.doubleValue > 0 && $0.doubleValue < 5000 } == true)
        #expect(peer.waitForEvent("ping", timeout: 2) != nil)
        let text = try run(["p2p", "ping", peer.enode, "--timeout", "5"])
        #expect(text.stdoutText.contains("capabilities: eth/68") && text.stdoutText.contains("round trip:"), "\(text.stdoutText)")
    }

    @Test("send --peer gets the transfer mined, by push and by announce-then-fetch", arguments: ["push", "announce"])
    func sendOverDevP2P(mode: String) throws {
        let peer = try P2PTestPeer(rpcURL: node.url)
        let key = mode == "push" ? 2 : 3
        let r = try run(["send", "--to", try address(9), "--value", "7wei", "--private-key-file", try keyFile(key), "--yes",
                         "--rpc", node.url, "--peer", peer.enode, "--p2p-only", "--p2p-mode", mode, "--timeout", "8",
                         "--wait", "--wait-timeout", "30", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let json = try jsonOutput(r)
        let hash = try #require(json["hash"] as? String)
        let broadcast = try #require(json["broadcast"] as? [String: Any])
        let peers = try #require(broadcast["peers"] as? [[String: Any]])
        #expect(peers.count == 1)  // --p2p-only: the JSON-RPC node only served the reads
        #expect(peers.first?["outcome"] as? String == (mode == "push" ? "delivered" : "fetched"))
        #expect(peers.first?["url"] as? String == peer.enode)
        let receipt = try #require(try node.rpc("eth_getTransactionReceipt", [hash]) as? [String: Any])
        #expect(receipt["status"] as? String == "0x1")
        #expect(peer.waitForEvent(mode == "push" ? "transactions" : "fetched", timeout: 2) != nil)
        #expect(peer.waitForEvent("forwarded", timeout: 2) { ($0["hash"] as? String) == hash } != nil)
    }

    /// `send --batch --peer` hands each row to the devp2p peer as `send --peer` does: every row is
    /// delivered over devp2p alone (--p2p-only), forwarded and mined once; a rerun pays nothing again.
    @Test func batchOverDevP2PPaysEachRowOnce() throws {
        let peer = try P2PTestPeer(rpcURL: node.url)
        let recipients = [try address(7), try address(9)]
        let before = try recipients.map { try hexWei(node.rpc("eth_getBalance", [$0, "latest"]) as! String) }
        let file = try home.file("p2p-pay.csv", contents: "id,to,value\none,\(recipients[0]),11wei\ntwo,\(recipients[1]),13wei\nthree,\(recipients[0]),17wei\n")
        let batch = ["send", "--batch", file.path, "--private-key-file", try keyFile(8), "--yes", "--rpc", node.url,
                     "--peer", peer.enode, "--p2p-only", "--p2p-mode", "push", "--timeout", "8", "--json"]
        let r = try run(batch)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try jsonOutput(r)["sent"] as? Int == 3, "\(r.stdoutText)")
        var forwarded = 0
        for _ in 0..<3 where peer.waitForEvent("forwarded", timeout: 5) != nil { forwarded += 1 }
        #expect(forwarded >= 1, "the rows reached the node through the devp2p peer")
        let after = try recipients.map { try hexWei(node.rpc("eth_getBalance", [$0, "latest"]) as! String) }
        #expect(after[0] == before[0] + 28 && after[1] == before[1] + 13, "each row paid once: \(before) → \(after)")
        let again = try run(batch)
        #expect(again.status == 0, "\(again.stderrText)")
        #expect(try jsonOutput(again)["sent"] as? Int == 0, "\(again.stdoutText)")
        let final = try recipients.map { try hexWei(node.rpc("eth_getBalance", [$0, "latest"]) as! String) }
        #expect(final == after, "the rerun paid nothing")
    }

    func hexWei(_ hex: String) -> Decimal {
        hex.dropFirst(2).reduce(Decimal(0)) { $0 * 16 + Decimal(Int(String($1), radix: 16)!) }
    }

    @Test("each bad peer gives its own outcome line and exit 6; nothing hangs",
          arguments: [(P2PTestPeer.Mode.wrongGenesis, "incompatible", "genesis"), (.wrongForkID, "incompatible", "fork"),
                      (.wrongNetwork, "incompatible", "network id 1338"), (.garbage, "protocol-error", "MAC"),
                      (.silent, "timed-out", "no answer in time"), (.midFrame, "disconnected", "middle of a frame"),
                      (.disconnect, "disconnected", "too many peers")])
    func badPeers(mode: P2PTestPeer.Mode, outcome: String, detail: String) throws {
        let peer = try P2PTestPeer(rpcURL: node.url, mode: mode)
        let start = Date()
        let r = try run(["send", "--to", try address(9), "--value", "1wei", "--private-key-file", try keyFile(4), "--yes",
                         "--rpc", node.url, "--peer", peer.enode, "--p2p-only", "--p2p-mode", "push", "--timeout", "2"])
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 8, "took \(elapsed) s")
        #expect(r.status == 6, "\(r.stderrText)")
        let line = try #require(r.stderrText.split(separator: "\n").first { $0.hasPrefix("enode://") })
        #expect(line.contains(" \(outcome) ") && line.contains(detail), "\(line)")
        #expect(r.stderrText.contains("0 peer(s) accepted"), "\(r.stderrText)")
    }

    @Test func broadcastToRPCAndPeerInOneTable() throws {
        let peer = try P2PTestPeer(rpcURL: node.url)
        let signed = try signedTransfer(from: 5)
        let raw = try #require(signed["raw"] as? String)
        let r = try run(["broadcast", raw, "--rpc", node.url, "--peer", peer.enode, "--quorum", "2", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let peers = try #require(try jsonOutput(r)["peers"] as? [[String: Any]])
        #expect(peers.map { $0["url"] as? String } == [node.url, peer.enode])
        #expect(peers.map { $0["outcome"] as? String } == ["accepted", "delivered"])
        // The journaled bytes again, to the devp2p peer alone.
        let hash = try #require(signed["hash"] as? String)
        let again = try run(["tx", "rebroadcast", hash, "--peer", peer.enode, "--p2p-only", "--rpc", node.url, "--json"])
        #expect(again.status == 0, "\(again.stderrText)")
        let rows = try #require(try jsonOutput(again)["peers"] as? [[String: Any]])
        #expect(rows.map { $0["url"] as? String } == [peer.enode] && rows.map { $0["outcome"] as? String } == ["delivered"])
        // A replacement (cancel) of it: the node has mined the nonce, so `tx cancel` checks the
        // chain through --rpc and refuses before signing (exit 12), even when it would go out over
        // devp2p alone; nothing new is journaled.
        let cancel = try run(["tx", "cancel", hash, "--private-key-file", try keyFile(5), "--peer", peer.enode, "--p2p-only",
                              "--rpc", node.url, "--yes", "--json"])
        #expect(cancel.status == 12, "\(cancel.stderrText)")
        #expect(cancel.stderrText.contains("already mined") && cancel.stderrText.contains(hash), "\(cancel.stderrText)")
        let list = try run(["tx", "list", "--json"])
        let records = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        #expect(records.count == 1 && records.first?["hash"] as? String == hash, "\(records)")
    }

    @Test("a chain Sigil does not know, described in the config ([networks.NAME.forks]), needs no RPC peer")
    func configForkScheduleWithoutRPC() throws {
        let peer = try P2PTestPeer(rpcURL: node.url)
        let raw = try #require(try signedTransfer(from: 6)["raw"] as? String)
        let block0 = try #require(try node.rpc("eth_getBlockByNumber", ["0x0", false]) as? [String: Any])
        let genesis = try #require(block0["hash"] as? String)
        func config(_ name: String, genesisHash: String) throws -> String {
            try home.file(name, contents: """
                [networks.devnet]
                chainId = 1337
                peers = ["\(peer.enode)"]
                [networks.devnet.forks]
                genesisHash = "\(genesisHash)"
                """).path
        }
        // The wrong genesis in the config: the peer is on another chain, named, nothing sent.
        let wrong = try run(["broadcast", raw, "--config", try config("wrong.toml", genesisHash: "0x" + String(repeating: "11", count: 32)),
                             "--network", "devnet"])
        #expect(wrong.status == 6, "\(wrong.stderrText)")
        let output = wrong.stdoutText + wrong.stderrText
        #expect(output.contains("incompatible") && output.contains("genesis"), "\(output)")
        // The right genesis: delivered, with no --rpc anywhere; `config show` shows the schedule.
        let right = try config("right.toml", genesisHash: genesis)
        let shown = try run(["config", "show", "--config", right, "--network", "devnet", "--json"])
        let forks = try #require(try jsonOutput(shown)["forks"] as? [String: Any])
        #expect((forks["value"] as? String)?.hasPrefix("genesis \(genesis)") == true && forks["source"] as? String == "config")
        let r = try run(["broadcast", raw, "--config", right, "--network", "devnet", "--json"])
        #expect(r.status == 0, "\(r.stderrText)")
        let peers = try #require(try jsonOutput(r)["peers"] as? [[String: Any]])
        #expect(peers.map { $0["outcome"] as? String } == ["delivered"])
        let forwarded = peer.waitForEvent("forwarded", timeout: 20)
        #expect(forwarded != nil, "the peer never forwarded the transaction: \(peer.events())")
    }

    @Test func usageErrors() throws {
        expectFailure(try run(["broadcast", "0x02"]), status: 64, message: "--peer enode://")
        expectFailure(try run(["broadcast", "0x02", "--peer", "enode://1234@127.0.0.1:1"]), status: 64, message: "--peer enode://1234")
        expectFailure(try run(["p2p", "ping", "enode://zz@127.0.0.1:1"]), status: 64, message: "enode")
    }
}
