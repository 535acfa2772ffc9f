public import SigilCore

/// Why talking to one devp2p peer failed. Each case maps to one broadcast outcome.
public enum DevP2PError: CategorizedError, Equatable {
    /// The `enode://` URL is malformed.
    case invalidEnode(String)
    /// No TCP connection: refused, unreachable, host not found.
    case unreachable(endpoint: String, reason: String)
    /// The peer did not answer in time; `waitingFor` names the step ("auth ack", "Hello", "Status", "Pong").
    case timedOut(endpoint: String, waitingFor: String)
    /// The peer sent Disconnect; its reason in words.
    case disconnected(endpoint: String, reason: String)
    /// The peer closed the TCP connection; `midFrame` when it did so inside a frame.
    case connectionClosed(endpoint: String, during: String, midFrame: Bool)
    /// The peer broke RLPx or the base protocol: bad MAC, bad size, bad signature, garbage.
    case protocolViolation(endpoint: String, reason: String)
    /// The peer is on another network, genesis or fork (we sent Disconnect(subprotocolError)).
    case incompatible(endpoint: String, reason: String)
    /// The chain's identity (network id, genesis, head, forks) could not be determined.
    case unknownChain(String)

    public var category: ErrorCategory {
        switch self {
        case .invalidEnode, .unknownChain: .invalidInput
        case .timedOut: .timedOut
        default: .network
        }
    }

    public var description: String {
        switch self {
        case .invalidEnode(let reason): "invalid enode URL: \(DisplayText.escaped(reason))"
        case let .unreachable(endpoint, reason): "\(endpoint) unreachable: \(reason)"
        case let .timedOut(endpoint, step): "\(endpoint) did not answer in time (waiting for \(step))"
        case let .disconnected(endpoint, reason): "\(endpoint) disconnected: \(DisplayText.escaped(reason))"
        case let .connectionClosed(endpoint, step, midFrame):
            "\(endpoint) closed the connection \(midFrame ? "in the middle of a frame" : "") while we waited for \(step)"
                .replacingDoubleSpaces
        case let .protocolViolation(endpoint, reason): "\(endpoint) broke the protocol: \(DisplayText.escaped(reason))"
        case let .incompatible(endpoint, reason): "\(endpoint) is incompatible: \(DisplayText.escaped(reason))"
        case .unknownChain(let reason): "cannot tell the peers which chain: \(reason)"
        }
    }

    /// The broadcast outcome for a peer that failed this way.
    public var outcome: BroadcastOutcome {
        switch self {
        case .invalidEnode(let reason), .unknownChain(let reason): .unreachable(reason)
        case .unreachable(_, let reason): .unreachable(reason)
        case .timedOut: .timedOut
        case .disconnected(_, let reason): .disconnected(reason)
        case .connectionClosed(_, let step, let midFrame):
            .disconnected(midFrame ? "connection closed in the middle of a frame (during \(step))" : "connection closed without Disconnect (during \(step))")
        case .protocolViolation(_, let reason): .protocolError(reason)
        case .incompatible(_, let reason): .incompatible(reason)
        }
    }
}

extension String {
    fileprivate var replacingDoubleSpaces: String {
        var result = ""
        for character in self where !(character == " " && result.last == " ") { result.append(character) }
        return result
    }
}
