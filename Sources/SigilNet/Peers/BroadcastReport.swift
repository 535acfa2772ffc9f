public import SigilCore

/// One peer's line in a broadcast report.
public struct PeerBroadcast: Sendable, Equatable {
    /// The peer as given: a JSON-RPC URL or an `enode://` URL.
    public let url: String
    public let outcome: BroadcastOutcome
    public let elapsedMilliseconds: Double

    public init(url: String, outcome: BroadcastOutcome, elapsedMilliseconds: Double) {
        self.url = url
        self.outcome = outcome
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// The reason for rejected/unreachable/disconnected/incompatible/protocol-error (the peer's
    /// text, escaped and capped by `DisplayText`), a short note for timed-out and announced, else empty.
    public var detail: String {
        switch outcome {
        case .accepted, .alreadyKnown, .delivered, .fetched: ""
        case .rejected(let reason), .unreachable(let reason), .disconnected(let reason),
             .incompatible(let reason), .protocolError(let reason): DisplayText.escaped(reason)
        case .timedOut: "no answer in time"
        case .announced: "not requested in time (the peer may already have it)"
        }
    }

    /// The peer for the table: an enode's 128-hex key shortened to its first 8 digits.
    public var shortName: String {
        guard url.hasPrefix("enode://"), let at = url.firstIndex(of: "@") else { return url }
        let key = url[url.index(url.startIndex, offsetBy: 8)..<at]
        guard key.count > 12 else { return url }
        return "enode://" + key.prefix(8) + "…" + url[at...]
    }
}

/// The result of broadcasting one transaction to several peers.
public struct BroadcastReport: Sendable, Equatable {
    /// The expected transaction hash (32 bytes).
    public let transactionHash: [UInt8]
    /// One entry per peer, in the order the peers were given.
    public let peers: [PeerBroadcast]
    /// Wall time of the whole broadcast.
    public let elapsedMilliseconds: Double

    public init(transactionHash: [UInt8], peers: [PeerBroadcast], elapsedMilliseconds: Double) {
        self.transactionHash = transactionHash
        self.peers = peers
        self.elapsedMilliseconds = elapsedMilliseconds
    }

    /// Peers that have the transaction: accepted, already known, delivered or fetched.
    public var acceptedCount: Int { peers.count { $0.outcome.hasTransaction } }

    /// Whether at least `quorum` peers have the transaction.
    public func meets(quorum: Int) -> Bool { acceptedCount >= quorum }

    /// A plain-text table: `peer  outcome  ms  detail`, columns aligned, one line per peer.
    public func table() -> String {
        let header = ["PEER", "OUTCOME", "MS", "DETAIL"]
        let rows = peers.map { [$0.shortName, $0.outcome.name, String(Int($0.elapsedMilliseconds.rounded())), $0.detail] }
        let all = [header] + rows
        let widths = (0..<3).map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            var line = ""
            for column in 0..<3 {
                let cell = row[column]
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                line += column == 2 ? padding + cell : cell + padding  // right-align ms
                line += "  "
            }
            line += row[3]
            return line.trimmingSpaces
        }.joined(separator: "\n")
    }

    /// `{"transactionHash", "accepted", "total", "elapsedMs", "peers": [{"url", "outcome", "detail", "elapsedMs"}]}`.
    public var json: JSONValue {
        .object([
            ("transactionHash", .string(Hex.encode(transactionHash))),
            ("accepted", .integer(acceptedCount)),
            ("total", .integer(peers.count)),
            ("elapsedMs", .integer(Int(elapsedMilliseconds.rounded()))),
            ("peers", .array(peers.map { peer in
                .object([
                    ("url", .string(peer.url)),
                    ("outcome", .string(peer.outcome.name)),
                    ("detail", peer.detail.isEmpty ? .null : .string(peer.detail)),
                    ("elapsedMs", .integer(Int(peer.elapsedMilliseconds.rounded()))),
                ])
            })),
        ])
    }
}
