import ArgumentParser

/// `--config FILE`: which config file to read (default: `$SIGIL_CONFIG`, else
/// `$XDG_CONFIG_HOME/sigil/config.toml`).
public struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).",
        valueName: "file"), completion: .file(extensions: ["toml"]))
    public var config: String?

    public init() {}
}

/// `--network NAME` and `--rpc URL` (repeatable): the chain to talk to.
public struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A network defined in the config file (default: $SIGIL_NETWORK, else the config's defaults.network).",
        valueName: "name"), completion: .custom(ConfigCompletions.networks))
    public var network: String?

    @Option(name: .long, help: ArgumentHelp(
        "JSON-RPC endpoint; repeat for several peers (default: $SIGIL_RPC, comma-separated, else the network's rpc list).",
        valueName: "url"))
    public var rpc: [String] = []

    public init() {}
}
