public import SigilCore

/// What `sigil p2p ping` learns about a peer: its Hello, its Status and the round-trip times.
public struct DevP2PPingResult: Sendable {
    public let enode: Enode
    /// The peer's Hello.
    public let hello: P2PHello
    /// The peer's eth Status.
    public let status: EthStatus
    /// TCP connect + RLPx handshake + Hello + Status, in milliseconds.
    public let handshakeMilliseconds: Double
    /// Ping → Pong, in milliseconds.
    public let roundTripMilliseconds: Double

    /// `{"enode", "clientId", "p2pVersion", "capabilities": ["eth/68", …], "status": {"version",
    /// "networkId", "genesis", "head", "totalDifficulty", "forkId": {"hash", "next"}},
    /// "handshakeMs", "rttMs"}`.
    public var json: JSONValue {
        .object([
            ("enode", .string(enode.description)),
            ("clientId", .string(hello.clientID)),
            ("p2pVersion", .integer(Int(hello.protocolVersion))),
            ("capabilities", .array(hello.capabilities.map { .string($0.description) })),
            ("status", .object([
                ("version", .integer(Int(status.version))),
                ("networkId", .string(String(status.networkID))),
                ("genesis", .string(Hex.encode(status.genesis))),
                ("head", .string(Hex.encode(status.head))),
                ("totalDifficulty", .string(status.totalDifficulty.description)),
                ("forkId", .object([("hash", .string(Hex.encode(status.forkID.hash))),
                                    ("next", .string(String(status.forkID.next)))])),
            ])),
            ("handshakeMs", .number(Self.milliseconds(handshakeMilliseconds))),
            ("rttMs", .number(Self.milliseconds(roundTripMilliseconds))),
        ])
    }

    /// Aligned `key: value` lines.
    public var text: String {
        let next = status.forkID.next == 0 ? "none" : String(status.forkID.next)
        return """
        enode:        \(enode)
        client:       \(DisplayText.escaped(hello.clientID))
        p2p version:  \(hello.protocolVersion)
        capabilities: \(DisplayText.escaped(hello.capabilities.map(\.description).joined(separator: ", "), limit: 400))
        network id:   \(status.networkID)
        genesis:      \(Hex.encode(status.genesis))
        head:         \(Hex.encode(status.head))
        fork id:      \(Hex.encode(status.forkID.hash)) (next: \(next))
        handshake:    \(Self.milliseconds(handshakeMilliseconds)) ms
        round trip:   \(Self.milliseconds(roundTripMilliseconds)) ms
        """
    }

    static func milliseconds(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Handshake, Hello, Status (mirrored: we answer with the peer's own chain) and one Ping.
public enum DevP2PPing {
    public static func ping(_ enode: Enode, clientId: String, timeout: Double, key: PrivateKey = .generate()) throws(DevP2PError) -> DevP2PPingResult {
        let start = MonotonicClock.now()
        let deadline = start + timeout
        let connection = try RLPxConnection.dial(enode, key: key, deadline: deadline)
        defer { connection.close() }
        let session = try DevP2PSession.hello(on: connection, key: key, clientId: clientId, deadline: deadline)
        let status = try session.mirrorStatus(deadline: deadline)
        let handshake = MonotonicClock.now() - start
        let roundTrip = try session.ping(deadline: deadline)
        session.disconnect(.requested, deadline: deadline)
        return DevP2PPingResult(enode: enode, hello: session.remoteHello, status: status,
                                handshakeMilliseconds: handshake * 1000, roundTripMilliseconds: roundTrip * 1000)
    }
}
