import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

/// The suggested tip: the node's eth_maxPriorityFeePerGas where it has it, else fee history.
@Suite struct SuggestedTipTests {
    static let history: JSONValue = .object([("baseFeePerGas", .array([.string("0x5"), .string("0x7")])),
                                             ("reward", .array([.array([.string("0x3")])]))])

    @Test func theNodesTipWinsWhenItAnswers() throws {
        let fees = try ChainReader.fees(fromHistory: Self.history, nodeTip: .success(.string("0x3b9aca00")))
        #expect(fees.nextBaseFee == 7 && fees.tip == 1_000_000_000)
    }

    @Test func feeHistoryWhenTheNodeHasNoSuggestion() throws {
        #expect(try ChainReader.fees(fromHistory: Self.history, nodeTip: .failure(.malformed("method not found"))).tip == 3)
        #expect(try ChainReader.fees(fromHistory: Self.history, nodeTip: .success(.null)).tip == 3, "an answer that is no quantity")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func snapshotAndFeesUseTheNodesTip() throws {
        let node = try DevNode()
        let client = JSONRPCClient(url: node.url, timeout: 10)
        let suggested = try U256(hexQuantity: try #require(try node.rpc("eth_maxPriorityFeePerGas", []) as? String))
        #expect(suggested == 1_000_000_000)
        let snapshot = try ChainReader.snapshot(ChainQuery(from: try NetTestSupport.key(4).address, to: nil,
                                                           estimateGas: false, includeBalance: false), client: client)
        #expect(snapshot.suggestedTip == suggested)
        #expect(try NodeReader(client: client).fees().suggestedTip == suggested)
    }
}
