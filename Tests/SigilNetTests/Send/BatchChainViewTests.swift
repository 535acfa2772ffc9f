import Foundation
import Testing
import SigilCore
@testable import SigilNet
import SigilTestSupport

/// The batch's shared chain reads, against the real local node: a plain transfer to an account
/// without code is never estimated, calls and transfers to contracts and precompiles are, and
/// the fee snapshot is read once until it is older than `maxAge`.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct BatchChainViewTests {
    @Test func estimatesOnlyWhatNeedsIt() throws {
        let node = try DevNode()
        let from = try NetTestSupport.key(4).address
        let token = try #require(try node.rpc("devnode_deployToken", [18, from.checksummed]) as? String)
        let contract = try Address(parsing: token)
        let sender = TransactionSender(peers: [node.url], timeout: 10, journalDirectory: NSTemporaryDirectory())
        let view = BatchChainView(sender: sender, from: from, maxAge: 3600)
        var plain: [Address] = []
        for i in 0..<5 { plain.append(try Address(bytes: [UInt8](repeating: 0, count: 12) + [0x70, 0, 0, UInt8(i), 0, 0, 0, 1])) }
        try view.prefetchCode(of: plain + [contract])
        let estimatesBefore = try node.methodCount("eth_estimateGas")
        let historyBefore = try node.methodCount("eth_feeHistory")
        for to in plain {
            let snapshot = try view.snapshot(for: PaymentIntent(to: to, value: 1))
            #expect(snapshot.gasEstimate == nil, "a transfer to an account without code needs no estimate")
            #expect(try PaymentIntent(to: to, value: 1).request(from: from, snapshot: snapshot).gas == 21_000)
            #expect(snapshot.chainId == 1337)
        }
        #expect(try node.methodCount("eth_estimateGas") == estimatesBefore)
        #expect(try node.methodCount("eth_feeHistory") == historyBefore + 1, "one fee read for the whole batch")

        // A token call and a transfer to a precompile are estimated.
        let call = PaymentIntent(to: contract, value: .zero, data: ERC20Call.transfer(recipient: plain[0], amount: 5).encoded)
        let callSnapshot = try view.snapshot(for: call)
        let estimate = try #require(callSnapshot.gasEstimate)
        #expect(estimate > 21_000)
        let precompile = try Address(bytes: [UInt8](repeating: 0, count: 19) + [1])
        #expect(try view.snapshot(for: PaymentIntent(to: precompile, value: 1)).gasEstimate != nil)
        #expect(try node.methodCount("eth_estimateGas") == estimatesBefore + 2)
        #expect(try node.methodCount("eth_feeHistory") == historyBefore + 1)
    }

    @Test func feesAreReadAgainOnceStale() throws {
        let node = try DevNode()
        let from = try NetTestSupport.key(4).address
        let sender = TransactionSender(peers: [node.url], timeout: 10, journalDirectory: NSTemporaryDirectory())
        let view = BatchChainView(sender: sender, from: from, maxAge: 0)
        let to = try Address(bytes: [UInt8](repeating: 0x77, count: 20))
        let before = try node.methodCount("eth_feeHistory")
        for _ in 0..<3 { _ = try view.snapshot(for: PaymentIntent(to: to, value: 1)) }
        #expect(try node.methodCount("eth_feeHistory") == before + 3)
    }

    /// The one-call code probe against `eth_getCode`, address by address, on the real node: a
    /// full chunk of 1,000 addresses (random ones, a contract, a funded account, precompiles).
    @Test func theCodeProbeAgreesWithGetCode() throws {
        let node = try DevNode()
        let from = try NetTestSupport.key(4).address
        let token = try Address(parsing: try #require(try node.rpc("devnode_deployToken", [18, from.checksummed]) as? String))
        var random = SeededGenerator.fromEnvironment()
        var addresses = try (0..<994).map { _ in try Address(bytes: (0..<20).map { _ in UInt8.random(in: 0...255, using: &random) }) }
        addresses += [token, from, try Address(bytes: [UInt8](repeating: 0, count: 20))]
        addresses += try [1, 9, 10].map { try Address(bytes: [UInt8](repeating: 0, count: 19) + [$0]) }
        addresses.shuffle(using: &random)
        #expect(addresses.count == CodePresenceProbe.maxAddresses)

        let client = JSONRPCClient(url: node.url, timeout: 10)
        let call = BatchChainView.probeCall(addresses)
        let probed = try #require(CodePresenceProbe.decode(try client.call(call.method, call.params).bytes(method: "eth_call"),
                                                           count: addresses.count))
        let codes = try client.batch(addresses.map { RPCCall("eth_getCode", [.string(Hex.encode($0.bytes)), .string("latest")]) })
        let expected = try codes.map { !(try $0.get().bytes(method: "eth_getCode")).isEmpty }
        #expect(probed == expected)
        #expect(probed[addresses.firstIndex(of: token)!] && probed.filter { $0 }.count == 1, "only the token holds code")
    }

    /// Recipients' code takes one eth_call per 1,000 through a peer that runs the probe, and
    /// eth_getCode for each through one that refuses contract-creation calls; same answers.
    @Test func prefetchUsesTheProbeAndFallsBackToGetCode() throws {
        let node = try DevNode()
        let refusing = try FaultPeer(upstream: node, .noCreateCall)
        let from = try NetTestSupport.key(4).address
        let token = try Address(parsing: try #require(try node.rpc("devnode_deployToken", [18, from.checksummed]) as? String))
        let plain = try (0..<1_200).map { i in try Address(bytes: [UInt8](repeating: 0, count: 16) + [0x71, 0, UInt8(i >> 8), UInt8(i & 0xFF)]) }
        for url in [node.url, refusing.url] {
            let view = BatchChainView(sender: TransactionSender(peers: [url], timeout: 10, journalDirectory: NSTemporaryDirectory()),
                                      from: from, maxAge: 3600)
            let (calls, getCodes) = (try node.methodCount("eth_call"), try node.methodCount("eth_getCode"))
            try view.prefetchCode(of: plain + [token] + plain.prefix(3))
            if url == node.url {
                #expect(try node.methodCount("eth_call") == calls + 2 && node.methodCount("eth_getCode") == getCodes, "two probes")
            } else {
                #expect(try node.methodCount("eth_call") == calls && node.methodCount("eth_getCode") == getCodes + 1_201, "eth_getCode each")
            }
            let estimates = try node.methodCount("eth_estimateGas")
            #expect(try view.snapshot(for: PaymentIntent(to: plain[1_100], value: 1)).gasEstimate == nil)
            _ = try? view.snapshot(for: PaymentIntent(to: token, value: 1))   // the token may refuse ether: estimated all the same
            #expect(try node.methodCount("eth_estimateGas") == estimates + 1, "the contract is estimated")
        }
    }
}
