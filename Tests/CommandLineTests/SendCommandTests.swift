import Foundation
import SigilTestSupport
import Synchronization
import Testing

/// `sigil send | broadcast | tx build | tx bump | tx cancel | balance` against real local nodes:
/// the node's rejections as the CLI reports them, reads that survive a dead first peer, chain
/// safety, replacing a stuck transaction by nonce or hash, and the send options (--wait,
/// --confirmations, --dry-run, --call, keystore accounts).
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct SendCommandTests {
    let node: DevNode
    let home: TemporaryDirectory

    init() throws {
        home = try TemporaryDirectory()
        node = try DevNode()
    }

    var environment: [String: String] { ["SIGIL_HOME": home.url.path] }

    func keyFile(_ n: Int) throws -> String { try devKeyFile(n, in: home) }

    func address(_ n: Int) throws -> String { try devKeyAddress(n, in: home) }

    func run(_ arguments: [String], peers: [String]? = nil, environment extra: [String: String] = [:]) throws -> ProcessRunner.Result {
        let urls = (peers ?? [node.url]).flatMap { ["--rpc", $0] }
        return try CLI.run("sigil", arguments + urls, environment: environment.merging(extra) { $1 })
    }

    func wei(_ hex: Any) -> Decimal {
        (hex as! String).dropFirst(2).reduce(Decimal(0)) { $0 * 16 + Decimal(Int(String($1), radix: 16)!) }
    }

    func balance(_ address: String, on node: DevNode? = nil) throws -> Decimal {
        wei(try (node ?? self.node).rpc("eth_getBalance", [address, "latest"]))
    }

    func receipt(_ hash: String, on node: DevNode? = nil) throws -> [String: Any] {
        try #require(try (node ?? self.node).rpc("eth_getTransactionReceipt", [hash]) as? [String: Any], "no receipt for \(hash)")
    }

    /// A transaction signed offline with `sigil sign tx` from a request file with `fields`.
    func signOffline(_ fields: [String: Any], key: String) throws -> String {
        var request: [String: Any] = ["format": "sigil.unsigned-tx/1", "type": "0x2", "chainId": "1337", "nonce": "0",
                                      "to": try address(9), "value": "7", "data": "0x", "gas": "21000",
                                      "maxFeePerGas": "20000000000", "maxPriorityFeePerGas": "1", "accessList": [] as [Any]]
        request.merge(fields) { $1 }
        let file = home.url.appendingPathComponent("request-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: request).write(to: file)
        let signed = try CLI.run("sigil", ["sign", "tx", file.path, "--private-key-file", key])
        #expect(signed.status == 0, "\(signed.stderrText)")
        return signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func journal() throws -> [[String: Any]] {
        let list = try CLI.run("sigil", ["tx", "list", "--json"], environment: environment)
        return try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
    }

    // MARK: - The node's rejections

    /// Transactions signed offline and broadcast: each reaches the node, whose refusal becomes one
    /// clear line (the reason, the node's words, what to do — never "rebroadcast") and exit 6,
    /// with the reason named in --json errors.
    @Test func nodeRejectionsBecomeClearMessages() throws {
        let used = try signOffline([:], key: try keyFile(2))
        #expect(try run(["broadcast", used]).status == 0)
        let poor = try home.file("poor", contents: "0x" + String(repeating: "ab", count: 32))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: poor.path)
        let cases: [(raw: String, reason: String, words: String, advice: String)] = [
            (try signOffline(["value": "8"], key: try keyFile(2)), "nonce-too-low", "nonce too low", "sigil tx status"),
            (try signOffline([:], key: poor.path), "insufficient-funds", "insufficient funds", "sigil balance"),
            (try signOffline(["maxFeePerGas": "1"], key: try keyFile(3)), "fee-below-base-fee", "max fee per gas less than block base fee", "--max-fee"),
            (try signOffline(["data": "0x01020304"], key: try keyFile(3)), "intrinsic-gas-too-low", "intrinsic gas too low", "--gas-limit"),
        ]
        for (raw, reason, words, advice) in cases {
            let r = try run(["broadcast", raw])
            #expect(r.status == 6, "\(reason): \(r.stderrText)")
            let error = r.stderrText.split(separator: "\n").filter { $0.contains("error:") }
            #expect(error.count == 1, "one error line: \(r.stderrText)")
            let line = String(error.first ?? "")
            #expect(line.contains(words) && line.contains(advice), "\(reason): \(line)")
            #expect(!line.contains("rebroadcast"), "the same bytes would be refused again: \(line)")
            #expect(r.stdoutText.contains("rejected"), "the peer table: \(r.stdoutText)")
            let json = try run(["broadcast", raw, "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(json.stderrText.split(separator: "\n").last!.utf8)) as? [String: Any]
            let body = try #require(object?["error"] as? [String: Any], "\(json.stderrText)")
            #expect(body["reason"] as? String == reason && body["code"] as? Int == 6)
        }
        // A transaction for another chain never reaches the node: refused before sending, naming the peer.
        let other = try signOffline(["chainId": "1338"], key: try keyFile(3))
        let r = try run(["broadcast", other])
        #expect(r.status == 5, "\(r.stderrText)")
        #expect(r.stderrText.contains(node.url) && r.stderrText.contains("1337"), "\(r.stderrText)")
        #expect(try node.methodCount("eth_sendRawTransaction") == 1 + 2 * cases.count, "the other-chain transaction was not sent")
    }

    // MARK: - Reads and chain safety

    /// With the first --rpc peer down, reads go to the next one; a send succeeds and its warning
    /// names the peer whose chain id could not be checked. Verified reads need two agreeing peers
    /// when two are given: with one dead, `--agree 1` accepts the other's header (without it the
    /// read is refused, exit 11, naming the dead peer).
    @Test func readsGoToTheFirstPeerThatAnswers() throws {
        let dead = "http://127.0.0.1:9"
        let peers = [dead, node.url]
        let refused = try run(["balance", try address(4)], peers: peers)
        #expect(refused.status == 11 && refused.stderrText.contains(dead) && refused.stdoutText.isEmpty, "\(refused.stderrText)")
        let balance = try run(["balance", try address(4), "--json", "--agree", "1"], peers: peers)
        #expect(balance.status == 0, "\(balance.stderrText)")
        #expect(try jsonOutput(balance)["wei"] as? String == "1000000000000000000000000")
        let built = try run(["tx", "build", "--from", try address(4), "--to", try address(9), "--value", "1gwei", "--agree", "1"], peers: peers)
        #expect(built.status == 0, "\(built.stderrText)")
        #expect(built.stdoutText.contains("sigil.unsigned-tx/1"))
        let sent = try run(["send", "--to", try address(9), "--value", "1gwei", "--private-key-file", try keyFile(4), "--yes", "--json",
                            "--agree", "1"], peers: peers)
        #expect(sent.status == 0, "\(sent.stderrText)")
        let warning = sent.stderrText.split(separator: "\n").filter { $0.contains("could not check the chain id") }
        #expect(warning.count == 1 && warning.first!.contains(dead), "one warning line naming the dead peer: \(sent.stderrText)")
        #expect(try receipt(try #require(try jsonOutput(sent)["hash"] as? String))["status"] as? String == "0x1")
    }

    /// A peer on another chain is refused, named, before anything is signed; so is a config
    /// network whose peers do not serve its chainId.
    @Test func peersOnAnotherChainAreRefusedByName() throws {
        let other = try DevNode(options: ["--chain-id", "1338"])
        let send = ["send", "--to", try address(9), "--value", "1wei", "--private-key-file", try keyFile(5), "--yes"]
        let mixed = try run(send, peers: [node.url, other.url])
        #expect(mixed.status == 5, "\(mixed.stderrText)")
        #expect(mixed.stderrText.contains("\(other.url) reports 1338") && !mixed.stderrText.contains("\(node.url) reports"), "\(mixed.stderrText)")
        let asked = try run(send + ["--chain-id", "1338"])
        #expect(asked.status == 5 && asked.stderrText.contains("\(node.url) reports 1337"), "\(asked.stderrText)")
        // The config network says chain 1338; its rpc list is the 1337 node.
        let config = try home.file("config.toml", contents: """
            [networks.wrong]
            chainId = 1338
            rpc = ["\(node.url)"]
            [networks.right]
            chainId = 1337
            rpc = ["\(node.url)"]
            """)
        let viaConfig = try CLI.run("sigil", send + ["--config", config.path, "--network", "wrong"], environment: environment)
        #expect(viaConfig.status == 5 && viaConfig.stderrText.contains("\(node.url) reports 1337"), "\(viaConfig.stderrText)")
        let raw = try signOffline([:], key: try keyFile(5))
        let broadcast = try CLI.run("sigil", ["broadcast", raw, "--config", config.path, "--network", "wrong"], environment: environment)
        #expect(broadcast.status == 5 && broadcast.stderrText.contains("1338"), "\(broadcast.stderrText)")
        #expect(try node.methodCount("eth_sendRawTransaction") == 0, "nothing was sent")
        #expect(try journal().isEmpty, "nothing was signed into the journal")
        let right = try CLI.run("sigil", send + ["--config", config.path, "--network", "right"], environment: environment)
        #expect(right.status == 0, "\(right.stderrText)")
    }

    // MARK: - Stuck transactions: receipt timeout, bump and cancel

    /// A peer that accepts and never mines: `send --wait` times out (exit 8) naming the hash and
    /// how to check or bump it, without resending; `tx bump NONCE` then gets it mined on a
    /// working node, and `tx bump HASH` does for a second one.
    @Test func receiptTimeoutThenBumpByNonceAndByHash() throws {
        let stuck = try DevNode(options: ["--fail-mode", "drop"])
        let to = try address(9)
        let start = Date()
        let r = try run(["send", "--to", to, "--value", "1gwei", "--private-key-file", try keyFile(6), "--yes", "--wait",
                         "--wait-timeout", "2"], peers: [stuck.url])
        #expect(r.status == 8, "\(r.stderrText)")
        #expect(Date().timeIntervalSince(start) < 20, "the wait timeout is honoured")
        let hash = try #require(try journal().first?["hash"] as? String)
        let line = try #require(r.stderrText.split(separator: "\n").last.map(String.init))
        #expect(line.contains(hash) && line.contains("sigil tx status \(hash)") && line.contains("sigil tx bump \(hash)")
                && line.contains("not resent"), "\(line)")
        #expect(try stuck.methodCount("eth_sendRawTransaction") == 1, "nothing was resent while waiting")
        // A second payment at the next nonce, also stuck.
        let second = try jsonOutput(try run(["send", "--to", to, "--value", "2gwei", "--private-key-file", try keyFile(6), "--yes", "--json"],
                                            peers: [stuck.url]))
        #expect(second["nonce"] as? String == "1")
        let secondHash = try #require(second["hash"] as? String)

        let before = try balance(to)
        let bumped = try run(["tx", "bump", "0", "--private-key-file", try keyFile(6), "--yes", "--json"])
        #expect(bumped.status == 0, "\(bumped.stderrText)")
        let replacement = try jsonOutput(bumped)
        #expect(replacement["replaces"] as? String == hash && replacement["nonce"] as? String == "0")
        #expect(try receipt(try #require(replacement["hash"] as? String))["status"] as? String == "0x1")
        let byHash = try jsonOutput(try run(["tx", "bump", secondHash, "--private-key-file", try keyFile(6), "--yes", "--json"]))
        #expect(byHash["replaces"] as? String == secondHash && byHash["nonce"] as? String == "1")
        #expect(try receipt(try #require(byHash["hash"] as? String))["status"] as? String == "0x1")
        #expect(try balance(to) == before + 3_000_000_000, "both payments arrived once")
        // A nonce the journal does not have, and a word that is neither.
        expectFailure(try run(["tx", "bump", "9", "--private-key-file", try keyFile(6), "--yes"]), status: 66, message: "nonce 9")
        expectFailure(try run(["tx", "bump", "soon", "--private-key-file", try keyFile(6), "--yes"]), status: 64, message: "nor a nonce")
    }

    /// `tx cancel` by nonce and by hash: the zero-value transfer to oneself is mined at the stuck
    /// nonce; the sender pays exactly the gas, the recipient gets nothing.
    @Test func cancelByNonceAndByHashIsMined() throws {
        let stuck = try DevNode(options: ["--fail-mode", "drop"])
        let from = try address(7), to = try address(9)
        var hashes: [String] = []
        for value in ["1ether", "2ether"] {
            let r = try run(["send", "--to", to, "--value", value, "--private-key-file", try keyFile(7), "--yes", "--json"], peers: [stuck.url])
            hashes.append(try #require(try jsonOutput(r)["hash"] as? String))
        }
        let before = (try balance(from), try balance(to))
        var fees = Decimal(0)
        for target in ["0", hashes[1]] {
            let r = try run(["tx", "cancel", target, "--private-key-file", try keyFile(7), "--yes", "--json"])
            #expect(r.status == 0, "\(r.stderrText)")
            let hash = try #require(try jsonOutput(r)["hash"] as? String)
            let mined = try receipt(hash)
            #expect(mined["status"] as? String == "0x1" && (mined["to"] as? String)?.lowercased() == from.lowercased())
            fees += wei(mined["gasUsed"]!) * wei(mined["effectiveGasPrice"]!)
        }
        #expect(try balance(from) == before.0 - fees && balance(to) == before.1, "only gas was paid")
        #expect(wei(try node.rpc("eth_getTransactionCount", [from, "latest"])) == 2)
        let help = try CLI.run("sigil", ["tx", "cancel", "--help"])
        #expect(help.stdoutText.contains("nonce|hash"))
    }

    // MARK: - send options

    /// `--wait --confirmations 3` returns only once two more blocks are on top of the receipt's
    /// (a background thread mines one block every half second until the command is done).
    @Test func confirmationsWaitForLaterBlocks() throws {
        let miner = node
        let done = StopFlag()
        Thread.detachNewThread {
            while !done.isSet {
                Thread.sleep(forTimeInterval: 0.5)
                _ = try? miner.rpc("devnode_mine", [1])
            }
        }
        defer { done.set() }
        let r = try run(["send", "--to", try address(9), "--value", "1wei", "--private-key-file", try keyFile(8), "--yes", "--wait",
                         "--confirmations", "3", "--wait-timeout", "60", "--json"])
        let head = wei(try node.rpc("eth_blockNumber", []))
        #expect(r.status == 0, "\(r.stderrText)")
        let blockText = try #require(try jsonOutput(r)["blockNumber"] as? String)
        let block = try #require(Decimal(string: blockText))
        #expect(head - block + 1 >= 3, "three confirmations: mined in \(block), head \(head) when it returned")
    }

    /// Off a terminal without --yes: refused before signing; --dry-run shows the request and sends nothing.
    @Test func confirmationAndDryRunSendNothing() throws {
        let payment = ["send", "--to", try address(9), "--value", "1wei", "--private-key-file", try keyFile(8)]
        let refused = try run(payment)
        #expect(refused.status == 64 && refused.stderrText.contains("confirmation needed"), "\(refused.stderrText)")
        _ = try node.rpc("devnode_resetRequestCount", [])
        let dry = try run(payment + ["--dry-run"])
        #expect(dry.status == 0, "\(dry.stderrText)")
        #expect(dry.stdoutText.contains("sigil.unsigned-tx/1") && dry.stderrText.contains("dry run"))
        #expect(try node.requestCount() == 2, "one read batch and one proof of the nonce and balance, nothing else")
        #expect(try node.methodCount("eth_sendRawTransaction") == 0)
        #expect(try journal().isEmpty)
    }

    /// `--call SIGNATURE ARGS`: through `tx build` + `sign tx` + `broadcast`, and straight through `send`.
    @Test func callWithArguments() throws {
        let token = try #require(try node.rpc("devnode_deployToken", [0]) as? String)
        let to = try address(9)
        let request = home.url.appendingPathComponent("call.json").path
        let built = try run(["tx", "build", "--from", try address(1), "--to", token, "--call", "transfer(address,uint256)", to, "5", "-o", request])
        #expect(built.status == 0, "\(built.stderrText)")
        let signed = try CLI.run("sigil", ["sign", "tx", request, "--private-key-file", try keyFile(1)])
        #expect(try run(["broadcast", signed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)]).status == 0)
        let sent = try run(["send", "--to", token, "--call", "transfer(address,uint256)", to, "7", "--private-key-file", try keyFile(1),
                            "--yes", "--wait"])
        #expect(sent.status == 0, "\(sent.stderrText)")
        let held = try run(["balance", to, "--token", token, "--json"])
        #expect(try jsonOutput(held)["balance"] as? String == "12")
    }

    /// A keystore account by name, unlocked with SIGIL_PASSWORD.
    @Test func sendFromAKeystoreAccount() throws {
        let password = ["SIGIL_PASSWORD": "correct horse"]
        let imported = try CLI.run("sigil", ["key", "import", "--private-key-file", try keyFile(9), "--name", "ops", "--light"],
                                   environment: environment.merging(password) { $1 })
        #expect(imported.status == 0, "\(imported.stderrText)")
        let to = try address(8)
        let before = try balance(to)
        let r = try run(["send", "--from", "ops", "--to", to, "--value", "3gwei", "--yes", "--wait", "--json"], environment: password)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try jsonOutput(r)["from"] as? String == (try address(9)))
        #expect(try balance(to) == before + 3_000_000_000)
        let wrong = try run(["send", "--from", "ops", "--to", to, "--value", "3gwei", "--yes"], environment: ["SIGIL_PASSWORD": "wrong"])
        #expect(wrong.status == 4, "\(wrong.stderrText)")
    }
}

/// A flag one thread sets and another polls.
private final class StopFlag: Sendable {
    private let state = Mutex(false)
    var isSet: Bool { state.withLock { $0 } }
    func set() { state.withLock { $0 = true } }
}
