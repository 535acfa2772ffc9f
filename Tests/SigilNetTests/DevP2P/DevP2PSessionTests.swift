import Foundation
import SigilCore
@testable import SigilNet
import Testing

@Suite("DevP2P session")
struct DevP2PSessionTests {
    @Test("handshake, Hello and Status with a loopback peer; Ping answered")
    func handshakeHelloStatus() throws {
        let chain = DevP2PTestChain.make()
        let peer = try DevP2PLoopbackPeer(chain: chain)
        defer { peer.stop() }
        let session = try DevP2PSession.open(peer.enode, key: .generate(), chain: chain, clientId: "sigil/test",
                                             deadline: MonotonicClock.now() + 5)
        #expect(session.remoteHello.clientID == "loopback/1.0")
        #expect(session.remoteHello.capabilities.contains(Capability(name: "eth", version: 68)))
        #expect(session.remoteStatus?.genesis == chain.genesisHash)
        #expect(session.remoteStatus?.forkID == chain.forkID)
        #expect(session.connection.snappy)
        let rtt = try session.ping(deadline: MonotonicClock.now() + 5)
        #expect(rtt > 0 && rtt < 5)
        session.disconnect(.requested, deadline: MonotonicClock.now() + 1)
        try waitFor { peer.events.contains(.status(networkId: 1337)) }
    }

    @Test("a peer on another genesis, network or fork is incompatible, named, and sent Disconnect(subprotocol error)",
          arguments: [DevP2PLoopbackPeer.Mode.wrongGenesis, .wrongNetwork, .wrongForkID])
    func incompatible(mode: DevP2PLoopbackPeer.Mode) throws {
        let chain = DevP2PTestChain.make()
        let peer = try DevP2PLoopbackPeer(chain: chain, mode: mode)
        defer { peer.stop() }
        #expect {
            _ = try DevP2PSession.open(peer.enode, key: .generate(), chain: chain, clientId: "sigil/test", deadline: MonotonicClock.now() + 5)
        } throws: { error in
            guard case .incompatible(_, let reason) = error as? DevP2PError else { return false }
            switch mode {
            case .wrongGenesis: return reason.contains("genesis")
            case .wrongNetwork: return reason.contains("network id 1338")
            default: return reason.contains("fork")
            }
        }
        try waitFor { peer.events.contains(.disconnected(DisconnectReason.subprotocolError.words)) }
    }

    @Test("bad peers end with their own error, each within the deadline",
          arguments: [DevP2PLoopbackPeer.Mode.garbage, .silent, .midFrame, .disconnect])
    func badPeers(mode: DevP2PLoopbackPeer.Mode) throws {
        let chain = DevP2PTestChain.make()
        let peer = try DevP2PLoopbackPeer(chain: chain, mode: mode)
        defer { peer.stop() }
        let start = MonotonicClock.now()
        let timeout = 1.5
        var caught: DevP2PError?
        do {
            _ = try DevP2PSession.open(peer.enode, key: .generate(), chain: chain, clientId: "sigil/test", deadline: start + timeout)
        } catch { caught = error }
        let elapsed = MonotonicClock.now() - start
        #expect(elapsed < timeout + 0.3, "took \(elapsed) s")
        let error = try #require(caught)
        switch (mode, error) {
        case (.garbage, .protocolViolation(_, let reason)): #expect(reason.contains("MAC"), "\(reason)")
        case (.silent, .timedOut(_, let step)): #expect(step == "the auth ack")
        case (.midFrame, .connectionClosed(_, _, let midFrame)): #expect(midFrame)
        case (.disconnect, .disconnected(_, let reason)): #expect(reason == "too many peers")
        default: Issue.record("\(mode): unexpected \(error)")
        }
    }

    @Test("nothing listening: unreachable, immediately")
    func unreachable() throws {
        let listener = try TCPListener()
        let port = listener.port
        listener.shutdown()
        let enode = Enode(publicKey: PrivateKey.generate().publicKey, host: "127.0.0.1", port: port)
        #expect {
            _ = try RLPxConnection.dial(enode, key: .generate(), deadline: MonotonicClock.now() + 2)
        } throws: { error in
            if case .unreachable = error as? DevP2PError { return true }
            return false
        }
    }
}

/// Polls `condition` for up to 3 s.
func waitFor(_ condition: () -> Bool, file: String = #file, line: Int = #line) throws {
    let deadline = Date().addingTimeInterval(3)
    while !condition() {
        if Date() > deadline { Issue.record("condition not met in 3 s"); return }
        Thread.sleep(forTimeInterval: 0.01)
    }
}
