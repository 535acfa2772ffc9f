import SigilCore

/// Where an effective setting came from. Precedence: flag > environment > config > default.
public enum ConfigSource: String, Sendable, Equatable {
    case flag, environment, config, `default`, unset
}

/// One effective setting: its value (nil when unset) and where it came from, e.g. `--rpc`,
/// `SIGIL_RPC`, `/home/me/.config/sigil/config.toml [networks.sepolia]`.
public struct ConfigSetting<Value: Sendable & Equatable>: Sendable, Equatable {
    public var value: Value?
    public var source: ConfigSource
    /// The flag, variable or file (and table) that gave the value.
    public var origin: String

    public init(_ value: Value?, _ source: ConfigSource, _ origin: String) {
        self.value = value
        self.source = source
        self.origin = origin
    }

    static var unset: ConfigSetting { ConfigSetting(nil, .unset, "") }
}

/// What the command line gave: each nil/empty when the flag was not used.
public struct ConfigFlags: Sendable, Equatable {
    public var config: String?
    public var keystore: String?
    public var account: String?
    public var network: String?
    public var rpc: [String]

    public init(config: String? = nil, keystore: String? = nil, account: String? = nil,
                network: String? = nil, rpc: [String] = []) {
        self.config = config
        self.keystore = keystore
        self.account = account
        self.network = network
        self.rpc = rpc
    }
}

/// The settings in effect after applying flag > environment (`SIGIL_CONFIG`, `SIGIL_KEYSTORE`,
/// `SIGIL_NETWORK`, `SIGIL_RPC`) > config file > built-in default.
public struct EffectiveSettings: Sendable, Equatable {
    public var configPath: ConfigSetting<String>
    public var keystore: ConfigSetting<String>
    public var account: ConfigSetting<String>
    public var network: ConfigSetting<String>
    public var chainId: ConfigSetting<UInt64>
    public var rpc: ConfigSetting<[String]>
    public var peers: ConfigSetting<[String]>
    public var explorer: ConfigSetting<String>
    public var maxFeeGwei: ConfigSetting<String>
    public var priorityFeeGwei: ConfigSetting<String>
    /// The chosen network's fork schedule (chains that are not built in), for devp2p.
    public var forks: ConfigSetting<SigilConfig.Forks>
    /// Whether reads are proved (`verify = false` in the chosen network turns it off).
    public var verify: ConfigSetting<Bool> = .unset
    /// The chosen network's ENS registry (`ensRegistry`); unset: mainnet's for chain id 1.
    public var ensRegistry: ConfigSetting<Address> = .unset

    /// The environment variables read, by name (empty values count as unset).
    public static let environmentNames = ["SIGIL_CONFIG", "SIGIL_KEYSTORE", "SIGIL_NETWORK", "SIGIL_RPC",
                                          "SIGIL_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME"]

    /// The process environment, restricted to the variables that matter here.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        for name in environmentNames {
            if let value = DataDirectory.environment(name) { result[name] = value }
        }
        return result
    }

    /// Resolves every setting. Reads the config file (an explicitly named one must exist; the
    /// default location may be absent). A network named by flag or environment must be defined.
    public static func resolve(flags: ConfigFlags, environment: [String: String] = processEnvironment())
        throws(ConfigError) -> EffectiveSettings {
        func env(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        // The config file itself.
        let configPath: ConfigSetting<String>
        let config: SigilConfig
        if let path = flags.config {
            configPath = ConfigSetting(path, .flag, "--config")
            config = try ConfigFile.load(path: path)
        } else if let path = env("SIGIL_CONFIG") {
            configPath = ConfigSetting(path, .environment, "SIGIL_CONFIG")
            config = try ConfigFile.load(path: path)
        } else {
            let path = defaultConfigPath(environment: env)
            configPath = ConfigSetting(path, .default, FileIO.exists(path) ? "found" : "absent")
            config = try ConfigFile.loadIfPresent(path: path)
        }
        let file = configPath.value!

        func pick(_ flag: String?, _ flagName: String, _ envName: String?, _ fromConfig: String?,
                  _ configKey: String) -> ConfigSetting<String> {
            if let flag { return ConfigSetting(flag, .flag, flagName) }
            if let envName, let value = env(envName) { return ConfigSetting(value, .environment, envName) }
            if let fromConfig { return ConfigSetting(fromConfig, .config, "\(file) [\(configKey)]") }
            return .unset
        }

        let keystore = keystoreSetting(pick(flags.keystore, "--keystore", "SIGIL_KEYSTORE", config.defaults.keystore,
                                            "defaults.keystore"), environment: env)
        let account = pick(flags.account, "--from", nil, config.defaults.account, "defaults.account")
        let network = pick(flags.network, "--network", "SIGIL_NETWORK", config.defaults.network, "defaults.network")

        var settings = EffectiveSettings(
            configPath: configPath, keystore: keystore, account: account, network: network,
            chainId: .unset, rpc: .unset, peers: .unset, explorer: .unset, maxFeeGwei: .unset, priorityFeeGwei: .unset,
            forks: .unset)

        if let name = network.value {
            guard let chosen = config.networks[name] else {
                throw .unknownNetwork(name: name, path: file, known: config.networks.keys.sorted())
            }
            let origin = "\(file) [networks.\(name)]"
            settings.chainId = ConfigSetting(chosen.chainId, .config, origin)
            if !chosen.rpc.isEmpty { settings.rpc = ConfigSetting(chosen.rpc, .config, origin) }
            if !chosen.peers.isEmpty { settings.peers = ConfigSetting(chosen.peers, .config, origin) }
            if let explorer = chosen.explorer { settings.explorer = ConfigSetting(explorer, .config, origin) }
            if let fee = chosen.maxFeeGwei { settings.maxFeeGwei = ConfigSetting(fee, .config, origin) }
            if let fee = chosen.priorityFeeGwei { settings.priorityFeeGwei = ConfigSetting(fee, .config, origin) }
            if let forks = chosen.forks { settings.forks = ConfigSetting(forks, .config, origin + " forks") }
            if let verify = chosen.verify { settings.verify = ConfigSetting(verify, .config, origin) }
            if let registry = chosen.ensRegistry { settings.ensRegistry = ConfigSetting(registry, .config, origin) }
        }
        if !flags.rpc.isEmpty {
            settings.rpc = ConfigSetting(flags.rpc, .flag, "--rpc")
        } else if let list = env("SIGIL_RPC") {
            let urls = list.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            if !urls.isEmpty { settings.rpc = ConfigSetting(urls, .environment, "SIGIL_RPC") }
        }
        return settings
    }

    /// The keystore folder alone (what key commands need), with the same precedence as `resolve`:
    /// `--keystore` > `SIGIL_KEYSTORE` > the config's `[defaults].keystore` > the data directory's
    /// `keystore/`. The config file (`SIGIL_CONFIG` or the default location) is read only when
    /// neither the flag nor the variable is given.
    public static func resolveKeystore(flag: String?, environment: [String: String] = processEnvironment())
        throws(ConfigError) -> ConfigSetting<String> {
        func env(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        if let flag { return ConfigSetting(flag, .flag, "--keystore") }
        if let value = env("SIGIL_KEYSTORE") { return ConfigSetting(value, .environment, "SIGIL_KEYSTORE") }
        let path = env("SIGIL_CONFIG") ?? defaultConfigPath(environment: env)
        let config = env("SIGIL_CONFIG") != nil ? try ConfigFile.load(path: path) : try ConfigFile.loadIfPresent(path: path)
        let fromConfig = config.defaults.keystore.map { ConfigSetting($0, .config, "\(path) [defaults.keystore]") }
        return keystoreSetting(fromConfig ?? .unset, environment: env)
    }

    /// `setting`, or the data directory's `keystore/` when it is unset.
    static func keystoreSetting(_ setting: ConfigSetting<String>, environment env: (String) -> String?) -> ConfigSetting<String> {
        guard setting.value == nil else { return setting }
        return ConfigSetting(defaultDataDirectory(environment: env) + "/keystore", .default, "data directory")
    }

    static func defaultConfigPath(environment env: (String) -> String?) -> String {
        if let xdg = env("XDG_CONFIG_HOME") { return xdg + "/sigil/config.toml" }
        return (env("HOME") ?? ".") + "/.config/sigil/config.toml"
    }

    static func defaultDataDirectory(environment env: (String) -> String?) -> String {
        if let home = env("SIGIL_HOME") { return home }
        if let xdg = env("XDG_DATA_HOME") { return xdg + "/sigil" }
        return (env("HOME") ?? ".") + "/.local/share/sigil"
    }
}

fileprivate extension String {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
