public import SigilCore

/// One devp2p message: its id (base protocol 0x00–0x0f, eth at 0x10) and its payload (the RLP
/// after the id, uncompressed).
public struct DevP2PMessage: Sendable, Equatable {
    public let code: UInt64
    public let payload: [UInt8]

    public init(code: UInt64, payload: [UInt8]) {
        self.code = code
        self.payload = payload
    }
}

/// An RLPx connection over TCP: the handshake (either role), then framed messages, each frame
/// one message `rlp(id) || payload`, the payload Snappy-compressed once `snappy` is on (after
/// both Hellos, p2p v5).
///
/// Every call takes a deadline (monotonic seconds); a read that runs past it throws
/// `.timedOut`, a peer that closes mid-frame gives `.connectionClosed(midFrame: true)`, a bad
/// MAC or size `.protocolViolation`. Not thread-safe: one thread owns a connection.
public final class RLPxConnection: @unchecked Sendable {
    /// The largest decompressed message accepted (the devp2p limit).
    public static let maximumMessageSize = 16 * 1024 * 1024

    public let stream: TCPStream
    /// The peer's static public key (given when dialing, learned when accepting).
    public let remotePublicKey: PublicKey
    /// Compress and decompress payloads (after Hello, when both sides speak p2p v5).
    public var snappy = false
    private let codec: RLPxFrameCodec

    private init(stream: TCPStream, secrets: RLPxSecrets) throws(RLPxError) {
        self.stream = stream
        self.remotePublicKey = secrets.remotePublicKey
        self.codec = try RLPxFrameCodec(secrets: secrets)
        codec.frameSizeLimit = Self.maximumMessageSize
    }

    /// `host:port` of the peer.
    public var endpoint: String { stream.endpoint }

    /// Dials `enode` and runs the initiator side of the handshake with `key`.
    public static func dial(_ enode: Enode, key: PrivateKey, deadline: Double) throws(DevP2PError) -> RLPxConnection {
        let endpoint = "\(enode.host):\(enode.port)"
        let stream: TCPStream
        do {
            stream = try TCPStream.connect(host: enode.host, port: enode.port, deadline: deadline)
        } catch {
            throw Self.map(error, endpoint: endpoint, during: "the TCP connection")
        }
        return try initiate(on: stream, key: key, remote: enode.publicKey, deadline: deadline)
    }

    /// The initiator side of the handshake on a connected stream.
    public static func initiate(on stream: TCPStream, key: PrivateKey, remote: PublicKey, deadline: Double) throws(DevP2PError) -> RLPxConnection {
        var handshake = RLPxHandshake(initiator: key, remote: remote)
        do {
            try stream.writeAll(try handshake.makeAuth(), deadline: deadline)
            let ack = try readHandshakeMessage(stream, legacyLength: RLPxHandshake.legacyAckLength, deadline: deadline)
            try handshake.readAck(ack)
            return try RLPxConnection(stream: stream, secrets: try handshake.secrets())
        } catch let error as RLPxError {
            throw .protocolViolation(endpoint: stream.endpoint, reason: error.description)
        } catch let error as TCPStreamError {
            throw map(error, endpoint: stream.endpoint, during: "the auth ack")
        } catch {
            throw .protocolViolation(endpoint: stream.endpoint, reason: "\(error)")
        }
    }

    /// The recipient side of the handshake on an accepted stream (loopback peers, tests).
    public static func accept(on stream: TCPStream, key: PrivateKey, deadline: Double) throws(DevP2PError) -> RLPxConnection {
        var handshake = RLPxHandshake(recipient: key)
        do {
            let auth = try readHandshakeMessage(stream, legacyLength: RLPxHandshake.legacyAuthLength, deadline: deadline)
            _ = try handshake.readAuth(auth)
            try stream.writeAll(try handshake.makeAck(), deadline: deadline)
            return try RLPxConnection(stream: stream, secrets: try handshake.secrets())
        } catch let error as RLPxError {
            throw .protocolViolation(endpoint: stream.endpoint, reason: error.description)
        } catch let error as TCPStreamError {
            throw map(error, endpoint: stream.endpoint, during: "the auth message")
        } catch {
            throw .protocolViolation(endpoint: stream.endpoint, reason: "\(error)")
        }
    }

    private static func readHandshakeMessage(_ stream: TCPStream, legacyLength: Int, deadline: Double) throws -> [UInt8] {
        let prefix = try stream.readExactly(2, deadline: deadline)
        let length = try RLPxHandshake.wireLength(prefix: prefix, legacyLength: legacyLength)
        return prefix + (try stream.readExactly(length - 2, deadline: deadline))
    }

    // MARK: - Messages

    /// Sends one message (compressing the payload when `snappy` is on).
    public func send(_ message: DevP2PMessage, deadline: Double) throws(DevP2PError) {
        let payload = snappy ? Snappy.compress(message.payload) : message.payload
        do {
            try stream.writeAll(try codec.encode(messageID: message.code, payload: payload), deadline: deadline)
        } catch let error as TCPStreamError {
            throw Self.map(error, endpoint: endpoint, during: "sending")
        } catch {
            throw .protocolViolation(endpoint: endpoint, reason: "\(error)")
        }
    }

    /// Reads one message; `waitingFor` names it in a timeout or close error.
    public func receive(waitingFor step: String, deadline: Double) throws(DevP2PError) -> DevP2PMessage {
        let frame: (messageID: UInt64, payload: [UInt8])
        var started = false
        do {
            let header = try stream.readExactly(RLPxFrameCodec.headerLength, deadline: deadline)
            started = true
            let remaining = try codec.decodeHeader(header)
            frame = try codec.decodeBody(try stream.readExactly(remaining, deadline: deadline))
        } catch let error as RLPxError {
            throw .protocolViolation(endpoint: endpoint, reason: error.description)
        } catch let error as TCPStreamError {
            if case .closed(let received) = error, started || received > 0 {
                throw .connectionClosed(endpoint: endpoint, during: step, midFrame: true)
            }
            throw Self.map(error, endpoint: endpoint, during: step)
        } catch {
            throw .protocolViolation(endpoint: endpoint, reason: "\(error)")
        }
        return try decodeFrame(frame)
    }

    private func decodeFrame(_ frame: (messageID: UInt64, payload: [UInt8])) throws(DevP2PError) -> DevP2PMessage {
        let code = frame.messageID
        guard snappy else { return DevP2PMessage(code: code, payload: frame.payload) }
        do {
            return DevP2PMessage(code: code, payload: try Snappy.decompress(frame.payload, maximumLength: Self.maximumMessageSize))
        } catch {
            // Some clients send Disconnect uncompressed even after Hello.
            if code == 0x01 { return DevP2PMessage(code: code, payload: frame.payload) }
            throw .protocolViolation(endpoint: endpoint, reason: "message 0x\(String(code, radix: 16)) is not valid Snappy: \(error)")
        }
    }

    /// Closes the socket.
    public func close() { stream.close() }

    static func map(_ error: TCPStreamError, endpoint: String, during step: String) -> DevP2PError {
        switch error {
        case .unreachable(let reason): .unreachable(endpoint: endpoint, reason: reason)
        case .timedOut: .timedOut(endpoint: endpoint, waitingFor: step)
        case .closed(let received): .connectionClosed(endpoint: endpoint, during: step, midFrame: received > 0)
        case .failed(let reason): .unreachable(endpoint: endpoint, reason: reason)
        }
    }
}
