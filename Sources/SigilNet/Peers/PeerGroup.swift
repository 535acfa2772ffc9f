/// What one peer produced: a value or an error, and how long it took.
public struct PeerResult<T: Sendable>: Sendable {
    /// The peer URL as given.
    public let url: String
    public let result: Result<T, RPCError>
    /// Wall time from the start of the group to this peer's answer, in milliseconds.
    public let elapsedMilliseconds: Double
}

/// Runs one closure per peer, each on its own thread, and collects the results in peer order.
///
/// Each closure gets a `JSONRPCClient` whose every request is bounded by `timeout`; on top of
/// that the group waits at most `hardDeadline` seconds in total and reports any peer still
/// running as `.timedOut` (its thread finishes in the background and its result is dropped),
/// so one silent peer can never hang the group, not even inside `getaddrinfo`.
public struct PeerGroup: Sendable {
    public let urls: [String]
    /// Seconds allowed for each HTTP request to a peer.
    public let timeout: Double
    /// Seconds after which the group stops waiting for any peer.
    public let hardDeadline: Double

    /// `hardDeadline` defaults to `timeout` plus one second of grace.
    public init(urls: [String], timeout: Double, hardDeadline: Double? = nil) {
        self.urls = urls
        self.timeout = timeout
        self.hardDeadline = hardDeadline ?? timeout + 1
    }

    /// Calls `body` once per peer, concurrently, and returns the results in `urls` order.
    public func run<T: Sendable>(_ body: @escaping @Sendable (JSONRPCClient) throws(RPCError) -> T) -> [PeerResult<T>] {
        let urls = self.urls
        let timeout = self.timeout
        let hardDeadline = CommandDeadline.cap(self.hardDeadline)
        let start = MonotonicClock.now()
        // A lone peer's own timeout is within the hard deadline (the default): no thread for it.
        return ThreadFanOut.run(count: urls.count, hardDeadline: start + hardDeadline, inlineSingle: timeout <= hardDeadline, job: { index in
            let client = JSONRPCClient(url: urls[index], timeout: timeout)
            let result: Result<T, RPCError>
            do throws(RPCError) { result = .success(try body(client)) } catch { result = .failure(error) }
            return PeerResult(url: urls[index], result: result, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }, missing: { index in
            PeerResult(url: urls[index], result: .failure(.timedOut(endpoint: Self.endpoint(urls[index]), seconds: hardDeadline)),
                       elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        })
    }

    /// `host:port` of a peer URL, for timeout messages.
    static func endpoint(_ url: String) -> String {
        (try? HTTPURL(parsing: url))?.endpoint ?? "peer"
    }
}
