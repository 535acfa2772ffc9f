import Foundation
import SigilCore
@testable import SigilNet
import Testing

@Suite("DevP2P broadcaster")
struct DevP2PBroadcasterTests {
    @Test("push: the peer gets Transactions [tx] and the outcome is delivered")
    func push() throws {
        let chain = DevP2PTestChain.make()
        let peer = try DevP2PLoopbackPeer(chain: chain)
        defer { peer.stop() }
        let signed = try NetTestSupport.transfer(from: 1, nonce: 0)
        let report = DevP2PBroadcaster(chain: chain, mode: .push, timeout: 5, clientId: "sigil/test")
            .broadcast(DevP2PTransaction(signed), enodes: [peer.enode])
        #expect(report.peers.map(\.outcome) == [.delivered])
        #expect(report.acceptedCount == 1)
        #expect(peer.events.contains(.transactions([signed.rawBytes])))
    }

    @Test("announce: the peer asks for it, gets it, and the outcome is fetched")
    func announce() throws {
        let chain = DevP2PTestChain.make()
        let peer = try DevP2PLoopbackPeer(chain: chain)
        defer { peer.stop() }
        let signed = try NetTestSupport.transfer(from: 1, nonce: 3)
        let report = DevP2PBroadcaster(chain: chain, mode: .announce, timeout: 5, clientId: "sigil/test")
            .broadcast(DevP2PTransaction(signed), enodes: [peer.enode])
        #expect(report.peers.map(\.outcome) == [.fetched])
        #expect(peer.events.contains(.announced([signed.hash])))
        #expect(peer.events.contains(.pooled([signed.rawBytes])))
        #expect(!peer.events.contains { if case .transactions = $0 { true } else { false } })
    }

    @Test("announce to a peer that never asks: announced, not counted, within the timeout")
    func announcedOnly() throws {
        let chain = DevP2PTestChain.make()
        let peer = try DevP2PLoopbackPeer(chain: chain, mode: .neverFetch)
        defer { peer.stop() }
        let signed = try NetTestSupport.transfer(from: 1, nonce: 0)
        let report = DevP2PBroadcaster(chain: chain, mode: .announce, timeout: 1, clientId: "sigil/test")
            .broadcast(DevP2PTransaction(signed), enodes: [peer.enode])
        #expect(report.peers.map(\.outcome) == [.announced])
        #expect(report.acceptedCount == 0)
        #expect(report.elapsedMilliseconds < 1300)
    }

    @Test("auto mode pushes to ⌈√n⌉ peers; blob transactions are never pushed")
    func autoMode() {
        #expect((0..<9).filter { DevP2PMode.auto.pushes(peer: $0, of: 9, type: .dynamicFee) } == [0, 1, 2])
        #expect((0..<10).filter { DevP2PMode.auto.pushes(peer: $0, of: 10, type: .dynamicFee) } == [0, 1, 2, 3])
        #expect(DevP2PMode.auto.pushes(peer: 0, of: 1, type: .legacy))
        #expect(!DevP2PMode.push.pushes(peer: 0, of: 1, type: .blob))
        #expect(!DevP2PMode.announce.pushes(peer: 0, of: 1, type: .dynamicFee))
    }

    @Test("every kind of peer at once: one line each, the whole broadcast within timeout + 1 s")
    func mixed() throws {
        let chain = DevP2PTestChain.make()
        let modes: [DevP2PLoopbackPeer.Mode] = [.normal, .normal, .wrongGenesis, .wrongForkID, .garbage, .silent, .midFrame, .disconnect]
        let peers = try modes.map { try DevP2PLoopbackPeer(chain: chain, mode: $0) }
        defer { peers.forEach { $0.stop() } }
        let signed = try NetTestSupport.transfer(from: 1, nonce: 0)
        let timeout = 1.5
        let start = MonotonicClock.now()
        let report = DevP2PBroadcaster(chain: chain, mode: .push, timeout: timeout, clientId: "sigil/test")
            .broadcast(DevP2PTransaction(signed), enodes: peers.map(\.enode), rpcPeers: ["http://127.0.0.1:\(NetTestSupport.closedPort())"])
        let elapsed = MonotonicClock.now() - start
        #expect(elapsed < timeout + 1, "took \(elapsed) s")
        let names = report.peers.map(\.outcome.name)
        #expect(names == ["unreachable", "delivered", "delivered", "incompatible", "incompatible", "protocol-error", "timed-out",
                          "disconnected", "disconnected"])
        #expect(report.acceptedCount == 2)
        #expect(report.peers[8].detail == "too many peers")
        #expect(report.peers[7].detail.contains("middle of a frame"))
        let table = report.table()
        #expect(table.contains("enode://"))
        #expect(table.split(separator: "\n").count == 10)
    }
}
