import Foundation
import Glibc
import SigilTestSupport
import Testing

/// Tests of the dishonest and broken peers (Tests/Support/devnode/faultpeer.py, FaultPeer.swift)
/// and of the node's proofs, roots and hashes (selfcheck.py with oracle.py).
@Suite(.serialized)
struct FaultPeerTests {
    static let key1 = "0x" + String(repeating: "0", count: 63) + "1"
    static let address1 = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"
    static let address2 = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
    static let chainIdCall = #"{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}"#

    /// curl with `arguments` and the JSON-RPC `body` on stdin, through /bin/sh so that `pipe`
    /// (e.g. "| head -c 100") can cut the answer short; returns the result and the seconds taken.
    func curl(_ url: String, _ arguments: String, pipe: String = "", body: String = chainIdCall)
        throws -> (result: ProcessRunner.Result, seconds: Double)
    {
        let start = Date()
        let result = try ProcessRunner.run(
            "/bin/sh", ["-c", "curl -sS \(arguments) -H 'Content-Type: application/json' --data-binary @- \(url) \(pipe)"],
            stdin: Data(body.utf8))
        return (result, Date().timeIntervalSince(start))
    }

    func signedTransfer(nonce: Int, value: Int = 7) throws -> (raw: String, hash: String) {
        let tx: [String: Any] = ["type": 2, "chainId": 1337, "nonce": nonce, "to": Self.address2, "value": value,
                                 "gas": 21000, "maxFeePerGas": 3_000_000_000, "maxPriorityFeePerGas": 1_000_000_000]
        let output = try #require(try PythonOracle.run("sign_tx.py", input: [["key": Self.key1, "tx": tx]]) as? [[String: String]])
        return (output[0]["raw"] ?? "", output[0]["hash"] ?? "")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func selfCheckProvesTheNodeAndEveryLie() throws {
        let node = try DevNode()
        let lies: [[FaultPeer.Mode]] = [
            [.honest], [.inflateBalance], [.wrongNonce], [.corruptProof], [.alterHeader], [.fakeChain], [.drop], [.forgeState],
            [.fabricateReceipt], [.fabricateReceipt, .drop], [.wrongChain], [.ansi],
        ]
        let peers = try lies.map { try FaultPeer(upstream: node.url, modes: $0) }
        let names = lies.map { $0.map(\.rawValue).joined(separator: "+") }
        let script = TestEnvironment.packageRoot.appendingPathComponent("Tests/Support/devnode/selfcheck.py").path
        let arguments = [script, node.url] + zip(names, peers).flatMap { ["--peer", "\($0)=\($1.url)"] }
        let run = try ProcessRunner.run(TestEnvironment.python.path, arguments)
        #expect(run.status == 0, "selfcheck: \(run.stderrText)\(run.stdoutText)")
        let summary = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(summary["failures"] as? [String] == [])
        #expect(summary["ok"] as? Bool == true)
        // Genesis and nine blocks of one transaction each: types 0 (with and without EIP-155), 1,
        // 2, the token deployment, a token transfer, a failing transfer, a blob (3) and a set-code (4).
        #expect(summary["blocks"] as? Int == 10)
        #expect(summary["transactions"] as? Int == 9)
        #expect(summary["receipts"] as? Int == 9)
        #expect(summary["types"] as? [Int] == [0, 1, 2, 3, 4])
        #expect(summary["statuses"] as? [Int] == [0, 1])
        #expect(summary["failedTransactions"] as? Int == 1)  // only the transfer without tokens
        #expect(summary["logs"] as? Int == 2)  // the mint and the transfer
        // Nine accounts at three blocks, every proof checked; the token's three slots each time.
        #expect(summary["accountProofs"] as? Int == 27)
        #expect((summary["exclusionProofs"] as? Int ?? 0) >= 3)
        #expect(summary["storageProofs"] as? Int == 9)
        #expect(summary["tokenSlots"] as? Int == 1)  // found by eth_createAccessList, proved, = eth_call
        let results = try #require(summary["peers"] as? [String: [String: Bool]])
        #expect(results.count == names.count)
        #expect(results["honest"] == ["differs": false, "caught": false])
        for name in names where name != "honest" {
            #expect(results[name] == ["differs": true, "caught": true], "\(name): \(String(describing: results[name]))")
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func droppedTransactionGetsAFabricatedReceipt() throws {
        let node = try DevNode()
        let liar = try FaultPeer(upstream: node, .fabricateReceipt, .drop)
        let signed = try signedTransfer(nonce: 0)
        #expect(try liar.rpc("eth_sendRawTransaction", [signed.raw]) as? String == signed.hash)
        #expect(try node.rpc("eth_getTransactionReceipt", [signed.hash]) is NSNull)
        #expect(try node.rpc("eth_getTransactionCount", [Self.address1, "latest"]) as? String == "0x0")
        let receipt = try #require(try liar.rpc("eth_getTransactionReceipt", [signed.hash]) as? [String: Any])
        #expect(receipt["status"] as? String == "0x1")
        #expect((receipt["from"] as? String)?.lowercased() == Self.address1.lowercased())
        let latest = try #require(try node.rpc("eth_getBlockByNumber", ["latest", false]) as? [String: Any])
        #expect(receipt["blockHash"] as? String == latest["hash"] as? String)
        let theirBlock = try #require(try liar.rpc("eth_getBlockByNumber", ["latest", false]) as? [String: Any])
        #expect((theirBlock["transactions"] as? [String])?.contains(signed.hash) == true)
        let theirReceipts = try #require(try liar.rpc("eth_getBlockReceipts", ["latest"]) as? [[String: Any]])
        #expect(theirReceipts.contains { $0["transactionHash"] as? String == signed.hash })
        // devnode_* calls pass through: the node saw no eth_sendRawTransaction.
        #expect(try liar.rpc("devnode_methodCount", ["eth_sendRawTransaction"]) as? Int == 0)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func failingPeersFailAsTheySay() throws {
        let node = try DevNode()
        // hang: nothing within the client's 2 s; the test methods still answer.
        let hang = try FaultPeer(upstream: node, .hang)
        let hung = try curl(hang.url, "--max-time 2")
        #expect(hung.result.status == 28, "curl exit \(hung.result.status): \(hung.result.stderrText)")
        #expect(hung.seconds >= 1.9 && hung.seconds < 15)
        #expect(try hang.rpc("devnode_requestCount", []) is Int)

        let reset = try FaultPeer(upstream: node, .reset)
        let resetAnswer = try curl(reset.url, "--max-time 20")
        #expect(resetAnswer.result.status == 56, "curl exit \(resetAnswer.result.status): \(resetAnswer.result.stderrText)")
        #expect(resetAnswer.result.stderrText.contains("reset"))

        let garbage = try FaultPeer(upstream: node, .garbage)
        let junk = try garbage.post(Self.chainIdCall)
        #expect(junk.status == 200)
        #expect((try? JSONSerialization.jsonObject(with: Data(junk.body.utf8))) == nil)

        // huge: 100 MiB announced and streamed; the first bytes arrive at once and look like JSON.
        let huge = try FaultPeer(upstream: node, .huge)
        let head = try curl(huge.url, "-D - --max-time 30", pipe: "| head -c 300")
        #expect(head.result.stdoutText.contains("Content-Length: 104857600"))
        #expect(head.result.stdoutText.contains(#"{"jsonrpc":"2.0","id":1,"result":"0x0000"#))
        #expect(head.seconds < 15)

        let wrongChain = try FaultPeer(upstream: node, .wrongChain)
        #expect(try wrongChain.rpc("eth_chainId", []) as? String == "0x1")
        #expect(try wrongChain.rpc("net_version", []) as? String == "1")
        #expect(try node.rpc("eth_chainId", []) as? String == "0x539")

        let ansi = try FaultPeer(upstream: node, .ansi)
        for (method, params) in [("eth_noSuchMethod", [Any]()), ("eth_sendRawTransaction", [try signedTransfer(nonce: 0).raw])] {
            do {
                _ = try ansi.rpc(method, params)
                Issue.record("\(method): no error from the ansi peer")
            } catch let error as DevNode.RPCError {
                #expect(error.message.contains("\u{1B}[2J") && error.message.contains("\u{1B}]0;"))
                #expect(error.message.contains("\u{1B}[32mconfirmed OK"))
            }
        }
        #expect(try node.rpc("eth_getTransactionCount", [Self.address1, "latest"]) as? String == "0x0")

        let slow = try FaultPeer(upstream: node, .slow)
        let start = Date()
        #expect(try slow.rpc("eth_chainId", []) as? String == "0x539")
        #expect(Date().timeIntervalSince(start) >= 2)

        let pid = slow.pid
        slow.stop()
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "faultpeer \(pid) still exists after stop()")
    }
}
