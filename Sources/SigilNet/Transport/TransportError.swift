public import SigilCore

/// Why an HTTP exchange with a peer failed before a complete HTTP response arrived.
///
/// Descriptions name the endpoint as `host:port` only, never the path or query (which for
/// hosted nodes often carry an API key).
public enum TransportError: CategorizedError, Equatable {
    /// The URL could not be parsed.
    case invalidURL(reason: String)
    /// Only `http://` and `https://` are supported.
    case unsupportedScheme(String)
    /// `user:password@` in a URL is refused: credentials would end up in logs and process lists.
    case credentialsInURL
    /// The host name did not resolve.
    case hostNotFound(host: String, reason: String)
    /// The host answered, but nothing listens on the port.
    case connectionRefused(endpoint: String)
    /// Any other failure to connect, send or receive (network unreachable, reset, TLS, ...).
    case unreachable(endpoint: String, reason: String)
    /// The whole exchange did not finish within the deadline.
    case timedOut(endpoint: String, seconds: Double)
    /// The command's own deadline (`--timeout`, `CommandDeadline`) ran out.
    case commandDeadline(seconds: Double)
    /// The peer answered something that is not an HTTP/1.x response, or cut it short.
    case malformedResponse(endpoint: String, reason: String)
    /// The response exceeded `HTTPTransport.maximumResponseSize`.
    case responseTooLarge(endpoint: String, limit: Int)
    /// An `https://` URL was given but libcurl could not be loaded.
    case httpsUnavailable(reason: String)

    public var category: ErrorCategory {
        switch self {
        case .invalidURL, .unsupportedScheme, .credentialsInURL: .invalidInput
        case .timedOut: .timedOut
        case .httpsUnavailable: .unsupported
        default: .network
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let reason): "invalid peer URL: \(reason)"
        case .unsupportedScheme(let scheme): "unsupported URL scheme \"\(scheme)\": use http:// or https://"
        case .credentialsInURL: "peer URL must not contain user:password@ credentials"
        case .hostNotFound(let host, let reason): "host not found: \(host) (\(reason))"
        case .connectionRefused(let endpoint): "connection refused by \(endpoint)"
        case .unreachable(let endpoint, let reason): "\(endpoint) unreachable: \(reason)"
        case .timedOut(let endpoint, let seconds): "\(endpoint) did not answer within \(Self.format(seconds))"
        case .commandDeadline(let seconds): "the command's --timeout of \(Self.format(seconds)) ran out"
        case .malformedResponse(let endpoint, let reason): "malformed HTTP response from \(endpoint): \(DisplayText.escaped(reason))"
        case .responseTooLarge(let endpoint, let limit): "response from \(endpoint) exceeds \(limit) bytes, the most Sigil reads from a peer; refused"
        case .httpsUnavailable(let reason): "https:// is unavailable: \(reason)"
        }
    }

    /// "3 s", "2.5 s", or "40 ms" under a second (a grace cut short).
    static func format(_ seconds: Double) -> String {
        if seconds < 0.95 { return "\(Int((seconds * 1000).rounded())) ms" }
        let tenths = Int((seconds * 10).rounded())
        return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " s"
    }
}
