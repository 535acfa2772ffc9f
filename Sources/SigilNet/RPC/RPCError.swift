public import SigilCore

/// Why a JSON-RPC call failed. The node's own error message is kept verbatim.
public enum RPCError: CategorizedError, Equatable {
    /// The node answered with a JSON-RPC error object.
    case node(method: String, code: Int, message: String, data: JSONValue?)
    /// The node answered with a non-200 HTTP status and no JSON-RPC error; `excerpt` is the
    /// start of the body (at most 200 characters, control characters escaped).
    case httpStatus(Int, excerpt: String)
    /// The peer could not be reached: refused, unreachable, DNS failure, bad URL, https unavailable.
    case transport(TransportError)
    /// The peer did not answer within the time allowed.
    case timedOut(endpoint: String, seconds: Double)
    /// The answer was not the JSON-RPC response expected (bad JSON, missing ids, wrong field types).
    case malformed(String)

    /// A peer that does not answer in time is a network failure (exit 6), like one that cannot
    /// be reached; exit 8 is kept for waits the user bounded (`--wait-timeout`).
    public var category: ErrorCategory {
        switch self {
        case .timedOut: .network
        case .transport(let error): error.category
        default: .network
        }
    }

    public var description: String {
        switch self {
        case .node(let method, let code, let message, _): "\(method): node error \(code): \(DisplayText.escaped(message))"
        case .httpStatus(let status, let excerpt): excerpt.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(excerpt)"
        case .transport(let error): error.description
        case .timedOut(let endpoint, let seconds): "\(endpoint) did not answer within \(TransportError.format(seconds))"
        case .malformed(let reason): "malformed JSON-RPC response: \(DisplayText.escaped(reason, limit: 400))"
        }
    }

    /// The node's message for `.node`, else the description: what a peer table shows.
    public var reason: String {
        if case .node(_, _, let message, _) = self { return DisplayText.escaped(message) }
        return description
    }

    init(_ transport: TransportError) {
        if case .timedOut(let endpoint, let seconds) = transport {
            self = .timedOut(endpoint: endpoint, seconds: seconds)
        } else if case .malformedResponse = transport {
            self = .malformed(transport.description)
        } else {
            self = .transport(transport)
        }
    }

    static func excerpt(_ body: [UInt8]) -> String {
        DisplayText.escaped(bytes: body).trimmingSpaces
    }
}
