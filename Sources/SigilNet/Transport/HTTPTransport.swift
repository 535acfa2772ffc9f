import Synchronization

/// The one entry point for HTTP: `http://` goes over our own socket client, `https://` through
/// lazily loaded libcurl. Other schemes and URLs with credentials are refused.
public enum HTTPTransport {
    /// The largest response accepted (32 MiB).
    public static let maximumResponseSize = 32 * 1024 * 1024

    private static let counter = Atomic<Int>(0)
    /// URLs already parsed by this process: a peer's URL is parsed once, not on every request.
    private static let parsedURLs = Mutex<[String: HTTPURL]>([:])

    /// How many requests this process has started (a hook for tests and benchmarks).
    public static var requestsStarted: Int { counter.load(ordering: .relaxed) }

    /// POSTs `body` (JSON) to `url`, finishing within `timeout` seconds or throwing `.timedOut`.
    public static func post(url: String, body: [UInt8], timeout: Double) throws(TransportError) -> HTTPResponse {
        if let parsed = parsedURLs.withLock({ $0[url] }) { return try post(url: parsed, body: body, timeout: timeout) }
        let parsed = try HTTPURL(parsing: url)
        parsedURLs.withLock { if $0.count < 256 { $0[url] = parsed } }
        return try post(url: parsed, body: body, timeout: timeout)
    }

    /// POSTs `body` to an already parsed URL.
    /// The request is cut to what is left of the command's deadline, if one runs.
    public static func post(url: HTTPURL, body: [UInt8], timeout: Double) throws(TransportError) -> HTTPResponse {
        let allowed = try CommandDeadline.allowance(timeout)
        counter.add(1, ordering: .relaxed)
        do throws(TransportError) {
            switch url.scheme {
            case .http: return try PlainHTTPClient().post(url: url, body: body, timeout: allowed.seconds)
            case .https: return try CurlHTTPClient().post(url: url, body: body, timeout: allowed.seconds)
            }
        } catch .timedOut(let endpoint, let seconds) {
            // Cut short by the command's deadline: say so, not that the peer is slow.
            guard allowed.cut, let total = CommandDeadline.seconds else { throw .timedOut(endpoint: endpoint, seconds: seconds) }
            throw .commandDeadline(seconds: total)
        }
    }
}
