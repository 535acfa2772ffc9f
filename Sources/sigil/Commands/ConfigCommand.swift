import ArgumentParser
import SigilCLI
import SigilCore

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the effective settings and where each comes from.",
        subcommands: [ConfigShowCommand.self]
    )
}

struct ConfigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print each effective setting and its source (flag, environment, config, default).",
        discussion: """
        Precedence: a flag, then an environment variable (SIGIL_CONFIG, SIGIL_KEYSTORE, \
        SIGIL_NETWORK, SIGIL_RPC), then the config file, then the built-in default.

        The config file is TOML: a [defaults] table (account, keystore, network) and one \
        [networks.NAME] table per network (chainId, rpc, peers, explorer, maxFeeGwei, \
        priorityFeeGwei, verify, ensRegistry: the ENS registry names are resolved through, \
        mainnet's built in for chainId 1), optionally with a [networks.NAME.forks] table (genesisHash, \
        genesisTime, blocks, times) giving the fork schedule of a chain Sigil does not know, \
        for devp2p peers. Unknown keys are errors.

        Examples:
          sigil config show
          sigil config show --network sepolia --json
        """
    )

    @OptionGroup var network: NetworkOptions
    @Option(name: .long, help: ArgumentHelp("Keystore account: its address or local name.", valueName: "account"),
            completion: .custom(ConfigCompletions.accounts))
    var from: String?
    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let flags = ConfigFlags(config: network.configFile.config, keystore: keystore.keystore, account: from,
                                network: network.network, rpc: network.rpc)
        let settings = try EffectiveSettings.resolve(flags: flags)
        let rows = ConfigPresenter.rows(settings)
        output.emit(ConfigPresenter.fields(rows), json: ConfigPresenter.json(rows))
    }
}
