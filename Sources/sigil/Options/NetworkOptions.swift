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
/// chain ids are checked on all of them, broadcasts go to all of them at once.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A network from the config file (default: $SIGIL_NETWORK, else the config's default).",
                                            valueName: "name"), completion: .custom(ConfigCompletions.networks))
    var network: String?

    @OptionGroup var configFile: ConfigOptions

    @Option(name: .long, help: ArgumentHelp("A JSON-RPC peer, http:// or https:// (repeatable; default: $SIGIL_RPC, comma-separated).",
                                            valueName: "url"))
    var rpc: [String] = []

    @Option(name: .long, help: "Seconds to wait for each peer's answer.")
    var timeout: Double = 10

    func validate() throws {
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
    }

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
        try EffectiveSettings.resolve(flags: ConfigFlags(config: configFile.config, network: network, rpc: rpc))
    }

    /// The JSON-RPC peer URLs, possibly none (commands that can also use devp2p peers).
    func rpcURLs() throws -> [String] {
        let urls = try settings().rpc.value ?? []
        for url in urls { _ = try HTTPURL(parsing: url) }
        return urls
    }

    /// A client for the first peer (reads that need one answer).
    func client() throws -> JSONRPCClient {
        JSONRPCClient(url: try peers()[0], timeout: timeout)
    }

    func reader() throws -> NodeReader { NodeReader(client: try client()) }

    /// Refuses to go on unless every peer that answers reports `expected` as its chain id.
    func verifyChain(_ expected: U256) throws {
        let results = try ChainCheck.verify(peers: try peers(), expected: expected, timeout: timeout)
        for result in results {
            if case .failure(let error) = result.result {
                StandardStreams.writeWarning("could not ask \(result.url) for its chain id: \(error)")
            }
        }
    }
}
