import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ChainReaderTests {
    @Test func snapshotIsOneRequestAndMatchesTheNode() throws {
        let node = try DevNode(options: ["--chain-id", "31337"])
        let from = try NetTestSupport.key(4).address
        let to = try NetTestSupport.key(5).address
        let client = JSONRPCClient(url: node.url, timeout: 10)
        _ = try node.rpc("devnode_resetRequestCount", [])  // the count is 0 from here
        let snapshot = try ChainReader.snapshot(ChainQuery(from: from, to: to, value: 1), client: client)
        #expect(try node.requestCount() == 1, "exactly one HTTP request")
        #expect(snapshot.chainId == 31337 && snapshot.pendingNonce == 0)
        #expect(snapshot.gasEstimate == 21_000)
        #expect(snapshot.balance == (try U256(decimal: "1000000000000000000000000")))
        let history = try node.rpc("eth_feeHistory", ["0x1", "latest", [50]]) as! [String: Any]
        let nextBase = try U256(hexQuantity: (history["baseFeePerGas"] as! [String]).last!)
        #expect(snapshot.nextBaseFee == nextBase)
        #expect(snapshot.suggestedTip >= 1)
        #expect(snapshot.maxFeePerGas == snapshot.nextBaseFee * 2 + snapshot.suggestedTip)
        // Without the optional parts.
        let bare = try ChainReader.snapshot(ChainQuery(from: from, to: nil, estimateGas: false, includeBalance: false), client: client)
        #expect(bare.gasEstimate == nil && bare.balance == nil)
    }

    @Test func tipIsTheMedianRewardAtLeastOneWei() throws {
        func history(_ rewards: [String]) -> JSONValue {
            .object([("baseFeePerGas", .array([.string("0x5"), .string("0x7")])),
                     ("reward", .array(rewards.map { .array([.string($0)]) }))])
        }
        #expect(try ChainReader.fees(fromHistory: history(["0x3", "0x1", "0x9"])) == (7, 3))
        #expect(try ChainReader.fees(fromHistory: history(["0x2", "0x4", "0x9", "0x1"])).tip == 3)
        #expect(try ChainReader.fees(fromHistory: history(["0x0", "0x0"])).tip == 1)
        #expect(try ChainReader.fees(fromHistory: history([])).tip == 1)
        #expect(throws: RPCError.self) { try ChainReader.fees(fromHistory: .object([("baseFeePerGas", .array([]))])) }
    }

    @Test func chainCheckNamesDisagreeingPeers() throws {
        let right = try DevNode()
        let wrong = try DevNode(options: ["--chain-id", "99"])
        let down = "http://127.0.0.1:\(NetTestSupport.closedPort())"
        #expect {
            try ChainCheck.verify(peers: [right.url, wrong.url, down], expected: 1337, timeout: 5)
        } throws: { error in
            guard let mismatch = error as? ChainMismatchError else { return false }
            return mismatch.disagreeing.map(\.url) == [wrong.url] && mismatch.disagreeing[0].chainId == 99
                && mismatch.description.contains("\(wrong.url) reports 99")
        }
        let unreachable = try ChainCheck.verify(peers: [right.url, down], expected: 1337, timeout: 5)
        #expect(unreachable.map(\.url) == [down])
    }

    @Test func readsAndReceiptWaiting() throws {
        let node = try DevNode()
        let reader = NodeReader(client: JSONRPCClient(url: node.url, timeout: 10))
        let sender = try NetTestSupport.key(6)
        #expect(try reader.chainId() == 1337)
        #expect(try reader.nonce(of: sender.address) == 0)
        let fees = try reader.fees()
        #expect(fees.gasPrice > 0 && fees.maxFeePerGas >= fees.nextBaseFee)

        let tx = try NetTestSupport.transfer(from: 6, nonce: 0)
        _ = try reader.client.call("eth_sendRawTransaction", [.string(Hex.encode(tx.rawBytes))])
        var events: [ReceiptProgress] = []
        let waiter = ReceiptWaiter(peers: [node.url], requestTimeout: 5, pollInterval: 0.2)
        guard case .found(let receipt, let confirmations) = waiter.wait(hash: tx.hash, confirmations: 1, timeout: 10) else {
            Issue.record("no receipt"); return
        }
        #expect(receipt.status == 1 && !receipt.reverted && receipt.gasUsed == 21_000 && confirmations >= 1)
        #expect(receipt.transactionHash == tx.hash && receipt.logsCount == 0 && receipt.from == sender.address)
        #expect(try reader.receipt(hash: tx.hash) == receipt)
        #expect(try reader.transaction(hash: tx.hash)?["hash"] == .string(Hex.encode(tx.hash)))
        #expect(try reader.nonce(of: sender.address) == 1)
        #expect(try reader.blockNumber() == receipt.blockNumber)

        // Three confirmations need two more blocks: the wait reports progress and times out...
        let short = waiter.wait(hash: tx.hash, confirmations: 3, timeout: 0.5) { events.append($0) }
        #expect(short == .timedOut(hash: tx.hash))
        #expect(events.contains(.mined(block: receipt.blockNumber, confirmations: 1, required: 3)))
        // ...until they are mined.
        _ = try node.rpc("devnode_mine", [2])
        guard case .found(_, let three) = waiter.wait(hash: tx.hash, confirmations: 3, timeout: 5) else {
            Issue.record("not confirmed"); return
        }
        #expect(three == 3)
        let unknown = [UInt8](repeating: 0xAB, count: 32)
        #expect(waiter.wait(hash: unknown, timeout: 0.3) == .timedOut(hash: unknown))
        #expect(try reader.receipt(hash: unknown) == nil)
    }

    @Test func erc20ReadsThroughEthCall() throws {
        let node = try DevNode()
        let token = try Address(parsing: node.rpc("devnode_deployToken", [6]) as! String)
        let holder = try NetTestSupport.key(1).address
        let reader = NodeReader(client: JSONRPCClient(url: node.url, timeout: 10))
        let decimals = try reader.call(to: token, data: [0x31, 0x3c, 0xe5, 0x67])
        #expect(try U256(bigEndian: decimals) == 6)
        let balanceOf = [0x70, 0xa0, 0x82, 0x31] + [UInt8](repeating: 0, count: 12) + holder.bytes
        let balance = try U256(bigEndian: reader.call(to: token, data: balanceOf))
        #expect(balance == (try U256(decimal: "1000000000000")))
    }
}
