import Foundation
import SigilCore
@testable import SigilNet
import SigilTestSupport
import Testing

/// `ChainVerifier.confirmations(of:)`: counted from the agreed head down to the block by
/// parentHash links, against the dev node (and an honest proxy beside it).
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct HeaderChainTests {
    @Test("after mining N more blocks a block has N + 1 confirmations", arguments: [0, 1, 5])
    func confirmationsCountMinedBlocks(_ mined: Int) throws {
        let node = try DevNode()
        let honest = try FaultPeer(upstream: node, .honest)
        let verifier = ChainVerifier(peers: [node.url, honest.url], timeout: 10, settings: VerificationSettings())
        let receipt = try VerifyTestSupport.mine(try NetTestSupport.transfer(from: 3, nonce: 0), on: node)
        let number = try VerifyTestSupport.quantity(receipt["blockNumber"])
        let block = try verifier.header(at: .number(number))
        #expect(block.hash == (try VerifyTestSupport.hexBytes(receipt["blockHash"])))
        if mined > 0 { _ = try node.rpc("devnode_mine", ["0x" + String(mined, radix: 16)]) }
        let (count, head) = try verifier.confirmations(of: block)
        #expect(count == UInt64(mined) + 1)
        let latest = try VerifyTestSupport.latest(node)
        #expect(head.number == number + UInt64(mined) && head.hash == latest.hash)
        #expect(head.agreeing == [node.url, honest.url])
    }

    @Test("a block the agreed chain does not lead to has no confirmations")
    func blockOffTheChainHasNone() throws {
        let node = try DevNode()
        let verifier = ChainVerifier(peers: [node.url], timeout: 10, settings: VerificationSettings())
        _ = try node.rpc("devnode_mine", ["0x3"])
        let real = try verifier.header(at: .number(1))
        #expect(try verifier.confirmations(of: real).count == 3)
        // The same header with another hash, as a peer on a fork would have it: the links from
        // the head lead to the real block 1, not to this one.
        let forked = TrustedBlock(header: real.header, hash: [UInt8](repeating: 1, count: 32), agreeing: real.agreeing,
                                  asked: real.asked, pinned: false, faults: [])
        #expect(try verifier.confirmations(of: forked).count == 0)
        // A block above the head: none yet.
        var future = real.header
        future.number = 100
        let ahead = TrustedBlock(header: future, hash: future.hash, agreeing: real.agreeing, asked: real.asked, pinned: false, faults: [])
        #expect(try verifier.confirmations(of: ahead).count == 0)
    }
}
