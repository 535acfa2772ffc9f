import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

@Suite(.serialized) struct JSONRPCClientTests {
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func singleCallsAndBatchesAgainstADevnode() throws {
        let node = try DevNode(options: ["--chain-id", "4242"])
        let client = JSONRPCClient(url: node.url, timeout: 10)
        #expect(try client.call("eth_chainId").u256(method: "eth_chainId") == 4242)
        _ = try node.rpc("devnode_resetRequestCount", [])  // the count is 0 from here
        let results = try client.batch([
            RPCCall("eth_chainId"),
            RPCCall("no_such_method"),
            RPCCall("eth_getBalance", [.string(Hex.encode(try NetTestSupport.key(1).address.bytes)), .string("latest")]),
        ])
        #expect(try node.requestCount() == 1, "exactly one HTTP request")
        #expect(try results[0].get().u256(method: "eth_chainId") == 4242)
        guard case .failure(.node(let method, let code, _, _)) = results[1] else { Issue.record("\(results[1])"); return }
        #expect(method == "no_such_method" && code == -32601)
        #expect(try results[2].get().u256(method: "eth_getBalance") == (try U256(decimal: "1000000000000000000000000")))
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func nodeMessagesAreKeptVerbatim() throws {
        let node = try DevNode()
        let wrongChain = try NetTestSupport.transfer(from: 1, nonce: 0, chainId: 5)
        let client = JSONRPCClient(url: node.url, timeout: 10)
        #expect(throws: RPCError.node(method: "eth_sendRawTransaction", code: -32000, message: "invalid chain id", data: nil)) {
            try client.call("eth_sendRawTransaction", [.string(Hex.encode(wrongChain.rawBytes))])
        }
        let error = RPCError.node(method: "eth_sendRawTransaction", code: -32000, message: "invalid chain id", data: nil)
        #expect(error.description == "eth_sendRawTransaction: node error -32000: invalid chain id")
        #expect(error.category == .network)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func brokenNodesGiveClearErrors() throws {
        let http500 = try DevNode(options: ["--fail-mode", "http-500"])
        let garbage = try DevNode(options: ["--fail-mode", "garbage"])
        let closing = try DevNode(options: ["--fail-mode", "close"])
        #expect {
            try JSONRPCClient(url: http500.url, timeout: 5).call("eth_chainId")
        } throws: { error in
            if case RPCError.httpStatus(500, _) = error { return true }
            return false
        }
        #expect {
            try JSONRPCClient(url: garbage.url, timeout: 5).call("eth_chainId")
        } throws: { error in
            if case RPCError.malformed(let reason) = error { return reason.contains("not JSON") }
            return false
        }
        #expect {
            try JSONRPCClient(url: closing.url, timeout: 5).call("eth_chainId")
        } throws: { error in
            switch error as? RPCError {
            case .malformed, .transport: return true
            default: return false
            }
        }
    }

    @Test func batchIdsMustMatch() throws {
        func server(_ body: String) -> OneShotServer {
            OneShotServer { _ in Array("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8) }
        }
        // A fresh client numbers a batch of two as ids 1 and 2.
        let reversed = server(#"[{"jsonrpc":"2.0","id":2,"result":"0x2"},{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#)
        let results = try JSONRPCClient(url: reversed.url, timeout: 5).batch([RPCCall("a"), RPCCall("b")])
        #expect(try results.map { try $0.get() } == [.string("0x1"), .string("0x2")])
        let duplicate = server(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#)
        #expect(throws: RPCError.malformed("batch: duplicate response id 1")) {
            try JSONRPCClient(url: duplicate.url, timeout: 5).batch([RPCCall("a"), RPCCall("b")])
        }
        let missing = server(#"[{"jsonrpc":"2.0","id":1,"result":"0x1"}]"#)
        #expect(throws: RPCError.malformed("batch: no response for b")) {
            try JSONRPCClient(url: missing.url, timeout: 5).batch([RPCCall("a"), RPCCall("b")])
        }
    }

    @Test func quantityHelpersNameMethodAndField() {
        #expect(throws: RPCError.malformed("eth_getBalance: result: expected a hex quantity, got null")) {
            try JSONValue.null.u256(method: "eth_getBalance")
        }
        #expect(throws: RPCError.malformed("eth_getBlock: gasUsed: quantity does not fit in 64 bits")) {
            try JSONValue.string("0x10000000000000000").uint64(method: "eth_getBlock", field: "gasUsed")
        }
        #expect(throws: RPCError.malformed("m: to: expected 20 bytes, got 2")) {
            try JSONValue.string("0xabcd").address(method: "m", field: "to")
        }
        #expect((try? JSONValue.string("0xff").uint64(method: "m")) == 255)
    }

    /// Reads go to the first peer that answers: a dead port and a peer answering garbage are
    /// skipped (and stay skipped), a node's JSON-RPC error is an answer and never moves on.
    /// A hung peer listed first costs nothing: the first request is raced.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func aClientForSeveralPeersUsesTheFirstThatAnswers() throws {
        let node = try DevNode(options: ["--chain-id", "4243"])
        let garbage = try DevNode(options: ["--fail-mode", "garbage"])
        let down = "http://127.0.0.1:\(NetTestSupport.closedPort())"
        let client = JSONRPCClient(urls: [down, garbage.url, node.url], timeout: 5)
        #expect(client.url == down, "before any request: the first peer")
        #expect(try client.call("eth_chainId").u256(method: "eth_chainId") == 4243)
        #expect(client.url == node.url)
        // The first request was raced: the dead port and garbage may or may not have failed before
        // the node answered (on a loaded machine even a refused connection can come later), but
        // neither was chosen.
        #expect(Set(client.skippedPeers.map(\.url)).isSubset(of: [down, garbage.url]))
        _ = try node.rpc("devnode_resetRequestCount", [])
        _ = try garbage.rpc("devnode_resetRequestCount", [])
        guard case .failure(.node(_, let code, _, _)) = Result(catching: { () throws(RPCError) in try client.call("no_such_method") }) else {
            Issue.record("a node error is an answer"); return
        }
        #expect(code == -32601)
        #expect(try node.requestCount() == 1 && garbage.requestCount() == 0, "the skipped peers are not asked again")
        // Every peer down: the last one's error.
        let none = JSONRPCClient(urls: [down, "http://127.0.0.1:\(NetTestSupport.closedPort())"], timeout: 2)
        #expect(throws: RPCError.self) { try none.call("eth_chainId") }
        #expect(none.skippedPeers.map(\.url) == [down])
    }

    /// A hung peer listed first: the first request is answered by the honest peer in about its
    /// own time, not after the hung peer's timeout, and later requests never wait on it.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func aHungFirstPeerCostsNothing() throws {
        let node = try DevNode(options: ["--chain-id", "4244"])
        let hung = try FaultPeer(upstream: node.url, modes: [.hang])
        let client = JSONRPCClient(urls: [hung.url, node.url], timeout: 20)
        let start = Date()
        #expect(try client.call("eth_chainId").u256(method: "eth_chainId") == 4244)
        #expect(try client.call("eth_blockNumber").u256(method: "eth_blockNumber") >= 0)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 10, "two reads took \(elapsed) s: the hung peer's 20 s timeout was waited for")
        #expect(client.url == node.url)
    }
}
