import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct BroadcasterTests {
    @Test func threeHealthyPeersAllAccept() throws {
        let nodes = try (0..<3).map { _ in try DevNode() }
        let tx = try NetTestSupport.transfer(from: 2, nonce: 0)
        let report = Broadcaster.broadcast(raw: tx.rawBytes, expectedHash: tx.hash, peers: nodes.map(\.url), timeout: 10)
        #expect(report.peers.map(\.outcome) == [.accepted, .accepted, .accepted])
        #expect(report.acceptedCount == 3 && report.meets(quorum: 3) && !report.meets(quorum: 4))
        // A second broadcast of the same transaction: it is mined, so (as from geth) its nonce is too low.
        let again = Broadcaster.broadcast(raw: tx.rawBytes, expectedHash: tx.hash, peers: [nodes[0].url], timeout: 10)
        #expect(again.peers.map(\.outcome) == [.rejected("nonce too low: next nonce 1, tx nonce 0")] && again.acceptedCount == 0)
        #expect(report.json["accepted"] == .integer(3))
        #expect(report.json["transactionHash"] == .string(Hex.encode(tx.hash)))
        #expect(report.table().split(separator: "\n").count == 4)
    }

    @Test func mixedPeersAreClassifiedWithoutHanging() throws {
        let good = try DevNode()
        let slow = try DevNode(options: ["--delay-ms", "4000"])
        let rejecting = try DevNode(options: ["--fail-mode", "reject-all"])
        let down = "http://127.0.0.1:\(NetTestSupport.closedPort())"
        let tx = try NetTestSupport.transfer(from: 3, nonce: 0)
        let start = Date()
        let report = Broadcaster.broadcast(raw: tx.rawBytes, expectedHash: tx.hash,
                                           peers: [good.url, slow.url, rejecting.url, down], timeout: 1)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 3, "the group must return near the 1 s timeout, took \(elapsed) s")
        #expect(report.peers[0].outcome == .accepted)
        #expect(report.peers[1].outcome == .timedOut)
        #expect(report.peers[2].outcome == .rejected("txpool is full"))
        guard case .unreachable(let reason) = report.peers[3].outcome else { Issue.record("\(report.peers[3])"); return }
        #expect(reason.contains("connection refused"))
        #expect(report.acceptedCount == 1 && report.meets(quorum: 1) && !report.meets(quorum: 2))
        let json = report.json.serialized()
        #expect(json.contains(#""outcome":"timed-out""#) && json.contains(#""detail":"txpool is full""#))
        #expect(report.table().contains("rejected"))
    }

    @Test func aDifferentHashIsARejection() {
        let expected = [UInt8](repeating: 1, count: 32)
        let other = JSONValue.string(Hex.encode([UInt8](repeating: 2, count: 32)))
        guard case .rejected(let reason) = Broadcaster.outcome(.success(other), expectedHash: expected) else {
            Issue.record("not rejected"); return
        }
        #expect(reason.hasPrefix("returned a different hash"))
        #expect(Broadcaster.outcome(.failure(.node(method: "m", code: -32000, message: "AlreadyKnown", data: nil)),
                                    expectedHash: expected) == .alreadyKnown)
    }

    @Test func peerGroupHardDeadlineBoundsASilentPeer() throws {
        let silent = OneShotServer { _ in nil }
        let start = Date()
        // The per-request timeout is long; the group's hard deadline is what returns.
        let results = PeerGroup(urls: [silent.url], timeout: 30, hardDeadline: 0.5).run { client throws(RPCError) in
            try client.call("eth_chainId")
        }
        #expect(Date().timeIntervalSince(start) < 2)
        guard case .failure(.timedOut) = results[0].result else { Issue.record("\(results[0].result)"); return }
    }
}
