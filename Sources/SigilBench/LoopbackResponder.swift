import Glibc
import SigilCore
import SigilNet

/// A devp2p peer on 127.0.0.1 for the benchmark: the recipient side of Sigil's own RLPx code,
/// Hello, Status (mirroring the dialer's chain), then Pong for every Ping until the dialer
/// leaves. Each connection is served on its own thread. `latency` seconds are slept before
/// the handshake and before each Pong, standing in for a distant peer's round trips.
final class LoopbackResponder: @unchecked Sendable {
    let key = PrivateKey.generate()
    let latency: Double
    private let listener: TCPListener

    var enode: Enode { Enode(publicKey: key.publicKey, host: "127.0.0.1", port: listener.port) }

    init(chain: ChainIdentity, latency: Double) throws {
        self.latency = latency
        listener = try TCPListener()
        spawn { [self] in
            while let stream = try? listener.accept(deadline: MonotonicClock.now() + 3600) {
                spawn { [self] in serve(stream) }
            }
        }
    }

    func stop() { listener.shutdown() }

    private func spawn(_ body: @escaping @Sendable () -> Void) {
        precondition(ThreadFanOut.detach(body), "no thread for a benchmark peer")
    }

    private func serve(_ stream: TCPStream) {
        let deadline = MonotonicClock.now() + 30
        pause()
        guard let connection = try? RLPxConnection.accept(on: stream, key: key, deadline: deadline) else { return stream.close() }
        defer { connection.close() }
        guard let session = try? DevP2PSession.hello(on: connection, key: key, clientId: "bench-peer/1", deadline: deadline),
              (try? session.mirrorStatus(deadline: deadline)) != nil else { return }
        while let message = try? connection.receive(waitingFor: "anything", deadline: deadline) {
            if message.code == DevP2PSession.Code.disconnect { return }
            if message.code == DevP2PSession.Code.ping {
                pause()
                guard (try? session.send(code: DevP2PSession.Code.pong, payload: P2PPing.payload, deadline: deadline)) != nil else { return }
            }
        }
    }

    private func pause() {
        MonotonicClock.sleep(latency)
    }
}
