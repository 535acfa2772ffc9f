/// Why a devp2p peer ends a session (the Disconnect message, id 0x01).
public enum DisconnectReason: UInt8, Sendable, CaseIterable {
    case requested = 0x00
    case tcpError = 0x01
    case breachOfProtocol = 0x02
    case uselessPeer = 0x03
    case tooManyPeers = 0x04
    case alreadyConnected = 0x05
    case incompatibleVersion = 0x06
    case invalidIdentity = 0x07
    case clientQuitting = 0x08
    case unexpectedIdentity = 0x09
    case connectedToSelf = 0x0A
    case timeout = 0x0B
    case subprotocolError = 0x10

    /// The reason in words, e.g. "too many peers".
    public var words: String {
        switch self {
        case .requested: "disconnect requested"
        case .tcpError: "network error"
        case .breachOfProtocol: "breach of protocol"
        case .uselessPeer: "useless peer"
        case .tooManyPeers: "too many peers"
        case .alreadyConnected: "already connected"
        case .incompatibleVersion: "incompatible p2p protocol version"
        case .invalidIdentity: "invalid node identity"
        case .clientQuitting: "client quitting"
        case .unexpectedIdentity: "unexpected identity"
        case .connectedToSelf: "connected to self"
        case .timeout: "read timeout"
        case .subprotocolError: "subprotocol error"
        }
    }

    /// The payload of a Disconnect message: RLP [reason] (uncompressed; Snappy is the caller's).
    public static func encode(_ reason: DisconnectReason) -> [UInt8] {
        RLP.encode(.list([.uint(reason.rawValue)]))
    }

    /// The reason a (decompressed) Disconnect payload gives. Accepts what clients send in
    /// practice: RLP [reason], a bare RLP integer, an empty list or empty payload (no reason).
    /// Never throws: an unreadable payload is reported as such in the words.
    public static func decode(payload: [UInt8]) -> DisconnectReasonText {
        guard !payload.isEmpty, let item = try? RLP.decode(payload) else {
            return payload.isEmpty ? DisconnectReasonText(code: nil) : DisconnectReasonText(unreadable: payload)
        }
        var value = item
        if let items = item.listValue {
            guard let first = items.first else { return DisconnectReasonText(code: nil) }
            value = first
        }
        guard let code = try? value.uint64() else { return DisconnectReasonText(unreadable: payload) }
        return DisconnectReasonText(code: code)
    }
}

/// A peer's disconnect reason as received: the code (nil when none was given), the known
/// reason if any, and the words to show.
public struct DisconnectReasonText: Sendable, Equatable, CustomStringConvertible {
    /// The numeric code, nil when the payload carried none or could not be read.
    public let code: UInt64?
    /// The reason, when the code is a known one.
    public let reason: DisconnectReason?
    /// E.g. "too many peers", "unknown reason 0x2a", "no reason given".
    public let words: String

    init(code: UInt64?) {
        self.code = code
        if let code {
            let known = code <= 0xFF ? DisconnectReason(rawValue: UInt8(code)) : nil
            reason = known
            words = known?.words ?? "unknown reason 0x\(String(code, radix: 16))"
        } else {
            reason = nil
            words = "no reason given"
        }
    }

    init(unreadable payload: [UInt8]) {
        code = nil
        reason = nil
        let shown = payload.prefix(16)
        words = "unreadable reason \(Hex.encode(shown))\(payload.count > 16 ? "..." : "")"
    }

    public var description: String { words }
}
