import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

/// The node's own rejection messages (the devnode answers with geth's wording), classified into
/// a reason with one clear line and advice that never says "rebroadcast".
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct NodeRejectionTests {
    /// Signs a type-2 transaction from devnode key `n` with the given fields.
    func signed(from n: UInt8, nonce: UInt64 = 0, chainId: U256 = 1337, maxFee: U256 = 10_000_000_000,
                gas: UInt64 = 21_000, value: U256 = 1, data: [UInt8] = [], key: PrivateKey? = nil) throws -> SignedTransaction {
        let tx = DynamicFeeTransaction(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: 1, maxFeePerGas: maxFee,
                                       gasLimit: gas, to: try NetTestSupport.key(10).address, value: value, data: data)
        return try (key ?? NetTestSupport.key(n)).sign(tx)
    }

    func error(of tx: SignedTransaction, peers: [String]) -> SendError {
        let report = Broadcaster.broadcast(raw: tx.rawBytes, expectedHash: tx.hash, peers: peers, timeout: 10)
        return SendError.broadcastFailed(report, quorum: 1, hash: Hex.encode(tx.hash))
    }

    @Test func eachNodeRejectionIsNamedWithItsOwnAdvice() throws {
        let node = try DevNode()
        let mined = try signed(from: 4)
        #expect(Broadcaster.broadcast(raw: mined.rawBytes, expectedHash: mined.hash, peers: [node.url], timeout: 10).acceptedCount == 1)
        var poorBytes = Array("0x\(String(repeating: "ab", count: 32))".utf8)
        let poor = try PrivateKey(parsing: SecureBytes(consuming: &poorBytes))
        let cases: [(SignedTransaction, NodeRejection, String, String)] = [
            (try signed(from: 4, nonce: 0, value: 2), .nonceTooLow, "nonce too low", "sigil tx status"),
            (try signed(from: 5, key: poor), .insufficientFunds, "insufficient funds", "sigil balance"),
            (try signed(from: 5, maxFee: 1), .feeBelowBaseFee, "below the block's base fee", "--max-fee"),
            (try signed(from: 5, data: [1, 2, 3]), .intrinsicGasTooLow, "intrinsic gas", "--gas-limit"),
            (try signed(from: 5, chainId: 1), .invalidChainId, "another chain", "sigil chain-id"),
        ]
        for (tx, expected, summary, advice) in cases {
            let failure = error(of: tx, peers: [node.url])
            guard case .rejected(let reason, let message, let hash) = failure else {
                Issue.record("\(expected): \(failure)"); continue
            }
            #expect(reason == expected, "\(message)")
            #expect(NodeRejection(message: message) == expected)
            #expect(hash == Hex.encode(tx.hash))
            #expect(failure.description.contains(summary) && failure.description.contains(advice), "\(failure.description)")
            #expect(failure.description.contains(message), "the node's own words are kept")
            #expect(!failure.description.contains("rebroadcast"), "the same bytes would be refused again")
            #expect(failure.reasonName == expected.name && failure.category == .network)
        }
    }

    /// Only when every peer refused is it a rejection: with a peer down, a rebroadcast may help.
    @Test func aPeerDownKeepsTheRebroadcastAdvice() throws {
        let node = try DevNode()
        let down = "http://127.0.0.1:\(NetTestSupport.closedPort())"
        let failure = error(of: try signed(from: 6, maxFee: 1), peers: [node.url, down])
        guard case .quorumNotReached(let accepted, _, _) = failure else { Issue.record("\(failure)"); return }
        #expect(accepted == 0 && failure.reasonName == nil)
        #expect(failure.description.contains("sigil tx rebroadcast"))
    }

    @Test func messagesFromOtherClientsClassifyToo() {
        #expect(NodeRejection(message: "Nonce too low. Expected nonce to be 5 but got 3.") == .nonceTooLow)
        #expect(NodeRejection(message: "max fee per gas less than block base fee: address 0x…, maxFeePerGas: 1, baseFee: 7") == .feeBelowBaseFee)
        #expect(NodeRejection(message: "replacement transaction underpriced") == .replacementUnderpriced)
        #expect(NodeRejection(message: "transaction underpriced: tip needed 1, tip permitted 0") == .underpriced)
        #expect(NodeRejection(message: "txpool is full") == .other)
        #expect(NodeRejection.other.hint(hash: "0x") == nil && NodeRejection.other.summary == nil)
    }
}
