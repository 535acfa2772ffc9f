import Foundation
import Glibc
import SigilTestSupport
import Testing

/// Tests of the local node harness itself (Tests/Support/devnode, DevNode.swift).
@Suite(.serialized)
struct DevNodeTests {
    static let key1 = "0x" + String(repeating: "0", count: 63) + "1"
    static let key2 = "0x" + String(repeating: "0", count: 63) + "2"
    static let address1 = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"
    static let address2 = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"

    /// Signs transactions with eth-account; returns [(raw, hash)].
    func sign(_ cases: [(key: String, tx: [String: Any])]) throws -> [(raw: String, hash: String)] {
        let input = cases.map { ["key": $0.key, "tx": $0.tx] as [String: Any] }
        let output = try #require(try PythonOracle.run("sign_tx.py", input: input) as? [[String: String]])
        return output.map { ($0["raw"] ?? "", $0["hash"] ?? "") }
    }

    func transfer(nonce: Int, chainId: Int = 1337, value: Any = 1, gas: Int = 21000,
                  maxFee: Int = 3_000_000_000, tip: Int = 1_000_000_000, to: String = address2) -> [String: Any] {
        ["type": 2, "chainId": chainId, "nonce": nonce, "to": to, "value": value, "gas": gas,
         "maxFeePerGas": maxFee, "maxPriorityFeePerGas": tip]
    }

    func quantity(_ value: Any?) throws -> UInt64 {
        let text = try #require(value as? String)
        return try #require(UInt64(text.dropFirst(2), radix: 16), "not a quantity: \(text)")
    }

    func rpcError(_ node: DevNode, _ method: String, _ params: [Any]) -> DevNode.RPCError? {
        do {
            _ = try node.rpc(method, params)
            return nil
        } catch let error as DevNode.RPCError {
            return error
        } catch {
            return nil
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func startsAndAnswersBasics() throws {
        let node = try DevNode()
        #expect(node.url.hasPrefix("http://127.0.0.1:"))
        #expect(try node.rpc("eth_chainId", []) as? String == "0x539")
        #expect(try node.rpc("net_version", []) as? String == "1337")
        #expect((try node.rpc("web3_clientVersion", []) as? String)?.isEmpty == false)
        #expect(try node.rpc("eth_blockNumber", []) as? String == "0x0")
        // 1,000,000 ETH for each of the keys 0x..01-0x..0a.
        #expect(try node.rpc("eth_getBalance", [Self.address1, "latest"]) as? String == "0xd3c21bcecceda1000000")
        #expect(try node.rpc("eth_getTransactionCount", [Self.address1, "pending"]) as? String == "0x0")
        #expect(rpcError(node, "eth_noSuchMethod", [])?.code == -32601)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func answersABatch() throws {
        let node = try DevNode(options: ["--chain-id", "31337"])
        let answer = try node.post("""
            [{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]},
             {"jsonrpc":"2.0","id":8,"method":"eth_blockNumber","params":[]},
             {"jsonrpc":"2.0","id":9,"method":"nope","params":[]}]
            """)
        #expect(answer.status == 200)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items.map { $0["id"] as? Int } == [7, 8, 9])
        #expect(items[0]["result"] as? String == "0x7a69")
        #expect(items[1]["result"] as? String == "0x0")
        #expect((items[2]["error"] as? [String: Any])?["code"] as? Int == -32601)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func minesARawTransactionAndRejectsBadOnesLikeGeth() throws {
        let node = try DevNode()
        let legacyWrongChain: [String: Any] = ["nonce": 1, "gasPrice": 3_000_000_000, "gas": 21000,
                                               "to": Self.address2, "value": 1, "chainId": 1]
        let signed = try sign([
            (Self.key1, transfer(nonce: 0)),
            (Self.key1, transfer(nonce: 0, value: 2)),
            (Self.key1, transfer(nonce: 5)),
            (Self.key1, transfer(nonce: 1, chainId: 1)),
            (Self.key1, legacyWrongChain),
            (Self.key1, transfer(nonce: 1, gas: 20000)),
            (Self.key1, transfer(nonce: 1, value: "0x1a784379d99db42000000")),  // 2,000,000 ETH
            (Self.key1, transfer(nonce: 1, maxFee: 1, tip: 1)),
        ])
        let hash = try node.rpc("eth_sendRawTransaction", [signed[0].raw]) as? String
        #expect(hash == signed[0].hash)
        let receipt = try #require(try node.rpc("eth_getTransactionReceipt", [signed[0].hash]) as? [String: Any])
        #expect(receipt["status"] as? String == "0x1")
        #expect(receipt["blockNumber"] as? String == "0x1")
        #expect(receipt["gasUsed"] as? String == "0x5208")
        #expect((receipt["from"] as? String)?.lowercased() == Self.address1.lowercased())
        let tx = try #require(try node.rpc("eth_getTransactionByHash", [signed[0].hash]) as? [String: Any])
        #expect(tx["nonce"] as? String == "0x0")
        #expect(tx["chainId"] as? String == "0x539")
        #expect(try node.rpc("eth_getTransactionCount", [Self.address1, "latest"]) as? String == "0x1")
        #expect(try node.rpc("eth_getBalance", [Self.address2, "latest"]) as? String == "0xd3c21bcecceda1000001")

        let expected = [
            "nonce too low", "nonce too low", "nonce too high", "invalid chain id", "invalid chain id",
            "intrinsic gas too low", "insufficient funds for gas * price + value",
            "max fee per gas less than block base fee",
        ]
        for (item, prefix) in zip(signed, expected) {
            let error = rpcError(node, "eth_sendRawTransaction", [item.raw])
            #expect(error?.code == -32000)
            #expect(error?.message.hasPrefix(prefix) == true, "expected \(prefix), got \(String(describing: error))")
        }
        #expect(try node.rpc("eth_blockNumber", []) as? String == "0x1")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func computesFeeHistoryFromTheBlocks() throws {
        let node = try DevNode()
        let tips = [1_000_000_000, 2_000_000_000, 500_000_000]
        let signed = try sign(tips.enumerated().map { (Self.key1, transfer(nonce: $0.offset, maxFee: 4_000_000_000, tip: $0.element)) })
        for item in signed { _ = try node.rpc("eth_sendRawTransaction", [item.raw]) }
        let history = try #require(try node.rpc("eth_feeHistory", ["0x3", "latest", [10, 90]]) as? [String: Any])
        #expect(history["oldestBlock"] as? String == "0x1")
        let baseFees = try #require(history["baseFeePerGas"] as? [String])
        let ratios = try #require(history["gasUsedRatio"] as? [Double])
        let rewards = try #require(history["reward"] as? [[String]])
        #expect(baseFees.count == 4 && ratios.count == 3 && rewards.count == 3)
        for number in 1...3 {
            let block = try #require(try node.rpc("eth_getBlockByNumber", ["0x\(number)", false]) as? [String: Any])
            #expect(baseFees[number - 1] == block["baseFeePerGas"] as? String)
            let used = Double(try quantity(block["gasUsed"])), limit = Double(try quantity(block["gasLimit"]))
            #expect(abs(ratios[number - 1] - used / limit) < 1e-12)
            // One transaction per block: every percentile is its effective tip.
            let base = try quantity(block["baseFeePerGas"])
            let tip = min(UInt64(tips[number - 1]), 4_000_000_000 - base)
            #expect(rewards[number - 1] == ["0x" + String(tip, radix: 16), "0x" + String(tip, radix: 16)])
        }
        // The next block's base fee falls (blocks far below half full), as EIP-1559 says.
        #expect(try quantity(baseFees[3]) < quantity(baseFees[2]))
        #expect(try node.rpc("eth_maxPriorityFeePerGas", []) as? String == "0x3b9aca00")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func countsRequestsAndFailsOnDemand() throws {
        let node = try DevNode(options: ["--fail-mode", "reject-all"])
        _ = try node.rpc("devnode_resetRequestCount", [])
        _ = try node.rpc("eth_chainId", [])
        _ = try node.post(#"[{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":2,"method":"eth_chainId"}]"#)
        #expect(try node.requestCount() == 2)
        #expect(try node.requestCount() == 3)
        let signed = try sign([(Self.key1, transfer(nonce: 0))])
        #expect(rpcError(node, "eth_sendRawTransaction", [signed[0].raw])?.message == "txpool is full")

        let broken = try DevNode(options: ["--fail-mode", "http-500", "--delay-ms", "300"])
        let start = Date()
        #expect(try broken.post(#"{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}"#).status == 500)
        #expect(Date().timeIntervalSince(start) >= 0.3)
        #expect(try broken.requestCount() == 1)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func instancesAreIndependentAndStopCleanly() throws {
        let a = try DevNode(), b = try DevNode()
        #expect(a.url != b.url)
        let genesisA = try #require(try a.rpc("eth_getBlockByNumber", ["0x0", false]) as? [String: Any])
        let genesisB = try #require(try b.rpc("eth_getBlockByNumber", ["0x0", false]) as? [String: Any])
        #expect(genesisA["hash"] as? String == genesisB["hash"] as? String)
        let signed = try sign([(Self.key1, transfer(nonce: 0))])
        _ = try a.rpc("eth_sendRawTransaction", [signed[0].raw])
        #expect(try a.rpc("eth_blockNumber", []) as? String == "0x1")
        #expect(try b.rpc("eth_blockNumber", []) as? String == "0x0")

        let pid = a.pid
        a.stop()
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "devnode \(pid) still exists after stop()")
        #expect(try a.post(#"{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}"#).status == 0)
        #expect(try b.rpc("eth_chainId", []) as? String == "0x539")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func deploysAWorkingToken() throws {
        let node = try DevNode()
        let token = try #require(try node.rpc("devnode_deployToken", [6]) as? String)
        func word(_ address: String) -> String { String(repeating: "0", count: 24) + address.dropFirst(2).lowercased() }
        func amount(_ value: Int) -> String { let h = String(value, radix: 16); return String(repeating: "0", count: 64 - h.count) + h }
        func call(_ data: String) throws -> String {
            try #require(try node.rpc("eth_call", [["to": token, "data": data], "latest"]) as? String)
        }
        func balance(_ address: String) throws -> Int { Int(try call("0x70a08231" + word(address)).dropFirst(2), radix: 16) ?? -1 }
        #expect(try call("0x313ce567") == "0x" + amount(6))
        #expect(try call("0x18160ddd") == "0x" + amount(1_000_000_000_000))
        #expect(try balance(Self.address1) == 1_000_000_000_000)

        let transferData = "0xa9059cbb" + word(Self.address2) + amount(1234)
        let tooMuch = "0xa9059cbb" + word(Self.address1) + amount(1235)
        var good = transfer(nonce: 0, value: 0, gas: 100_000, to: token); good["data"] = transferData
        var bad = transfer(nonce: 0, value: 0, gas: 100_000, to: token); bad["data"] = tooMuch
        let signed = try sign([(Self.key1, good), (Self.key2, bad)])
        for item in signed { _ = try node.rpc("eth_sendRawTransaction", [item.raw]) }
        let ok = try #require(try node.rpc("eth_getTransactionReceipt", [signed[0].hash]) as? [String: Any])
        #expect(ok["status"] as? String == "0x1")
        let log = try #require((ok["logs"] as? [[String: Any]])?.first)
        #expect((log["topics"] as? [String])?.first == "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")
        #expect(log["data"] as? String == "0x" + amount(1234))
        let failed = try #require(try node.rpc("eth_getTransactionReceipt", [signed[1].hash]) as? [String: Any])
        #expect(failed["status"] as? String == "0x0")
        #expect(try balance(Self.address1) == 1_000_000_000_000 - 1234)
        #expect(try balance(Self.address2) == 1234)
        #expect(rpcError(node, "eth_estimateGas", [["from": Self.address2, "to": token, "data": tooMuch]])?.code == 3)
    }
}
