import Foundation
import SigilTestSupport
import Testing

/// The dev node's eth_getLogs (geth's filter semantics, a provider's range and result limits)
/// and the web3.py oracle: transactions sent by web3.py, not Sigil, and what web3.py reads back.
@Suite(.serialized)
struct DevNodeLogsAndWeb3Tests {
    static let address1 = TestContracts.devKey1Address
    static let address2 = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
    static let address3 = "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"
    static let fresh = "0x4242424242424242424242424242424242424242"  // no key, no genesis balance
    static let key2 = "0x" + String(repeating: "0", count: 63) + "2"
    static let transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"

    static func padded(_ address: String) -> String {
        "0x" + String(repeating: "0", count: 24) + address.dropFirst(2).lowercased()
    }

    static func logs(_ node: DevNode, _ filter: [String: Any]) throws -> [[String: Any]] {
        try #require(try node.rpc("eth_getLogs", [filter]) as? [[String: Any]])
    }

    static func rpcError(_ node: DevNode, _ method: String, _ params: [Any]) -> DevNode.RPCError? {
        do {
            _ = try node.rpc(method, params)
            return nil
        } catch {
            return error as? DevNode.RPCError
        }
    }

    /// The identity of a log: transaction hash and block-wide index.
    static func ids(_ logs: [[String: Any]]) -> [String] {
        logs.map { "\($0["transactionHash"] as? String ?? "")#\($0["logIndex"] as? String ?? "")" }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func getLogsFiltersAsGethDoes() throws {
        let node = try DevNode()
        let token = try TestContracts.token(on: node, supply: "1000", holder: Self.address1)
        let other = try TestContracts.token(on: node, supply: "1000", holder: Self.address2)
        let first = try TestContracts.send("transfer", of: .sigilToken, at: token, args: [Self.address2, 5], on: node, from: 1)
        let second = try TestContracts.send("spray", of: .sigilToken, at: token, args: [Self.address3, 3], on: node, from: 1)
        let third = try TestContracts.send("transfer", of: .sigilToken, at: other, args: [Self.address3, 9], on: node, from: 2)
        let receipts = [first, second, third]
        let allLogs = receipts.flatMap { $0["logs"] as? [[String: Any]] ?? [] }
        let mintLogs = 2  // each constructor's Transfer from 0x0

        // Everything, in chain order, each log exactly as its receipt has it.
        let everything = try Self.logs(node, ["fromBlock": "earliest", "toBlock": "latest"])
        #expect(everything.count == mintLogs + allLogs.count)
        #expect(Self.ids(Array(everything.suffix(allLogs.count))) == Self.ids(allLogs))
        let fromReceipt = try #require(allLogs.first)
        let fromFilter = try #require(everything.dropFirst(mintLogs).first)
        for key in ["address", "topics", "data", "blockNumber", "blockHash", "transactionHash", "transactionIndex", "logIndex"] {
            #expect("\(fromFilter[key] ?? "")" == "\(fromReceipt[key] ?? "")", "\(key)")
        }
        #expect(fromFilter["removed"] as? Bool == false)

        // address: one, or a list; lowercase is the same address.
        #expect(try Self.logs(node, ["fromBlock": "0x0", "address": other.lowercased()]).count == 2)
        #expect(try Self.logs(node, ["fromBlock": "0x0", "address": [token, other]]).count == everything.count)
        // topics: null is any; a list is any of them; positions past a log's topics never match.
        let toAddress3 = try Self.logs(node, ["fromBlock": "0x0", "topics": [Self.transferTopic, NSNull(), Self.padded(Self.address3)]])
        #expect(toAddress3.count == 4)
        let either = try Self.logs(node, ["fromBlock": "0x0", "topics": [NSNull(), [Self.padded(Self.address1), Self.padded(Self.address2)]]])
        #expect(Self.ids(either) == Self.ids(allLogs))
        #expect(try Self.logs(node, ["fromBlock": "0x0", "topics": [NSNull(), NSNull(), NSNull(), NSNull()]]).isEmpty)
        // One block by number range or by hash.
        let block = try #require(second["blockNumber"] as? String)
        let hash = try #require(second["blockHash"] as? String)
        #expect(Self.ids(try Self.logs(node, ["fromBlock": block, "toBlock": block])) == Self.ids(second["logs"] as? [[String: Any]] ?? []))
        #expect(Self.ids(try Self.logs(node, ["blockHash": hash])) == Self.ids(second["logs"] as? [[String: Any]] ?? []))
        #expect(Self.rpcError(node, "eth_getLogs", [["blockHash": hash, "fromBlock": "0x0"]])?.code == -32602)
        #expect(Self.rpcError(node, "eth_getLogs", [["blockHash": "0x" + String(repeating: "ab", count: 32)]])?.code == -32000)
        #expect(Self.rpcError(node, "eth_getLogs", [["fromBlock": "0x3", "toBlock": "0x2"]])?.message == "invalid block range params")
        #expect(Self.rpcError(node, "eth_getLogs", [["topics": Array(repeating: NSNull(), count: 5)]])?.message == "exceed max topics")

        // web3.py reads the same logs from this node.
        let viaWeb3 = try #require(try Web3Oracle.one(node.url, ["op": "logs", "filter": ["fromBlock": "0x0", "address": token]]) as? [[String: Any]])
        #expect(viaWeb3.map { $0["transactionHash"] as? String ?? "" }
                == (try Self.logs(node, ["fromBlock": "0x0", "address": token])).map { $0["transactionHash"] as? String ?? "" })
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func getLogsRefusesRangesAndResultsOverTheLimits() throws {
        let node = try DevNode(options: ["--max-log-range", "50", "--max-log-results", "6"])
        let token = try TestContracts.token(on: node, supply: "1000", holder: Self.address1)
        _ = try node.rpc("devnode_mine", ["0x3c"])  // 60 empty blocks
        let sprayed = try TestContracts.send("spray", of: .sigilToken, at: token, args: [Self.address2, 5], on: node, from: 1)
        let head = try #require(Int((try node.rpc("eth_blockNumber", []) as? String ?? "").dropFirst(2), radix: 16))
        #expect(head == 62)

        let wide = Self.rpcError(node, "eth_getLogs", [["fromBlock": "0x0", "toBlock": "latest"]])
        #expect(wide?.code == -32005)
        #expect(wide?.message == "query exceeds max block range 50")
        #expect(Self.rpcError(node, "eth_getLogs", [["fromBlock": "0x0", "toBlock": "0x32"]])?.code == -32005)  // 51 blocks
        #expect(try Self.logs(node, ["fromBlock": "0x0", "toBlock": "0x31"]).count == 1)  // 50 blocks: the mint
        #expect(Self.ids(try Self.logs(node, ["fromBlock": "0xd", "toBlock": "latest"]))
                == Self.ids(sprayed["logs"] as? [[String: Any]] ?? []))
        // A block hash is one block; the result limit still applies.
        _ = try TestContracts.send("spray", of: .sigilToken, at: token, args: [Self.address2, 7], on: node, from: 1)
        let many = Self.rpcError(node, "eth_getLogs", [["fromBlock": "latest"]])
        #expect(many?.code == -32005)
        #expect(many?.message == "query returned more than 6 results")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func web3SendsTransactionsTheNodeMinesAndReadsWhatTheNodeServes() throws {
        let node = try DevNode()
        let token = try TestContracts.token(on: node, supply: "1000000", holder: Self.address2)
        let sent = try Web3Oracle.run(node.url, [
            ["op": "sendEther", "key": Self.key2, "to": Self.fresh, "value": "123456789"],
            ["op": "sendToken", "key": Self.key2, "token": token, "to": Self.fresh, "amount": "4321"],
        ]).map { $0 as? [String: Any] ?? [:] }
        let etherHash = try #require(sent[0]["hash"] as? String, "\(sent[0])")
        let tokenHash = try #require(sent[1]["hash"] as? String, "\(sent[1])")
        #expect(sent[0]["from"] as? String == Self.address2)

        // The node has them, as web3.py built them (not Sigil: nonce, gas and fees are web3.py's).
        let etherTx = try #require(try node.rpc("eth_getTransactionByHash", [etherHash]) as? [String: Any])
        #expect(etherTx["from"] as? String == Self.address2)
        #expect(etherTx["to"] as? String == Self.fresh)
        #expect(etherTx["value"] as? String == "0x" + String(123_456_789, radix: 16))
        #expect(etherTx["nonce"] as? String == "0x0")
        #expect(try node.rpc("eth_getBalance", [Self.fresh, "latest"]) as? String == "0x" + String(123_456_789, radix: 16))

        let reads = try Web3Oracle.run(node.url, [
            ["op": "receipt", "hash": tokenHash],
            ["op": "transaction", "hash": tokenHash],
            ["op": "call", "contract": "SigilToken", "address": token, "function": "balanceOf", "args": [Self.fresh]],
            ["op": "events", "contract": "SigilToken", "address": token, "event": "Transfer", "fromBlock": 0],
            ["op": "nonce", "address": Self.address2],
            ["op": "code", "address": token],
            ["op": "chainId"],
            ["op": "estimateGas", "tx": ["from": Self.address2, "to": Self.fresh, "value": "1"]],
        ])
        let receipt = try #require(try node.rpc("eth_getTransactionReceipt", [tokenHash]) as? [String: Any])
        let web3Receipt = try #require(reads[0] as? [String: Any])
        #expect(web3Receipt["status"] as? String == "1")
        #expect(web3Receipt["blockHash"] as? String == receipt["blockHash"] as? String)
        #expect((web3Receipt["gasUsed"] as? String).flatMap { Int($0) }
                == (receipt["gasUsed"] as? String).flatMap { Int($0.dropFirst(2), radix: 16) })
        #expect((web3Receipt["logs"] as? [Any])?.count == 1)
        #expect((reads[1] as? [String: Any])?["to"] as? String == token)
        #expect(reads[2] as? [String] == ["4321"])
        let events = try #require(reads[3] as? [[String: Any]])
        let last = try #require(events.last?["args"] as? [String: Any])
        #expect(events.count == 2)
        #expect(last["sender"] as? String == Self.address2 && last["receiver"] as? String == Self.fresh)
        #expect(last["value"] as? String == "4321")
        #expect(reads[4] as? String == "2")
        #expect(reads[5] as? String == (try node.rpc("eth_getCode", [token, "latest"]) as? String))
        #expect(reads[6] as? String == "1337")
        #expect(reads[7] as? String == "21000")
    }
}
