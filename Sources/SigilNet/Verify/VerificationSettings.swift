public import SigilCore

/// How much a command trusts its peers: proofs on or off, how many peers must agree on a block
/// header, or a block hash the user pinned.
public struct VerificationSettings: Sendable, Equatable {
    /// False with `--no-verify` (or `verify = false` for a network): answers are taken as given
    /// and labelled `unverified`.
    public var enabled: Bool
    /// `--agree K`: how many peers must return the same block hash. nil: every peer that
    /// answers, and at least 2 when 2 or more are configured.
    public var agree: Int?
    /// `--block-hash`: the header is trusted when it hashes to this, with no agreement needed.
    public var pinnedBlockHash: [UInt8]?

    public init(enabled: Bool = true, agree: Int? = nil, pinnedBlockHash: [UInt8]? = nil) {
        self.enabled = enabled
        self.agree = agree
        self.pinnedBlockHash = pinnedBlockHash
    }

    /// The peers that must agree, given how many are configured and how many answered.
    public func required(configured: Int, answered: Int) -> Int {
        if let agree { return agree }
        return max(answered, min(2, configured))
    }

    /// Peers whose answers are enough to stop waiting for the others (`--agree`, else at least
    /// 2 of 2 or more); with the default rule the rest still get a short grace to answer.
    func quorum(configured: Int) -> Int { agree ?? min(2, configured) }
}

/// A block header Sigil trusts: it hashes to `hash`, and `hash` was pinned by the user or
/// returned for its number by `agreeing` peers.
public struct TrustedBlock: Sendable, Equatable {
    public let header: BlockHeader
    public let hash: [UInt8]
    /// The peers that returned `hash` for this number (all of them when pinned and asked).
    public let agreeing: [String]
    /// Every peer asked.
    public let asked: [String]
    public let pinned: Bool
    /// Peers that disagreed, served something invalid, or did not answer.
    public let faults: [PeerFault]

    public var number: UInt64 { header.number }
}

/// An answer proved against a trusted block, with the peer whose proof was used.
public struct Verified<Value: Sendable>: Sendable {
    public let value: Value
    public let block: TrustedBlock
    public let provedBy: String
    /// What was proved, in words ("account proof against stateRoot").
    public let proof: String

    /// The `verification` object of `--json` output.
    public var json: JSONValue {
        .object([
            ("verified", .bool(true)),
            ("blockNumber", .string(String(block.number))), ("blockHash", .string(Hex.encode(block.hash))),
            ("pinned", .bool(block.pinned)),
            ("peersAgreeing", .array(block.agreeing.map { .string($0) })), ("peersAsked", .integer(block.asked.count)),
            ("provedBy", .string(provedBy)), ("proved", .string(proof)),
            ("faults", .array(block.faults.map(\.json))),
        ])
    }

    /// One line for human output.
    public var summary: String {
        let trust = block.pinned ? "pinned block" : "\(block.agreeing.count)/\(block.asked.count) peers agree"
        return "verified: \(proof), block \(block.number) (\(Hex.encode(block.hash))), \(trust)"
    }

    public func map<Other: Sendable>(_ transform: (Value) throws -> Other) rethrows -> Verified<Other> {
        Verified<Other>(value: try transform(value), block: block, provedBy: provedBy, proof: proof)
    }
}

/// The `verification` object of an answer that was not proved.
public enum Unverified {
    /// `reason`: "--no-verify", "verification is off for this network", "pending state cannot be proved", …
    public static func json(reason: String) -> JSONValue {
        .object([("verified", .bool(false)), ("reason", .string(reason))])
    }

    public static func summary(reason: String) -> String { "unverified (\(reason))" }
}
