import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

extension DevP2PMode: ExpressibleByArgument {}

/// devp2p peers for `send` and `broadcast`: every `--peer enode://…` (repeatable), else the
/// `peers` list of the config network. They get the transaction over RLPx + eth/68, alongside
/// (or, with `--p2p-only`, instead of) the JSON-RPC peers.
struct P2POptions: ParsableArguments {
    @Option(name: .customLong("peer"),
            help: ArgumentHelp("A devp2p peer, enode://<node id>@host:port (repeatable; default: the config network's peers).",
                               valueName: "enode"))
    var peer: [String] = []

    @Option(name: .customLong("p2p-mode"),
            help: ArgumentHelp("push (Transactions), announce (hashes, the peer fetches) or auto (push to ⌈√n⌉ peers, announce to the rest).",
                               valueName: "mode"))
    var mode: DevP2PMode = .auto

    @Flag(name: .customLong("p2p-only"), help: "With --peer: use the JSON-RPC peers only for reads; send the transaction over devp2p only.")
    var p2pOnly = false

    /// The enodes, parsed: the flags, else the config network's `peers`.
    func enodes(_ network: NetworkOptions) throws -> [Enode] {
        let texts = peer.isEmpty ? (try network.settings().peers.value ?? []) : peer
        if p2pOnly && texts.isEmpty { throw CommandFailure(.usage, "--p2p-only needs at least one --peer enode://…") }
        var enodes: [Enode] = []
        for text in texts {
            do { enodes.append(try Enode(parsing: text)) } catch {
                throw CommandFailure(.usage, "--peer \(text.prefix(24))…: \(error.description)")
            }
        }
        return enodes
    }

    /// How many peers get the transaction: the JSON-RPC peers (unless --p2p-only) and the
    /// enodes; a quorum can be at most this.
    func targetCount(rpc: [String], enodes: [Enode]) -> Int {
        (p2pOnly ? 0 : rpc.count) + enodes.count
    }

    /// A sender for a journaled transaction on `chainId`: the JSON-RPC peers (required unless
    /// there are devp2p peers; each must serve `chainId`) and the devp2p peers, ready to broadcast.
    func sender(network: NetworkOptions, chainId: U256) throws -> TransactionSender {
        let enodes = try enodes(network)
        let peers = enodes.isEmpty ? try network.peers() : try network.rpcURLs()
        try network.verifyChain(chainId, peers: peers)
        var sender = TransactionSender(peers: peers, timeout: network.timeout, journalDirectory: DataDirectory.journal)
        try attach(enodes, to: &sender, chainId: chainId, rpc: peers, network: network)
        return sender
    }

    /// Points `sender` at the devp2p peers too (with --p2p-only, at them alone) for a
    /// transaction on `chainId`; nothing changes when there are no enodes.
    func attach(_ enodes: [Enode], to sender: inout TransactionSender, chainId: U256, rpc: [String], network: NetworkOptions) throws {
        guard !enodes.isEmpty else { return }
        sender.enodes = enodes
        sender.broadcastOverRPC = !p2pOnly
        sender.devp2p = try broadcaster(chainId: chainId, rpc: rpc, timeout: network.timeout, network: network)
    }

    /// The devp2p broadcaster for a transaction on `chainId`: the chain's identity is built in
    /// (mainnet, Sepolia) or read from the first JSON-RPC peer; the config network's `forks`
    /// table, when it is for this chain, gives the fork schedule.
    func broadcaster(chainId: U256, rpc: [String], timeout: Double, network: NetworkOptions) throws -> DevP2PBroadcaster {
        guard let id = chainId.uint64Value else { throw CommandFailure(.unsupported, "chain id \(chainId) does not fit devp2p's network id") }
        let settings = try network.settings()
        var configured: ForkSchedule?
        if let forks = settings.forks.value, settings.chainId.value == id {
            configured = forks.schedule(name: settings.network.value ?? "config", chainId: id)
        }
        let chain = try ChainIdentity.resolve(chainId: id, rpc: rpc.first, timeout: timeout, configured: configured)
        return DevP2PBroadcaster(chain: chain, mode: mode, timeout: timeout, clientId: "sigil/\(SigilVersion.string)")
    }
}
