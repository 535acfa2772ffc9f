import Foundation
import SigilCore
@testable import SigilNet

/// An in-process devp2p peer on 127.0.0.1 for tests: the recipient side of the RLPx handshake
/// (RLPxConnection.accept), then Hello, Status and eth/68 handling, or one of the ways a peer
/// misbehaves. It serves every connection on its own thread and records what it saw.
final class DevP2PLoopbackPeer: @unchecked Sendable {
    enum Mode: Sendable {
        /// Hello, Status, answers Ping; fetches announced transactions.
        case normal
        /// Like normal, but never asks for announced transactions.
        case neverFetch
        /// Its Status names another genesis / network / fork schedule.
        case wrongGenesis, wrongNetwork, wrongForkID
        /// Random bytes right after the RLPx handshake.
        case garbage
        /// Accepts the TCP connection and never says anything.
        case silent
        /// After Hello, half a frame, then closes.
        case midFrame
        /// After Hello, Disconnect(too many peers).
        case disconnect
    }

    enum Event: Equatable, Sendable {
        case status(networkId: UInt64)
        case transactions([[UInt8]])
        case announced([[UInt8]])
        case pooled([[UInt8]])
        case ping
        case disconnected(String)
    }

    let key = PrivateKey.generate()
    let chain: ChainIdentity
    let mode: Mode
    private let listener: TCPListener
    private let lock = NSLock()
    private var recorded: [Event] = []
    private var stopped = false

    var enode: Enode { Enode(publicKey: key.publicKey, host: "127.0.0.1", port: listener.port) }
    var events: [Event] { lock.withLock { recorded } }

    init(chain: ChainIdentity, mode: Mode = .normal) throws {
        self.chain = chain
        self.mode = mode
        self.listener = try TCPListener()
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    func stop() {
        lock.withLock { stopped = true }
        listener.shutdown()
    }

    deinit { listener.shutdown() }

    private func record(_ event: Event) { lock.withLock { recorded.append(event) } }

    private func acceptLoop() {
        while !lock.withLock({ stopped }) {
            guard let stream = try? listener.accept(deadline: MonotonicClock.now() + 3600) else { return }
            let thread = Thread { [self] in serve(stream) }
            thread.start()
        }
    }

    private func serve(_ stream: TCPStream) {
        let deadline = MonotonicClock.now() + 30
        if mode == .silent {
            Thread.sleep(forTimeInterval: 30)
            stream.close()
            return
        }
        guard let connection = try? RLPxConnection.accept(on: stream, key: key, deadline: deadline) else { return }
        defer { connection.close() }
        if mode == .garbage {
            try? stream.writeAll((0..<200).map { _ in UInt8.random(in: 0...255) }, deadline: deadline)
            Thread.sleep(forTimeInterval: 1)
            return
        }
        guard let session = try? DevP2PSession.hello(on: connection, key: key, clientId: "loopback/1.0", deadline: deadline) else { return }
        switch mode {
        case .midFrame:
            // A whole encrypted frame would be 32 + 16·k + 16 bytes; send only its header's half.
            try? stream.writeAll([UInt8](repeating: 0x42, count: 20), deadline: deadline)
            return
        case .disconnect:
            session.disconnect(.tooManyPeers, deadline: deadline)
            return
        default: break
        }
        var status = chain.status(version: 68)
        switch mode {
        case .wrongGenesis: status.genesis = [UInt8](repeating: 0xEE, count: 32)
        case .wrongNetwork: status.networkID += 1
        case .wrongForkID:
            let other = ForkSchedule(name: "other", chainID: chain.networkId, genesisHash: chain.genesisHash, genesisTime: 0,
                                     blockForks: [1], timeForks: [])
            status.forkID = other.forkID(headNumber: 10, headTime: 0)
        default: break
        }
        do {
            try session.send(code: EthMessageCode.status, payload: status.encoded(), deadline: deadline)
            var requestID: UInt64 = 7
            while true {
                let message = try session.nextMessage(waitingFor: "anything", deadline: deadline)
                switch message.code {
                case EthMessageCode.status:
                    record(.status(networkId: try EthStatus(decoding: message.payload).networkID))
                case EthMessageCode.transactions:
                    record(.transactions(try EthTransactions(decoding: message.payload).transactions))
                case EthMessageCode.newPooledTransactionHashes:
                    let hashes = try NewPooledTransactionHashes(decoding: message.payload).hashes
                    record(.announced(hashes))
                    if mode != .neverFetch {
                        requestID += 1
                        try session.send(code: EthMessageCode.getPooledTransactions,
                                         payload: GetPooledTransactions(requestID: requestID, hashes: hashes).encoded(), deadline: deadline)
                    }
                case EthMessageCode.pooledTransactions:
                    record(.pooled(try PooledTransactions(decoding: message.payload).transactions))
                default: break
                }
            }
        } catch let error as DevP2PError {
            if case .disconnected(_, let reason) = error { record(.disconnected(reason)) }
        } catch {}
    }
}

enum DevP2PTestChain {
    /// A chain unknown to Sigil: network id 1337, a random genesis, every fork at genesis.
    static func make(networkId: UInt64 = 1337) -> ChainIdentity {
        let genesis = (0..<32).map { _ in UInt8.random(in: 0...255) }
        return ChainIdentity(networkId: networkId, genesisHash: genesis, headHash: genesis, headNumber: 0, headTime: 0,
                             totalDifficulty: 1, schedule: .allAtGenesis(chainID: networkId, genesisHash: genesis))
    }
}
