import Synchronization

/// Idle keep-alive connections of `PlainHTTPClient`, by endpoint (`host:port`), for the rest of
/// the process: a batch of payouts makes every request to a peer over one TCP connection
/// instead of connecting (and making the node start a handler) per request. A connection is
/// only ever used by one request at a time: `take` removes it from the pool, `give` returns it
/// once its response was read whole.
final class HTTPConnectionPool: Sendable {
    static let shared = HTTPConnectionPool()

    /// At most this many idle connections are kept per endpoint.
    private static let perEndpoint = 4

    private let idle = Mutex<[String: [TCPStream]]>([:])

    func take(_ endpoint: String) -> TCPStream? {
        idle.withLock { $0[endpoint]?.popLast() }
    }

    func give(_ stream: TCPStream, endpoint: String) {
        let extra: TCPStream? = idle.withLock { pool in
            if pool[endpoint, default: []].count >= Self.perEndpoint { return stream }
            pool[endpoint, default: []].append(stream)
            return nil
        }
        extra?.close()
    }
}
