extension PeerGroup {
    /// `run`, but not held up by a slow or hung peer once another has answered: after the first
    /// successful answer the others get a grace as long again (at least 0.25 s), then any peer
    /// still running is reported `.timedOut`. For questions where every peer's view is wanted
    /// (a transaction's whereabouts, each peer's chain id) but one silent peer must not cost its
    /// whole timeout.
    public func runWithGrace<T: Sendable>(_ body: @escaping @Sendable (JSONRPCClient) throws(RPCError) -> T) -> [PeerResult<T>] {
        guard urls.count > 1 else { return run(body) }
        let timeout = self.timeout
        let start = MonotonicClock.now()
        var firstAt: Double? = nil
        let answers = PeerRace(urls: urls, hardDeadline: hardDeadline).run({ _, url in
            let result: Result<T, RPCError>
            do throws(RPCError) { result = .success(try body(JSONRPCClient(url: url, timeout: timeout))) } catch { result = .failure(error) }
            return PeerResult(url: url, result: result, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }, enough: { answers, elapsed in
            guard answers.contains(where: { if case .success = $0?.result { true } else { false } }) else { return .wait(recheckAfter: nil) }
            if firstAt == nil { firstAt = elapsed }
            return .wait(recheckAfter: PeerRace.graceEnd(after: firstAt!))
        })
        return answers.enumerated().map { slot, answer in
            answer ?? PeerResult(url: urls[slot], result: .failure(.timedOut(endpoint: Self.endpoint(urls[slot]),
                                                                             seconds: (MonotonicClock.now() - start))),
                                 elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }
    }
}
