public import SigilCore

/// Why an answer could not be proved: peers disagree on the block, or what a peer served does
/// not check out against the trusted header. Exit code 11 (`unproven`).
public enum VerificationError: CategorizedError, Equatable {
    /// Fewer than `required` peers returned the same block hash for `block`; `votes` lists what
    /// each answering peer said, `failures` those that could not be used.
    case noAgreement(block: String, required: Int, votes: [PeerVote], failures: [PeerFault])
    /// Every peer that could have proved the answer served something invalid (or nothing).
    case unproven(what: String, faults: [PeerFault])
    /// The pinned block hash is not served by any peer, or what they serve does not hash to it.
    case pinnedBlockUnavailable(hash: String, faults: [PeerFault])
    /// No peer serves the method a proof needs (e.g. `eth_getProof`), and none lied: the answer
    /// can only be had unverified (commands fall back to the peers' word and label it so).
    case proofsNotServed(what: String, faults: [PeerFault])

    /// No peer answered at all (every one unreachable, timed out or garbled): a network failure.
    case noAnswer(block: String, failures: [PeerFault])

    public var category: ErrorCategory {
        if case .noAnswer = self { return .network }
        return .unproven
    }

    public var description: String {
        switch self {
        case .noAgreement(let block, let required, let votes, let failures) where Set(votes.map(\.hash)).count <= 1:
            var text = "only \(votes.count) peer(s) answered for block \(block); \(required) must return the same hash (--agree sets how many)"
            if !failures.isEmpty { text += "; unusable: " + PeerFault.list(failures) }
            return text
        case .noAgreement(let block, let required, let votes, let failures):
            let said = votes.map { "\($0.url) says \($0.number.map { "#\($0) " } ?? "")\(Hex.encode($0.hash))" }
            var text = "peers disagree on block \(block): \(required) must return the same hash"
            text += said.isEmpty ? ", none did" : "; " + said.joined(separator: ", ")
            if !failures.isEmpty { text += "; unusable: " + PeerFault.list(failures) }
            return text
        case .unproven(let what, let faults):
            return "could not prove \(what)" + (faults.isEmpty ? ": no peer served a proof" : ": " + PeerFault.list(faults))
        case .noAnswer(let block, let failures):
            return "no peer answered for block \(block): " + PeerFault.list(failures)
        case .proofsNotServed(let what, let faults):
            return "no peer serves the proof of \(what): " + PeerFault.list(faults)
        case .pinnedBlockUnavailable(let hash, let faults):
            return "no peer serves the pinned block \(hash)" + (faults.isEmpty ? "" : ": " + PeerFault.list(faults))
        }
    }
}

/// One peer's claim about the block at a height.
public struct PeerVote: Sendable, Equatable {
    public let url: String
    public let number: UInt64?
    public let hash: [UInt8]

    public init(url: String, number: UInt64?, hash: [UInt8]) {
        self.url = url
        self.number = number
        self.hash = hash
    }
}

/// A peer that could not be used, and why: unreachable, or caught serving something that does
/// not check out (a lie or a bug; Sigil cannot tell them apart and names both).
public struct PeerFault: Sendable, Equatable, CustomStringConvertible {
    public let url: String
    public let reason: String
    /// True when the peer answered but what it served was proved wrong.
    public let invalid: Bool

    public init(url: String, reason: String, invalid: Bool) {
        self.url = url
        self.reason = DisplayText.escaped(reason)
        self.invalid = invalid
    }

    public var description: String { "\(url) (\(reason))" }

    static func list(_ faults: [PeerFault]) -> String { faults.map(\.description).joined(separator: ", ") }

    public var json: JSONValue {
        .object([("url", .string(url)), ("reason", .string(reason)), ("invalid", .bool(invalid))])
    }
}
