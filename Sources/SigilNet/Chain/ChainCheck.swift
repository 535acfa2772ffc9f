public import SigilCore

/// Peers whose chain id differs from the one requested (sigil never sends to a mixed set).
public struct ChainMismatchError: CategorizedError, Equatable {
    public let expected: U256
    /// Each disagreeing peer with the chain id it reported.
    public let disagreeing: [(url: String, chainId: U256)]

    public var category: ErrorCategory { .refusedByPolicy }

    public var description: String {
        let list = disagreeing.map { "\($0.url) reports \($0.chainId.decimalString)" }.joined(separator: ", ")
        return "peers disagree with chain id \(expected.decimalString): \(list)"
    }

    public static func == (lhs: ChainMismatchError, rhs: ChainMismatchError) -> Bool {
        lhs.expected == rhs.expected && lhs.disagreeing.map(\.url) == rhs.disagreeing.map(\.url)
            && lhs.disagreeing.map(\.chainId) == rhs.disagreeing.map(\.chainId)
    }
}

/// Verifying that every peer serves the chain the user asked for.
public enum ChainCheck {
    /// Every peer's `eth_chainId`, asked concurrently.
    public static func chainIds(of peers: [String], timeout: Double) -> [PeerResult<U256>] {
        PeerGroup(urls: peers, timeout: timeout).run { client throws(RPCError) in
            try client.call("eth_chainId").u256(method: "eth_chainId")
        }
    }

    /// Starts asking every peer for its chain id and returns at once, so the question runs
    /// beside other reads; `PendingChainCheck.finish` collects the answers.
    public static func begin(peers: [String], timeout: Double, standing: PeerStanding? = nil) -> PendingChainCheck {
        let start = MonotonicClock.now()
        let running = PeerRace(urls: peers, hardDeadline: timeout + 1, standing: standing).start { _, url in
            let result: Result<U256, RPCError>
            do throws(RPCError) {
                result = .success(try JSONRPCClient(url: url, timeout: timeout).call("eth_chainId").u256(method: "eth_chainId"))
            } catch { result = .failure(error) }
            return PeerResult(url: url, result: result, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }
        return PendingChainCheck(peers: peers, running: running)
    }

    /// `results` with the answering peer's entry taken from a read that reported `chainId`
    /// (added when missing, replacing a failure: the peer did answer).
    public static func merge(_ results: [PeerResult<U256>], answering: String, chainId: U256) -> [PeerResult<U256>] {
        let answer = PeerResult(url: answering, result: .success(chainId), elapsedMilliseconds: 0)
        guard let index = results.firstIndex(where: { $0.url == answering }) else { return results + [answer] }
        var merged = results
        if case .failure = merged[index].result { merged[index] = answer }
        return merged
    }

    /// The chain id of the first peer in `peers` (the order the user gave) that answered in
    /// `results`: the reference when no chain was asked for and the reads were raced.
    public static func firstListedAnswer(_ results: [PeerResult<U256>], order peers: [String]) -> U256? {
        for url in peers {
            if let answer = results.first(where: { $0.url == url }), case .success(let id) = answer.result { return id }
        }
        return nil
    }

    /// Throws `ChainMismatchError` naming every peer that reports a chain id other than
    /// `expected`. Peers that could not be asked are returned (the caller decides whether a
    /// missing answer is acceptable; they will usually fail the broadcast anyway).
    @discardableResult
    public static func verify(peers: [String], expected: U256, timeout: Double) throws(ChainMismatchError) -> [PeerResult<U256>] {
        let results = chainIds(of: peers, timeout: timeout)
        try verify(results, expected: expected)
        return results.filter { if case .failure = $0.result { true } else { false } }
    }

    /// The check on already collected answers.
    public static func verify(_ results: [PeerResult<U256>], expected: U256) throws(ChainMismatchError) {
        var disagreeing: [(url: String, chainId: U256)] = []
        for peer in results {
            if case .success(let id) = peer.result, id != expected { disagreeing.append((peer.url, id)) }
        }
        if !disagreeing.isEmpty { throw ChainMismatchError(expected: expected, disagreeing: disagreeing) }
    }
}

/// A chain-id question sent to every peer, still being answered.
public struct PendingChainCheck: Sendable {
    let peers: [String]
    let running: PeerRace.Running<PeerResult<U256>>

    /// Every peer's answer, waiting only while the first answer's grace runs (`PeerRace.graceEnd`:
    /// as long again as the first took, at least 0.25 s, counted from the start), so a check begun
    /// beside a longer read costs only what is left of that grace. A peer silent by then is `.timedOut`.
    public func finish() -> [PeerResult<U256>] {
        let answers = running.finish { answers, _ in
            // When the first answer came (not when it was collected: that may be much later).
            let successes = answers.compactMap { answer -> Double? in
                guard let answer, case .success = answer.result else { return nil }
                return answer.elapsedMilliseconds / 1000
            }
            guard let firstAt = successes.min() else { return .wait(recheckAfter: nil) }
            // At least 0.25 s from the start: on a loaded machine a peer on another chain may
            // answer well after the read; without the floor it went unchecked and the send went on.
            return .wait(recheckAfter: PeerRace.graceEnd(after: firstAt))
        }
        let elapsed = MonotonicClock.now() - running.started
        return answers.enumerated().map { slot, answer in
            answer ?? PeerResult(url: peers[slot], result: .failure(.timedOut(endpoint: PeerGroup.endpoint(peers[slot]), seconds: elapsed)),
                                 elapsedMilliseconds: elapsed * 1000)
        }
    }
}
