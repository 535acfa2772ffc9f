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

    /// `chainIds`, ending `grace` seconds after the start: a peer that has not answered by then
    /// is reported as timed out (its request finishes, unheeded, in the background).
    public static func chainIds(of peers: [String], timeout: Double, grace: Double) -> [PeerResult<U256>] {
        PeerGroup(urls: peers, timeout: timeout, hardDeadline: min(timeout + 1, grace)).run { client throws(RPCError) in
            try client.call("eth_chainId").u256(method: "eth_chainId")
        }
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
