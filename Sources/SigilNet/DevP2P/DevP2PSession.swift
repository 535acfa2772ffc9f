public import SigilCore

/// A devp2p session with one peer, ready for eth/68 messages: dialed, RLPx handshake done,
/// Hello exchanged (p2p v5, capability eth/68, Snappy on) and Status exchanged and checked
/// (network id, genesis hash, fork id per EIP-2124).
///
/// `nextMessage` answers the peer's Pings and turns its Disconnect into
/// `DevP2PError.disconnected` with the reason in words. Not thread-safe: one thread owns a session.
public final class DevP2PSession: @unchecked Sendable {
    /// Message ids: base protocol, then eth/68 at offset 0x10.
    public enum Code {
        public static let hello: UInt64 = 0x00
        public static let disconnect: UInt64 = 0x01
        public static let ping: UInt64 = 0x02
        public static let pong: UInt64 = 0x03
        public static let ethOffset: UInt64 = 0x10
    }

    /// The p2p protocol version we speak (5: Snappy after Hello).
    public static let p2pVersion: UInt64 = 5
    /// The eth protocol version we speak.
    public static let ethVersion: UInt64 = 68

    public let connection: RLPxConnection
    /// The peer's Hello: client id, capabilities, version.
    public let remoteHello: P2PHello
    /// The peer's Status, after `exchangeStatus`.
    public private(set) var remoteStatus: EthStatus?
    /// Time from the first byte sent to the peer's Status, in seconds.
    public private(set) var handshakeSeconds: Double = 0

    init(connection: RLPxConnection, remoteHello: P2PHello) {
        self.connection = connection
        self.remoteHello = remoteHello
    }

    public var endpoint: String { connection.endpoint }

    /// Dials, runs the RLPx handshake, exchanges Hello and Status and validates the peer's
    /// Status against `chain`. A peer on another chain or fork gets Disconnect(subprotocol
    /// error) and the call throws `.incompatible` naming what differs.
    public static func open(_ enode: Enode, key: PrivateKey, chain: ChainIdentity, clientId: String,
                            deadline: Double) throws(DevP2PError) -> DevP2PSession {
        let start = MonotonicClock.now()
        let connection = try RLPxConnection.dial(enode, key: key, deadline: deadline)
        do {
            let session = try hello(on: connection, key: key, clientId: clientId, deadline: deadline)
            try session.exchangeStatus(chain: chain, deadline: deadline)
            session.handshakeSeconds = MonotonicClock.now() - start
            return session
        } catch {
            connection.close()
            throw error
        }
    }

    /// Sends our Hello and reads the peer's (either role), then turns Snappy on. The peer must
    /// offer eth/68.
    public static func hello(on connection: RLPxConnection, key: PrivateKey, clientId: String,
                             deadline: Double) throws(DevP2PError) -> DevP2PSession {
        let ours = P2PHello(protocolVersion: p2pVersion, clientID: clientId,
                            capabilities: [Capability(name: "eth", version: ethVersion)],
                            listenPort: 0, nodeID: key.publicKey.raw)
        try connection.send(DevP2PMessage(code: Code.hello, payload: ours.encoded()), deadline: deadline)
        let message = try connection.receive(waitingFor: "Hello", deadline: deadline)
        switch message.code {
        case Code.hello:
            break
        case Code.disconnect:
            throw .disconnected(endpoint: connection.endpoint, reason: Self.reasonWords(message.payload))
        default:
            throw .protocolViolation(endpoint: connection.endpoint,
                                     reason: "expected Hello, got message 0x\(String(message.code, radix: 16))")
        }
        let theirs: P2PHello
        do { theirs = try P2PHello(decoding: message.payload) } catch {
            throw .protocolViolation(endpoint: connection.endpoint, reason: error.description)
        }
        connection.snappy = theirs.protocolVersion >= 5
        let session = DevP2PSession(connection: connection, remoteHello: theirs)
        guard theirs.capabilities.contains(where: { $0.name == "eth" && $0.version == ethVersion }) else {
            session.disconnect(.uselessPeer, deadline: deadline)
            let offered = theirs.capabilities.map { "\($0.name)/\($0.version)" }.joined(separator: ", ")
            throw .incompatible(endpoint: connection.endpoint,
                                reason: "does not speak eth/68 (offers \(offered.isEmpty ? "nothing" : offered))")
        }
        return session
    }

    /// Sends our Status, reads the peer's and checks it: network id, genesis, fork id.
    public func exchangeStatus(chain: ChainIdentity, deadline: Double) throws(DevP2PError) {
        let ours = chain.status(version: Self.ethVersion)
        try send(code: EthMessageCode.status, payload: ours.encoded(), deadline: deadline)
        var theirs: EthStatus?
        while theirs == nil {
            let message = try nextMessage(waitingFor: "Status", deadline: deadline)
            guard message.code == EthMessageCode.status else { continue }
            do { theirs = try EthStatus(decoding: message.payload) } catch {
                throw .protocolViolation(endpoint: endpoint, reason: "malformed Status: \(error.description)")
            }
        }
        remoteStatus = theirs
        if let problem = chain.incompatibility(with: theirs!) {
            disconnect(.subprotocolError, deadline: deadline)
            throw .incompatible(endpoint: endpoint, reason: problem)
        }
    }

    /// Reads the peer's Status first and answers with the same chain (network id, genesis,
    /// head, fork id): for looking at a peer whose chain we do not know (`sigil p2p ping`).
    public func mirrorStatus(deadline: Double) throws(DevP2PError) -> EthStatus {
        let code = EthMessageCode.status
        while true {
            let message = try nextMessage(waitingFor: "Status", deadline: deadline)
            guard message.code == code else { continue }
            let theirs: EthStatus
            do { theirs = try EthStatus(decoding: message.payload) } catch {
                throw .protocolViolation(endpoint: endpoint, reason: "malformed Status: \(error.description)")
            }
            try send(code: code, payload: theirs.encoded(), deadline: deadline)
            remoteStatus = theirs
            return theirs
        }
    }

    // MARK: - Messages

    /// Sends one message.
    public func send(code: UInt64, payload: [UInt8], deadline: Double) throws(DevP2PError) {
        try connection.send(DevP2PMessage(code: code, payload: payload), deadline: deadline)
    }

    /// The next message that is not Ping or Pong: Pings are answered; Disconnect throws.
    /// With `returnPong`, a Pong is returned instead of ignored.
    public func nextMessage(waitingFor step: String, deadline: Double, returnPong: Bool = false) throws(DevP2PError) -> DevP2PMessage {
        while true {
            let message = try connection.receive(waitingFor: step, deadline: deadline)
            switch message.code {
            case Code.ping:
                try send(code: Code.pong, payload: P2PPing.payload, deadline: deadline)
            case Code.pong:
                if returnPong { return message }
            case Code.disconnect:
                connection.close()
                throw .disconnected(endpoint: endpoint, reason: Self.reasonWords(message.payload))
            case Code.hello:
                throw .protocolViolation(endpoint: endpoint, reason: "a second Hello")
            default:
                return message
            }
        }
    }

    /// Sends Ping and waits for Pong (answering the peer's messages meanwhile); returns the
    /// round-trip time in seconds. `onMessage` sees every other message that arrives first.
    public func ping(deadline: Double, onMessage: (DevP2PMessage) throws(DevP2PError) -> Void = { _ in }) throws(DevP2PError) -> Double {
        let start = MonotonicClock.now()
        try send(code: Code.ping, payload: P2PPing.payload, deadline: deadline)
        while true {
            let message = try nextMessage(waitingFor: "Pong", deadline: deadline, returnPong: true)
            if message.code == Code.pong { return MonotonicClock.now() - start }
            try onMessage(message)
        }
    }

    /// Sends Disconnect (best effort, bounded by a short deadline) and closes the connection.
    public func disconnect(_ reason: DisconnectReason, deadline: Double) {
        let limit = min(deadline, MonotonicClock.now() + 0.2)
        try? send(code: Code.disconnect, payload: DisconnectReason.encode(reason), deadline: limit)
        connection.close()
    }

    /// A Disconnect payload's reason in words (the list form and the bare-integer form).
    static func reasonWords(_ payload: [UInt8]) -> String {
        DisconnectReason.decode(payload: payload).words
    }
}
