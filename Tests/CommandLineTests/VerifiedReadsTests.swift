import Foundation
import SigilTestSupport
import Testing

/// Verified reads against real peers that really lie (Tests/Support/devnode/faultpeer.py in
/// front of a real dev node): balances, nonces and receipts are proved against headers the
/// peers agree on; a liar alone gets exit 11 and nothing printed as verified; a liar beside an
/// honest peer is named and outvoted; a fabricated receipt is never journaled as mined.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct VerifiedReadsTests {
    let node: DevNode
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
        node = try DevNode()
    }

    var environment: [String: String] { ["SIGIL_HOME": home.url.path] }

    func run(_ arguments: [String], peers: [String]) throws -> ProcessRunner.Result {
        try CLI.run("sigil", arguments + peers.flatMap { ["--rpc", $0] }, environment: environment)
    }

    func key(_ n: Int) throws -> String { try devKeyFile(n, in: home) }

    /// The node's own answer, a hex quantity, as decimal text.
    func quantity(_ method: String, _ params: [Any]) throws -> String {
        let hex = try #require(try node.rpc(method, params) as? String)
        return hex.dropFirst(2).reduce(Decimal(0)) { $0 * 16 + Decimal(Int(String($1), radix: 16)!) }.description
    }

    func verification(_ result: ProcessRunner.Result) throws -> [String: Any] {
        try #require(try jsonOutput(result)["verification"] as? [String: Any], "no verification object: \(result.stdoutText)")
    }

    func journalStatuses() throws -> [String] {
        let list = try CLI.run("sigil", ["tx", "list", "--json"], environment: environment)
        let rows = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        return rows.compactMap { $0["status"] as? String }
    }

    /// A 1-wei payment from key 1 to key 9's address, with extra arguments.
    func pay(_ extra: [String], peers: [String]) throws -> ProcessRunner.Result {
        try run(["send", "--to", "0x1efF47bc3a10a45D4B230B5d10E37751FE6AA718", "--value", "1wei", "--private-key-file", try key(1),
                 "--yes", "--json"] + extra, peers: peers)
    }

    // MARK: - Honest peers

    @Test("balance, nonce and token balance are proved and equal the node's own state; --no-verify is labelled")
    func provedReadsMatchTheNode() throws {
        #expect(try pay(["--wait"], peers: [node.url]).status == 0)
        let honest = try FaultPeer(upstream: node, .honest)
        let balance = try run(["balance", keyOneAddress, "--json"], peers: [node.url, honest.url])
        #expect(balance.status == 0, "\(balance.stderrText)")
        #expect(try jsonOutput(balance)["wei"] as? String == quantity("eth_getBalance", [keyOneAddress, "latest"]))
        let proof = try verification(balance)
        #expect(proof["verified"] as? Bool == true)
        #expect((proof["peersAgreeing"] as? [String])?.count == 2 && proof["peersAsked"] as? Int == 2)
        #expect(proof["proved"] as? String == "account proof against stateRoot")

        let nonce = try run(["nonce", keyOneAddress], peers: [node.url])
        #expect(nonce.status == 0 && nonce.stdoutText == "1\n", "\(nonce.stdoutText) \(nonce.stderrText)")
        #expect(nonce.stderrText.hasPrefix("verified: account proof against stateRoot"))

        let token = try #require(try node.rpc("devnode_deployToken", [6]) as? String)
        let held = try run(["balance", keyOneAddress, "--token", token, "--json"], peers: [node.url])
        #expect(held.status == 0, "\(held.stderrText)")
        #expect(try jsonOutput(held)["balance"] as? String == "1000000000000")
        #expect(try verification(held)["proved"] as? String == "ERC-20 balance from a storage proof against stateRoot")

        let unverified = try run(["balance", keyOneAddress, "--json", "--no-verify"], peers: [node.url])
        #expect(try verification(unverified)["verified"] as? Bool == false)
        #expect(try verification(unverified)["reason"] as? String == "--no-verify")
        let text = try run(["balance", keyOneAddress, "--no-verify"], peers: [node.url])
        #expect(text.stdoutText.contains("verified  NO: --no-verify"), "\(text.stdoutText)")
    }

    @Test("a verified balance costs one request per peer, no more than the raced --no-verify read")
    func verifiedBalanceRoundTrips() throws {
        let peers = try (0..<3).map { _ in try FaultPeer(upstream: node, .honest) }
        // devnode_requestCount does not count itself, but the next one counts it: hence the - 1.
        let before = try node.requestCount()
        #expect(try run(["balance", keyOneAddress], peers: peers.map(\.url)).status == 0)
        let verified = try node.requestCount() - before - 1
        let middle = try node.requestCount()
        #expect(try run(["balance", keyOneAddress, "--no-verify"], peers: peers.map(\.url)).status == 0)
        let unverified = try node.requestCount() - middle - 1
        // The unverified read is raced: sent to every peer at once, the first answer used (the
        // process may end before the slower requests reach the node).
        #expect(unverified >= 1 && unverified <= 3, "\(unverified)")
        #expect(verified == 3, "one batch (header + proof) per peer, no second round")
    }

    // MARK: - Lying peers

    @Test("a liar alone gets exit 11 and nothing verified; first beside an honest peer it is named and outvoted",
          arguments: [FaultPeer.Mode.inflateBalance, .wrongNonce, .alterHeader, .corruptProof])
    func liarIsRefusedOrOutvoted(_ mode: FaultPeer.Mode) throws {
        #expect(try pay(["--wait"], peers: [node.url]).status == 0)
        let liar = try FaultPeer(upstream: node, mode)
        let realWei = try quantity("eth_getBalance", [keyOneAddress, "latest"])
        for command in [["balance", keyOneAddress], ["nonce", keyOneAddress]] {
            let alone = try run(command, peers: [liar.url])
            #expect(alone.status == 11, "\(mode) \(command): \(alone.stderrText)")
            #expect(alone.stdoutText.isEmpty, "nothing printed as verified")
            #expect(alone.stderrText.contains(liar.url))
        }
        let outvoted = try run(["balance", keyOneAddress, "--json"], peers: [liar.url, node.url])
        #expect(outvoted.status == 0, "\(mode): \(outvoted.stderrText)")
        #expect(try jsonOutput(outvoted)["wei"] as? String == realWei)
        #expect(outvoted.stderrText.contains("peer \(liar.url) served an answer that does not check out"))
        let faults = try #require(try verification(outvoted)["faults"] as? [[String: Any]])
        #expect(faults.map { $0["url"] as? String } == [liar.url] && faults.first?["invalid"] as? Bool == true)

        let nonce = try run(["nonce", keyOneAddress], peers: [liar.url, node.url])
        #expect(nonce.status == 0 && nonce.stdoutText == "1\n", "\(mode): \(nonce.stdoutText) \(nonce.stderrText)")

        // A send through the liar and the honest peer signs at the proved nonce and is mined.
        let sent = try pay(["--wait"], peers: [liar.url, node.url])
        #expect(sent.status == 0, "\(mode): \(sent.stderrText)")
        #expect(try jsonOutput(sent)["nonce"] as? String == "1")
        #expect(try quantity("eth_getTransactionCount", [keyOneAddress, "latest"]) == "2")
    }

    @Test("peers on different chains do not agree; --agree K and a pinned --block-hash decide")
    func agreementAndPinning() throws {
        let fake = try FaultPeer(upstream: node, .fakeChain)
        let honest = try FaultPeer(upstream: node, .honest)
        let split = try run(["balance", keyOneAddress], peers: [fake.url, node.url])
        #expect(split.status == 11 && split.stdoutText.isEmpty)
        #expect(split.stderrText.contains("peers disagree on block") && split.stderrText.contains(fake.url), "\(split.stderrText)")

        let two = try run(["balance", keyOneAddress, "--agree", "2", "--json"], peers: [fake.url, node.url, honest.url])
        #expect(two.status == 0, "\(two.stderrText)")
        #expect(try (verification(two)["peersAgreeing"] as? [String])?.sorted() == [node.url, honest.url].sorted())
        #expect(two.stderrText.contains(fake.url))

        let latest = try #require(try node.rpc("eth_getBlockByNumber", ["latest", false]) as? [String: Any])
        let hash = try #require(latest["hash"] as? String)
        let pinned = try run(["balance", keyOneAddress, "--block-hash", hash, "--json"], peers: [fake.url, node.url])
        #expect(pinned.status == 0, "\(pinned.stderrText)")
        #expect(try verification(pinned)["pinned"] as? Bool == true && verification(pinned)["blockHash"] as? String == hash)
        let unknown = "0x" + String(repeating: "ab", count: 32)
        let wrong = try run(["balance", keyOneAddress, "--block-hash", unknown], peers: [node.url])
        #expect(wrong.status == 11 && wrong.stderrText.contains("pinned block"), "\(wrong.stderrText)")
    }

    @Test("a fabricated receipt is never reported or journaled as mined, and the account's next send works")
    func fabricatedReceipt() throws {
        let liar = try FaultPeer(upstream: node, .fabricateReceipt, .drop)
        let lied = try pay(["--wait", "--wait-timeout", "3"], peers: [liar.url])
        #expect(lied.status == 11, "\(lied.stderrText)")
        #expect(lied.stdoutText.isEmpty && lied.stderrText.contains("receiptsRoot"), "\(lied.stderrText)")
        #expect(try journalStatuses() == ["accepted"])
        #expect(try quantity("eth_getTransactionCount", [keyOneAddress, "latest"]) == "0", "nothing was mined")

        // Beside a peer that drops transactions, with --quorum 2: the honest receipt is proved.
        let both = try pay(["--wait", "--quorum", "2"], peers: [node.url, liar.url])
        #expect(both.status == 0, "\(both.stderrText)")
        #expect(both.stderrText.contains("marked dropped"), "the liar's transaction frees its nonce: \(both.stderrText)")
        #expect(try jsonOutput(both)["nonce"] as? String == "0")
        #expect(try verification(both)["provedBy"] as? String == node.url)
        // The freed record was either superseded (dropped) or, being the very same bytes, sent again and mined.
        let statuses = try journalStatuses()
        #expect(statuses.filter { $0 == "mined" }.count == 1 && !statuses.contains("accepted"), "\(statuses)")
        #expect(try quantity("eth_getTransactionCount", [keyOneAddress, "latest"]) == "1")
    }

    @Test("a payout batch through a lying peer marks no row paid; rerun through an honest one pays each row once")
    func batchThroughALiar() throws {
        let liar = try FaultPeer(upstream: node, .fabricateReceipt, .drop)
        let csv = try home.file("payouts.csv", contents: "id,to,value\nr1,0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF,1gwei\nr2,0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69,2gwei\n")
        let first = try run(["send", "--batch", csv.path, "--private-key-file", try key(1), "--yes"], peers: [liar.url])
        #expect(!(try journalStatuses()).contains("mined"), "no row paid on a liar's word: \(first.stderrText)")
        let rerun = try run(["send", "--batch", csv.path, "--private-key-file", try key(1), "--yes", "--json"], peers: [liar.url])
        #expect(!(try journalStatuses()).contains("mined"), "a rerun through the liar settles nothing: \(rerun.stderrText)")
        let honest = try run(["send", "--batch", csv.path, "--private-key-file", try key(1), "--yes"], peers: [node.url])
        #expect(honest.status == 0, "\(honest.stderrText)")
        #expect(try quantity("eth_getBalance", ["0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "latest"]) == "1000000000000001000000000")
        #expect(try quantity("eth_getBalance", ["0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69", "latest"]) == "1000000000000002000000000")
    }

    @Test("tx status repairs a 'mined' record that was a lie, and the freed nonce is used again")
    func statusRepairsABelievedLie() throws {
        let liar = try FaultPeer(upstream: node, .fabricateReceipt, .drop)
        let believed = try pay(["--wait", "--no-verify"], peers: [liar.url])
        #expect(believed.status == 0, "--no-verify takes the liar's word: \(believed.stderrText)")
        let hash = try #require(try jsonOutput(believed)["hash"] as? String)
        #expect(try journalStatuses() == ["mined"])

        let status = try run(["tx", "status", hash, "--json"], peers: [node.url])
        #expect(status.status == 0, "\(status.stderrText)")
        #expect(try jsonOutput(status)["status"] as? String == "dropped")
        let claimed = try run(["tx", "status", hash], peers: [liar.url])
        #expect(claimed.status == 11 && claimed.stderrText.contains(liar.url), "a lone liar's receipt is not proved: \(claimed.stderrText)")

        let next = try pay(["--wait"], peers: [node.url])
        #expect(next.status == 0, "\(next.stderrText)")
        #expect(try jsonOutput(next)["nonce"] as? String == "0")
    }

    // MARK: - Portable proofs

    @Test("a receipt proof verifies offline in sigil and sigil-signer; every changed byte is refused")
    func receiptProofBundle() throws {
        let sent = try pay(["--wait"], peers: [node.url])
        let hash = try #require(try jsonOutput(sent)["hash"] as? String)
        let file = home.url.appendingPathComponent("proof.json").path
        let written = try run(["tx", "proof", hash, "-o", file], peers: [node.url])
        #expect(written.status == 0, "\(written.stderrText)")
        let receipt = try #require(try node.rpc("eth_getTransactionReceipt", [hash]) as? [String: Any])
        let blockHash = try #require(receipt["blockHash"] as? String)

        for tool in ["sigil", "sigil-signer"] {
            let checked = try CLI.run(tool, ["verify", "receipt", file, "--block-hash", blockHash, "--json"])
            #expect(checked.status == 0, "\(tool): \(checked.stderrText)")
            let document = try jsonOutput(checked)
            #expect(document["transactionHash"] as? String == hash && document["status"] as? Int == 1)
            #expect(document["from"] as? String == keyOneAddress && document["pinned"] as? Bool == true)
            #expect(document["gasUsed"] as? String == "21000" && receipt["gasUsed"] as? String == "0x5208")
        }
        let other = "0x" + String(repeating: "cd", count: 32)
        #expect(try CLI.run("sigil", ["verify", "receipt", file, "--block-hash", other]).status == 3)

        var generator = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        let original = try Data(contentsOf: URL(fileURLWithPath: file))
        let tampered = home.url.appendingPathComponent("tampered.json").path
        for round in 0..<120 {
            var bytes = [UInt8](original)
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[position] ^= UInt8.random(in: 1...255, using: &generator)
            try Data(bytes).write(to: URL(fileURLWithPath: tampered))
            let tool = round % 10 == 0 ? "sigil-signer" : "sigil"
            let result = try CLI.run(tool, ["verify", "receipt", tampered])
            #expect(result.status == 3 || result.status == 65, "byte \(position) changed: \(tool) exit \(result.status)")
        }
    }
}
