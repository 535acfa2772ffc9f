import Foundation
import Testing
import SigilCore
import SigilNet
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
}
