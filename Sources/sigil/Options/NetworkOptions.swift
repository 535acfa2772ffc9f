import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

#if canImport(Glibc)
import Glibc
#endif

/// The peers a networked command talks to: every `--rpc URL` (repeatable), else `$SIGIL_RPC`
/// (comma-separated), else the rpc list of `--network NAME` / `$SIGIL_NETWORK` / the config's
/// default network (precedence flag > environment > config). Sigil never trusts one node: reads go to the first peer that answers,
/// chain ids are checked on all of them (against --chain-id, else the config network's chainId), broadcasts go to all of them at once.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A network from the config file (default: $SIGIL_NETWORK, else the config's default); sending checks that its peers serve its chainId.",
                                            valueName: "name"), completion: .custom(ConfigCompletions.networks))
    var network: String?

    @OptionGroup var configFile: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).",
                                            valueName: "url"))
    var rpc: [String] = []

    @Option(name: .customLong("timeout"),
            help: ArgumentHelp("Seconds the whole command may take: every request, race and retry is cut to what is left, then it fails (exit 6). Prompts and a --wait for the receipt (see --wait-timeout) are not counted. Default: no overall limit, 10 s for each request.",
                               valueName: "seconds"))
    var commandTimeout: Double?

    /// Seconds allowed for each request: `--timeout` (a request is also cut to what is left of
    /// it), else 10.
    var timeout: Double { commandTimeout ?? 10 }

    @Flag(name: .long, help: "Take the peers' answers as given instead of proving them (they are labelled unverified).")
    var noVerify = false

    @Option(name: .long, help: ArgumentHelp("Peers that must return the same block hash before its header is trusted (default: every peer that answers, at least 2 when 2 or more are given).",
                                            valueName: "k"))
    var agree: Int?

    @Option(name: .long, help: ArgumentHelp("Trust this block (0x… hash) without asking the peers to agree, and read at it.",
                                            valueName: "hash"))
    var blockHash: String?

    func validate() throws {
        try CommandWatchdog.start(validating: commandTimeout)
        if let agree, agree < 1 { throw ValidationError("--agree must be at least 1") }
        if noVerify && (agree != nil || blockHash != nil) { throw ValidationError("--no-verify cannot be combined with --agree or --block-hash") }
    }

    /// How reads are proved: nil when they are not (`--no-verify`, or `verify = false` for the
    /// network). `--agree` cannot exceed the number of peers.
    func verifier(peers: [String]) throws -> ChainVerifier? {
        guard !noVerify, try settings().verify.value != false else { return nil }
        if let agree, agree > peers.count {
            throw CommandFailure(.usage, "--agree \(agree) but only \(peers.count) peer(s) given")
        }
        let pinned = try blockHash.map { text -> [UInt8] in
            guard let hash = try? Hex.decode(text, count: 32) else { throw CommandFailure(.usage, "--block-hash must be a 0x-prefixed 32-byte hash") }
            return hash
        }
        var verifier = ChainVerifier(peers: peers, timeout: timeout, settings: VerificationSettings(agree: agree, pinnedBlockHash: pinned))
        verifier.standing = Self.standing
        return verifier
    }

    /// Why reads are not proved, for the `unverified` label.
    func unverifiedReason() -> String { noVerify ? "--no-verify" : "verify = false for this network" }

    /// The peer URLs, in the order given.
    func peers() throws -> [String] {
        let urls = try rpcURLs()
        guard !urls.isEmpty else {
            throw CommandFailure(.usage, "no peer to ask: give --rpc URL (repeatable), --network NAME, or set SIGIL_RPC")
        }
        return urls
    }

    /// The effective settings (flags, environment, config file).
    func settings() throws -> EffectiveSettings {
        try ResolvedSettings.shared.settings(config: configFile.config, network: network, rpc: rpc)
    }

    /// The JSON-RPC peer URLs, possibly none (commands that can also use devp2p peers).
    func rpcURLs() throws -> [String] {
        let urls = try settings().rpc.value ?? []
        for url in urls { _ = try HTTPURL(parsing: url) }
        return urls
    }

    /// What this command's races, and those of the commands before it (for ten minutes), learnt
    /// about the peers: a peer that fell behind once gets no grace in later races.
    static let standing = PeerStanding(file: PeerStandingFile(path: DataDirectory.peerStanding))

    /// A client for reads that need one answer: the first peer that answers (a peer that is
    /// down or answers garbage is skipped for the next one).
    func client() throws -> JSONRPCClient {
        JSONRPCClient(urls: try peers(), timeout: timeout)
    }

    func reader() throws -> NodeReader { NodeReader(client: try client()) }

    /// The chain the config network declares (`chainId`), when it applies to these peers: the
    /// network was named (--network, $SIGIL_NETWORK) or its own rpc list is used. A default
    /// network's chain does not bind peers given with --rpc or $SIGIL_RPC.
    func configuredChainId() throws -> U256? {
        let settings = try settings()
        guard let id = settings.chainId.value else { return nil }
        let named = settings.network.source == .flag || settings.network.source == .environment
        return named || settings.rpc.source == .config ? U256(id) : nil
    }

    /// The chain the peers must serve: `--chain-id` when given, else the config network's.
    func requestedChainId(_ flag: String?) throws -> U256? {
        if let flag { return try U256(parsing: flag) }
        return try configuredChainId()
    }

    /// Refuses to go on unless every peer that answers reports `expected` as its chain id;
    /// warns (one line) about the peers that did not answer.
    func verifyChain(_ expected: U256, peers: [String]) throws {
        guard !peers.isEmpty else { return }
        Self.warnUnanswered(try ChainCheck.verify(peers: peers, expected: expected, timeout: timeout))
    }

    /// One warning line naming the peers that could not be asked for their chain id.
    static func warnUnanswered(_ results: [PeerResult<U256>]) {
        let named = results.compactMap { result -> String? in
            guard case .failure(let error) = result.result else { return nil }
            return "\(result.url) (\(error))"
        }
        guard !named.isEmpty else { return }
        let remembered = results.contains { if case .failure = $0.result { standing.fellBehindInAnEarlierCommand($0.url) } else { false } }
        StandardStreams.writeWarning("could not check the chain id of \(named.joined(separator: ", ")); skipped"
                                     + (remembered ? " (a peer that fell behind within the last 10 minutes is not waited for)" : ""))
    }

    /// A sender for these peers, chain-checked against the requested chain (`--chain-id`, else
    /// the config network's), warning about peers that do not answer the check.
    func sender(peers: [String], chainIdFlag: String?) throws -> TransactionSender {
        var sender = TransactionSender(peers: peers, timeout: timeout, journalDirectory: DataDirectory.journal)
        sender.standing = Self.standing
        sender.requiredChainId = try requestedChainId(chainIdFlag)
        sender.verifier = try verifier(peers: peers)
        sender.onVerified = { VerificationOutput.warnFaults($0.block.faults) }
        sender.onProofsNotServed = { what in
            StandardStreams.writeWarning("no peer serves the proof of \(what): the nonce and balance are the peers' word, unverified")
        }
        sender.onUnprovedPending = { pending, proved, peer in
            StandardStreams.writeWarning("\(peer) counts \(pending) transactions from this account but the proved nonce is \(proved): "
                                         + "signing at the proved nonce (or the journal's next, when higher)")
        }
        sender.onUnansweredChainCheck = { Self.warnUnanswered($0) }
        return sender
    }
}
