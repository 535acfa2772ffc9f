public import SigilCore

/// Why one peer's proof was refused (it answered, but what it served does not check out).
public struct ProofFailure: Error, Sendable, Equatable {
    public let reason: String
    /// The peer does not offer the method the proof needs: not a lie, nothing to prove with.
    public let notServed: Bool
    public init(_ reason: String, notServed: Bool = false) {
        self.reason = reason
        self.notServed = notServed
    }

    /// The failure for an answer that is a JSON-RPC error: "not served" when the node says the
    /// method does not exist or is not available, else a failure naming the error.
    public static func answer(_ error: RPCError, method: String) -> ProofFailure {
        if case .node(_, let code, let message, _) = error,
           code == -32601 || code == -32004 || message.lowercased().contains("not supported")
            || message.lowercased().contains("does not exist") || message.lowercased().contains("not available") {
            return ProofFailure("does not serve \(method)", notServed: true)
        }
        return ProofFailure("\(method): \(error.description)")
    }
}

/// Reads that are proved, not believed: every peer is asked at once for the block header (and,
/// in the same JSON-RPC batch, whatever proves the answer); the header is trusted when it
/// hashes to its block hash and enough peers return that hash for that number (or the user
/// pinned it); the answer is then proved against that header by the first peer whose proof
/// checks out. Peers that disagree, serve an invalid header or proof, or do not answer are
/// named in `TrustedBlock.faults`. With one honest round, this costs one round trip.
public struct ChainVerifier: Sendable {
    public let peers: [String]
    /// Seconds allowed for each request to a peer.
    public let timeout: Double
    public let settings: VerificationSettings
    /// Shared with the command's other races: a peer that fell behind is given no grace.
    public var standing: PeerStanding?

    public init(peers: [String], timeout: Double, settings: VerificationSettings) {
        self.peers = peers
        self.timeout = timeout
        self.settings = settings
    }

    /// Checks one peer's answers (after the header call) against a header that hashes to its
    /// claimed hash.
    public typealias Prover<T> = @Sendable (BlockHeader, [Result<JSONValue, RPCError>]) -> Result<T, ProofFailure>

    /// A value read at `block` and proved by `prove` from the answers to `calls` (asked in the
    /// same batch as the header). `proof` names what was proved, for output. Throws
    /// `VerificationError` when the peers do not agree or no proof checks out.
    public func read<T: Sendable>(at block: BlockTag, proof: String, calls: @escaping @Sendable (BlockTag) -> [RPCCall],
                                  prove: @escaping Prover<T>) throws(VerificationError) -> Verified<T> {
        guard !peers.isEmpty else { throw .unproven(what: proof, faults: []) }
        if let pinned = settings.pinnedBlockHash { return try readPinned(pinned, proof: proof, calls: calls, prove: prove) }
        var answers = ask(peers.indices, at: block, calls: calls, prove: prove, race: true)

        // Peers answering "latest" one block apart are asked again at the most common height.
        let height = Self.height(of: answers)
        if case .number = block {} else if let height {
            let offHeight = answers.indices.filter { answers[$0].vote.map { $0.number != height } ?? false }
            if !offHeight.isEmpty {
                let again = ask(offHeight, at: .number(height), calls: calls, prove: prove, race: false)
                for (slot, index) in offHeight.enumerated() { answers[index] = again[slot] }
            }
        }
        let trusted = try agreedHash(answers, block: block, height: height)

        // The proof: from the first agreeing peer whose header and proof check out; failing that
        // (e.g. a block was mined between the header and the proof), once more at that hash.
        if let (index, value) = Self.firstProved(answers, hash: trusted) {
            return finish(value, answers: answers, hash: trusted, provedBy: index, proof: proof, pinned: false)
        }
        let voters = answers.indices.filter { answers[$0].vote?.hash == trusted }
        let again = ask(voters, at: .hash(trusted), calls: calls, prove: prove, race: true)
        for (slot, index) in voters.enumerated() where again[slot].vote != nil { answers[index] = again[slot] }
        if let (index, value) = Self.firstProved(answers, hash: trusted) {
            return finish(value, answers: answers, hash: trusted, provedBy: index, proof: proof, pinned: false)
        }
        let faults = Self.faults(answers, trusted: trusted)
        if !faults.contains(where: \.invalid), faults.contains(where: { $0.reason.hasPrefix("does not serve") }) {
            throw .proofsNotServed(what: proof, faults: faults)
        }
        throw .unproven(what: proof, faults: faults)
    }

    /// The trusted header alone (no other proof), e.g. for a block number or confirmations.
    public func header(at block: BlockTag) throws(VerificationError) -> TrustedBlock {
        try read(at: block, proof: "block header", calls: { _ in [] }, prove: { _, _ in .success(()) }).block
    }

    // MARK: - Rounds

    /// One peer's answer to one round.
    struct PeerAnswer<T: Sendable>: Sendable {
        let url: String
        var vote: PeerVote?
        var header: BlockHeader?
        /// Why the peer could not be used (no answer, an invalid header, a failed proof).
        var fault: PeerFault?
        var proved: T?
    }

    private func ask<T: Sendable>(_ indices: some Collection<Int>, at block: BlockTag, calls: @escaping @Sendable (BlockTag) -> [RPCCall],
                                  prove: @escaping Prover<T>, race: Bool) -> [PeerAnswer<T>] {
        let urls = indices.map { peers[$0] }
        let timeout = self.timeout
        let quorum = settings.pinnedBlockHash != nil ? 1 : settings.quorum(configured: peers.count)
        let patient = settings.agree == nil && settings.pinnedBlockHash == nil
        var quorumAt: Double? = nil
        let raced = PeerRace(urls: urls, hardDeadline: timeout + 1, standing: standing).run({ _, url in
            Self.answer(url: url, block: block, calls: calls(block), prove: prove, timeout: timeout)
        }, enough: { (answers: [PeerAnswer<T>?], elapsed: Double) -> PeerRace.Decision in
            guard race else { return .wait(recheckAfter: nil) }
            let done = answers.compactMap { $0 }
            var counts: [[UInt8]: Int] = [:]
            for answer in done { if let vote = answer.vote { counts[vote.hash, default: 0] += 1 } }
            let provedHashes = Set(done.filter { $0.proved != nil }.compactMap { $0.vote?.hash })
            guard counts.contains(where: { $0.value >= quorum && provedHashes.contains($0.key) }) else {
                return .wait(recheckAfter: nil)
            }
            guard patient else { return .stop }
            // Every peer that answers must agree: the others get as long again as the quorum took.
            if quorumAt == nil { quorumAt = elapsed }
            return .wait(recheckAfter: PeerRace.graceEnd(after: quorumAt!))
        })
        return raced.enumerated().map { slot, answer in
            answer ?? PeerAnswer(url: urls[slot], fault: PeerFault(url: urls[slot], reason: "no answer in time", invalid: false))
        }
    }

    private static func answer<T: Sendable>(url: String, block: BlockTag, calls: [RPCCall], prove: Prover<T>,
                                            timeout: Double) -> PeerAnswer<T> {
        var answer = PeerAnswer<T>(url: url)
        let method = block.isHash ? "eth_getBlockByHash" : "eth_getBlockByNumber"
        let headerCall = RPCCall(method, [block.isHash ? block.json["blockHash"]! : block.json, .bool(false)])
        do throws(RPCError) {
            let results = try JSONRPCClient(url: url, timeout: timeout).batch([headerCall] + calls)
            let json = try results[0].get()
            guard json != .null else { throw RPCError.malformed("\(method): no block \(block.label)") }
            let claimed = try BlockHeader.claimedHash(rpc: json, method: method)
            let number = try json.required("number", method: method).uint64(method: method, field: "number")
            answer.vote = PeerVote(url: url, number: number, hash: claimed)
            let header = try BlockHeader(rpc: json, method: method)
            guard header.hash == claimed else {
                answer.fault = PeerFault(url: url, reason: "its header of block \(number) does not hash to the block hash it gave", invalid: true)
                return answer
            }
            if case .hash(let wanted) = block, claimed != wanted {
                answer.fault = PeerFault(url: url, reason: "answered block \(Hex.encode(claimed)) when asked for \(Hex.encode(wanted))", invalid: true)
                return answer
            }
            if case .number(let wanted) = block, number != wanted {
                answer.fault = PeerFault(url: url, reason: "answered block \(number) when asked for \(wanted)", invalid: true)
                return answer
            }
            answer.header = header
            switch prove(header, Array(results.dropFirst())) {
            case .success(let value): answer.proved = value
            case .failure(let failure): answer.fault = PeerFault(url: url, reason: failure.reason, invalid: !failure.notServed)
            }
        } catch {
            // A header that does not parse is as bad as one that does not hash.
            answer.fault = PeerFault(url: url, reason: error.description, invalid: answer.vote != nil)
        }
        return answer
    }

    // MARK: - Deciding

    /// The height most peers answered at (the higher one on a tie).
    private static func height<T>(of answers: [PeerAnswer<T>]) -> UInt64? {
        var counts: [UInt64: Int] = [:]
        for case let vote? in answers.map(\.vote) { if let number = vote.number { counts[number, default: 0] += 1 } }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }?.key
    }

    /// The hash enough peers returned for `height`, or `noAgreement`.
    private func agreedHash<T>(_ answers: [PeerAnswer<T>], block: BlockTag, height: UInt64?) throws(VerificationError) -> [UInt8] {
        let votes = answers.compactMap(\.vote).filter { $0.number == height }
        if answers.allSatisfy({ $0.vote == nil && $0.fault?.invalid != true }) {
            throw .noAnswer(block: block.label, failures: answers.compactMap(\.fault))
        }
        var counts: [[UInt8]: Int] = [:]
        for vote in votes { counts[vote.hash, default: 0] += 1 }
        let required = settings.required(configured: peers.count, answered: votes.count)
        let winners = counts.filter { $0.value >= required }
        guard winners.count == 1, let hash = winners.first?.key else {
            let label = height.map { "#\($0)" } ?? block.label
            throw .noAgreement(block: label, required: required, votes: votes, failures: answers.compactMap(\.fault).filter { !$0.invalid })
        }
        return hash
    }

    private static func firstProved<T>(_ answers: [PeerAnswer<T>], hash: [UInt8]) -> (Int, T)? {
        for (index, answer) in answers.enumerated() where answer.vote?.hash == hash {
            if let value = answer.proved { return (index, value) }
        }
        return nil
    }

    /// Every peer that did not back the trusted answer, and why.
    private static func faults<T>(_ answers: [PeerAnswer<T>], trusted: [UInt8]) -> [PeerFault] {
        answers.compactMap { answer in
            if let fault = answer.fault { return fault }
            guard let vote = answer.vote, vote.hash != trusted else { return nil }
            let at = vote.number.map { "block \($0)" } ?? "the block"
            return PeerFault(url: answer.url, reason: "returned \(Hex.encode(vote.hash)) for \(at), which the other peers do not", invalid: true)
        }
    }

    private func finish<T>(_ value: T, answers: [PeerAnswer<T>], hash: [UInt8], provedBy index: Int, proof: String,
                           pinned: Bool) -> Verified<T> {
        let header = answers[index].header!
        let block = TrustedBlock(header: header, hash: hash,
                                 agreeing: answers.filter { $0.vote?.hash == hash }.map(\.url),
                                 asked: peers, pinned: pinned, faults: Self.faults(answers, trusted: hash))
        return Verified(value: value, block: block, provedBy: answers[index].url, proof: proof)
    }

    private func readPinned<T: Sendable>(_ pinned: [UInt8], proof: String, calls: @escaping @Sendable (BlockTag) -> [RPCCall],
                                         prove: @escaping Prover<T>) throws(VerificationError) -> Verified<T> {
        let answers = ask(peers.indices, at: .hash(pinned), calls: calls, prove: prove, race: true)
        guard let (index, value) = Self.firstProved(answers, hash: pinned) else {
            if answers.contains(where: { $0.header != nil }) { throw .unproven(what: proof, faults: Self.faults(answers, trusted: pinned)) }
            throw .pinnedBlockUnavailable(hash: Hex.encode(pinned), faults: Self.faults(answers, trusted: pinned))
        }
        return finish(value, answers: answers, hash: pinned, provedBy: index, proof: proof, pinned: true)
    }
}

extension BlockTag {
    var isHash: Bool { if case .hash = self { true } else { false } }
}
