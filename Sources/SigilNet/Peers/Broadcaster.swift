public import SigilCore

/// What one peer did with a broadcast transaction.
///
/// JSON-RPC peers answer `accepted`, `already-known` or `rejected`; devp2p peers end as
/// `delivered` (pushed, and a Ping after it was answered, so the peer read it), `fetched`
/// (announced, and the peer asked for it and got it) or `announced` (announced, but the peer
/// did not ask for it in time: it may already have it). Either kind can be `unreachable` or
/// `timed-out`; devp2p peers can also be `disconnected` (the peer's reason in words),
/// `incompatible` (another network, genesis or fork: we disconnected) or `protocol-error`
/// (bad MAC, garbage, a frame cut short).
public enum BroadcastOutcome: Sendable, Equatable {
    /// The node accepted it and returned the expected hash.
    case accepted
    /// The node already had it ("already known", "known transaction", "AlreadyKnown").
    case alreadyKnown
    /// The node refused it; the node's reason, verbatim.
    case rejected(String)
    /// The peer could not be used: connection failure, HTTP error status, malformed answer.
    case unreachable(String)
    /// The peer did not answer in time.
    case timedOut
    /// devp2p: Transactions pushed, then a Ping sent after it was answered with Pong.
    case delivered
    /// devp2p: announced; the peer sent GetPooledTransactions and got the transaction.
    case fetched
    /// devp2p: announced; the peer did not ask for it within the timeout.
    case announced
    /// devp2p: the peer disconnected; its reason in words.
    case disconnected(String)
    /// devp2p: the peer is on another network, genesis or fork; what differed.
    case incompatible(String)
    /// devp2p: the peer broke the protocol (bad MAC, bad size, garbage, cut-off frame).
    case protocolError(String)

    /// `accepted`, `already-known`, `rejected`, `unreachable`, `timed-out`, `delivered`,
    /// `fetched`, `announced`, `disconnected`, `incompatible` or `protocol-error`.
    public var name: String {
        switch self {
        case .accepted: "accepted"
        case .alreadyKnown: "already-known"
        case .rejected: "rejected"
        case .unreachable: "unreachable"
        case .timedOut: "timed-out"
        case .delivered: "delivered"
        case .fetched: "fetched"
        case .announced: "announced"
        case .disconnected: "disconnected"
        case .incompatible: "incompatible"
        case .protocolError: "protocol-error"
        }
    }

    /// Whether the peer has the transaction: accepted, already known, delivered or fetched.
    public var hasTransaction: Bool {
        switch self {
        case .accepted, .alreadyKnown, .delivered, .fetched: true
        default: false
        }
    }
}

/// Sends one signed transaction to every peer at once.
public enum Broadcaster {
    /// Node messages meaning "I already have this transaction".
    public static let alreadyKnownMarkers = ["already known", "known transaction", "alreadyknown"]

    /// Sends `eth_sendRawTransaction(raw)` to every peer concurrently; each request is bounded by
    /// `timeout` seconds and the whole broadcast by `timeout` + 1 s. A peer that returns a hash
    /// other than `expectedHash` is reported as rejected.
    ///
    /// With `quorum`, the broadcast ends early once that many peers have the transaction: the
    /// others get a grace as long again as the quorum took (at least 0.25 s; none for a peer that
    /// `standing` says fell behind earlier in the command, or in a recent one) and are then reported `timed-out`, so
    /// a hung peer costs nothing once the quorum is met.
    public static func broadcast(raw: [UInt8], expectedHash: [UInt8], peers: [String], timeout: Double,
                                 quorum: Int? = nil, standing: PeerStanding? = nil) -> BroadcastReport {
        let rawHex = Hex.encode(raw)
        let start = MonotonicClock.now()
        if let quorum, peers.count > 1 {
            return racedBroadcast(rawHex: rawHex, expectedHash: expectedHash, peers: peers, timeout: timeout, quorum: quorum,
                                  standing: standing, start: start)
        }
        let results = PeerGroup(urls: peers, timeout: timeout).run { client throws(RPCError) in
            try client.call("eth_sendRawTransaction", [.string(rawHex)])
        }
        let entries = results.map { peer in
            PeerBroadcast(url: peer.url, outcome: outcome(peer.result, expectedHash: expectedHash),
                          elapsedMilliseconds: peer.elapsedMilliseconds)
        }
        return BroadcastReport(transactionHash: expectedHash, peers: entries,
                               elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
    }

    /// `broadcast` with a quorum: every peer at once, ending a grace after the quorum is met.
    private static func racedBroadcast(rawHex: String, expectedHash: [UInt8], peers: [String], timeout: Double,
                                       quorum: Int, standing: PeerStanding?, start: Double) -> BroadcastReport {
        var quorumAt: Double? = nil
        let answers = PeerRace(urls: peers, hardDeadline: timeout + 1, standing: standing).run({ _, url in
            PeerBroadcast(url: url, outcome: submit(rawHex: rawHex, expectedHash: expectedHash, with: JSONRPCClient(url: url, timeout: timeout)),
                          elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }, enough: { answers, elapsed in
            guard answers.filter({ $0?.outcome.hasTransaction == true }).count >= quorum else { return .wait(recheckAfter: nil) }
            if quorumAt == nil { quorumAt = elapsed }
            return .wait(recheckAfter: PeerRace.graceEnd(after: quorumAt!))
        })
        let entries = answers.enumerated().map { slot, answer in
            answer ?? PeerBroadcast(url: peers[slot], outcome: .timedOut, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }
        return BroadcastReport(transactionHash: expectedHash, peers: entries, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
    }

    /// Sends `eth_sendRawTransaction(rawHex)` through `client` and classifies the answer.
    public static func submit(rawHex: String, expectedHash: [UInt8], with client: JSONRPCClient) -> BroadcastOutcome {
        let result: Result<JSONValue, RPCError>
        do throws(RPCError) {
            result = .success(try client.call("eth_sendRawTransaction", [.string(rawHex)]))
        } catch { result = .failure(error) }
        return outcome(result, expectedHash: expectedHash)
    }

    /// Classifies one peer's answer.
    public static func outcome(_ result: Result<JSONValue, RPCError>, expectedHash: [UInt8]) -> BroadcastOutcome {
        switch result {
        case .success(let value):
            guard let hash = try? value.bytes(count: 32, method: "eth_sendRawTransaction") else {
                return .unreachable("answer is not a transaction hash: \(value.serialized().prefix(80))")
            }
            return hash == expectedHash ? .accepted : .rejected("returned a different hash \(Hex.encode(hash))")
        case .failure(.node(_, _, let message, _)):
            let lower = message.lowercased()
            if alreadyKnownMarkers.contains(where: { lower.contains($0) }) { return .alreadyKnown }
            return .rejected(message)
        case .failure(.timedOut):
            return .timedOut
        case .failure(let error):
            return .unreachable(error.description)
        }
    }
}
