import Foundation
import SigilCLI
import SigilCore
import Testing

/// A config file in a fresh temporary directory.
private final class ConfigTestFile {
    let directory: URL
    let path: String

    init(_ text: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sigil-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("config.toml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit { try? FileManager.default.removeItem(at: directory) }
}

private let sampleConfig = """
    [defaults]
    account = "deployer"
    keystore = "/cfg/keystore"
    network = "sepolia"

    [networks.sepolia]
    chainId = 11155111
    rpc = ["https://one.example", "https://two.example"]
    peers = ["enode://abc@127.0.0.1:30303"]
    explorer = "https://sepolia.etherscan.io"
    maxFeeGwei = "1.5"
    priorityFeeGwei = 2

    [networks.dev]
    chainId = 1337
    rpc = ["http://127.0.0.1:8545"]
    """

@Suite struct ConfigTests {
    @Test func parsesEveryKey() throws {
        let config = try ConfigFile.parse(sampleConfig, path: "c.toml")
        #expect(config.defaults == SigilConfig.Defaults(account: "deployer", keystore: "/cfg/keystore", network: "sepolia"))
        #expect(config.networks["sepolia"] == SigilConfig.Network(
            chainId: 11_155_111, rpc: ["https://one.example", "https://two.example"],
            peers: ["enode://abc@127.0.0.1:30303"], explorer: "https://sepolia.etherscan.io",
            maxFeeGwei: "1.5", priorityFeeGwei: "2"))
        #expect(config.networks["dev"]?.chainId == 1337)
        #expect(config.networks.keys.sorted() == ["dev", "sepolia"])
        #expect(try ConfigFile.parse("", path: "c.toml") == SigilConfig())
    }

    @Test func parsesAForkSchedule() throws {
        let genesis = String(repeating: "ab", count: 32)
        let text = "[networks.devnet]\nchainId = 7\n[networks.devnet.forks]\ngenesisHash = \"0x\(genesis)\"\n"
            + "genesisTime = 100\nblocks = [5, 5, 9]\ntimes = [1000]\n"
        let forks = try #require(try ConfigFile.parse(text, path: "c.toml").networks["devnet"]?.forks)
        #expect(forks == SigilConfig.Forks(genesisHash: [UInt8](repeating: 0xAB, count: 32), genesisTime: 100,
                                           blocks: [5, 5, 9], times: [1000]))
        let schedule = forks.schedule(name: "devnet", chainId: 7)
        #expect(schedule.chainID == 7 && schedule.genesisHash == forks.genesisHash && schedule.timeForks == [1000])
        // No forks table: none, and `config show` says unset.
        #expect(try ConfigFile.parse("[networks.x]\nchainId = 1", path: "c.toml").networks["x"]?.forks == nil)
    }

    @Test func loadsFromDiskAndNamesMissingFiles() throws {
        let file = try ConfigTestFile(sampleConfig)
        #expect(try ConfigFile.load(path: file.path).defaults.network == "sepolia")
        let missing = file.directory.appendingPathComponent("nope.toml").path
        #expect(throws: ConfigError.unreadable(path: missing, reason: "no such file")) { try ConfigFile.load(path: missing) }
        #expect(try ConfigFile.loadIfPresent(path: missing) == SigilConfig())
        #expect(ConfigError.unreadable(path: missing, reason: "no such file").category == .notFound)
    }

    @Test(arguments: [
        ("bogus = 1", "unknown key 'bogus'"),
        ("[defaults]\nacount = \"x\"", "unknown key 'defaults.acount'"),
        ("[networks.dev]\nchainId = 1\nrpcs = []", "unknown key 'networks.dev.rpcs'"),
        ("[networks.dev]\nrpc = [\"http://a\"]", "'networks.dev.chainId' is required"),
        ("[networks.dev]\nchainId = \"1\"", "'networks.dev.chainId' must be a positive integer"),
        ("[networks.dev]\nchainId = 0", "'networks.dev.chainId' must be a positive integer"),
        ("[networks.dev]\nchainId = 1\nrpc = \"http://a\"", "'networks.dev.rpc' must be an array"),
        ("[networks.dev]\nchainId = 1\nrpc = [\"ftp://a\"]", "'networks.dev.rpc[0]' must be an http:// or https:// URL"),
        ("[networks.dev]\nchainId = 1\npeers = [\"10.0.0.1:30303\"]", "'networks.dev.peers[0]' must be an enode:// URL"),
        ("[networks.dev]\nchainId = 1\nmaxFeeGwei = 1.5", "'networks.dev.maxFeeGwei' must be gwei"),
        ("[networks.dev]\nchainId = 1\nmaxFeeGwei = \"lots\"", "'networks.dev.maxFeeGwei' must be gwei"),
        ("defaults = 3", "'defaults' must be a table"),
        ("[defaults]\nnetwork = 5", "'defaults.network' must be a non-empty string"),
        ("[networks.d]\nchainId = 1\n[networks.d.forks]\nblocks = [1]", "'networks.d.forks.genesisHash' is required"),
        ("[networks.d]\nchainId = 1\n[networks.d.forks]\ngenesisHash = \"0x12\"", "'networks.d.forks.genesisHash' must be a 0x-prefixed 32-byte hash"),
        ("[networks.d]\nchainId = 1\n[networks.d.forks]\ngenesisHash = \"0x\(String(repeating: "00", count: 32))\"\nblocks = [9, 3]",
         "'networks.d.forks.blocks[1]' must be an ascending array of non-negative integers"),
        ("[networks.d]\nchainId = 1\n[networks.d.forks]\ngenesisHash = \"0x\(String(repeating: "00", count: 32))\"\nforkBlocks = []",
         "unknown key 'networks.d.forks.forkBlocks'"),
        ("[networks.d]\nchainId = 1\n[networks.d.forks]\ngenesisHash = \"0x\(String(repeating: "00", count: 32))\"\ngenesisTime = -1",
         "'networks.d.forks.genesisTime' must be a non-negative integer"),
    ])
    func rejectsInvalidConfigNamingTheKey(text: String, message: String) {
        do {
            _ = try ConfigFile.parse(text, path: "/etc/c.toml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description.hasPrefix("config /etc/c.toml: "), "\(error)")
            #expect(error.description.contains(message), "\(error.description) lacks \(message)")
            #expect(ExitStatus.of(error) == .invalidInput)
        }
    }

    @Test func syntaxErrorsNameLineAndColumn() {
        do {
            _ = try ConfigFile.parse("[defaults]\naccount = \"a\"\nnetwork = \n", path: "/etc/c.toml")
            Issue.record("accepted a syntax error")
        } catch {
            guard case let .syntax(path, line, column, _) = error else {
                Issue.record("not a syntax error: \(error)")
                return
            }
            #expect(path == "/etc/c.toml")
            #expect(line == 3)
            #expect(column > 0)
            #expect(error.description.hasPrefix("config /etc/c.toml:3:"))
        }
    }

    // MARK: precedence

    @Test func defaultsApplyWhenNothingIsGiven() throws {
        let env = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/nonexistent-config"]
        let settings = try EffectiveSettings.resolve(flags: ConfigFlags(), environment: env)
        #expect(settings.configPath == ConfigSetting("/nonexistent-config/sigil/config.toml", .default, "absent"))
        #expect(settings.keystore == ConfigSetting("/home/u/.local/share/sigil/keystore", .default, "data directory"))
        #expect(settings.account.source == .unset && settings.account.value == nil)
        #expect(settings.network.source == .unset)
        #expect(settings.rpc.source == .unset)
    }

    @Test func configBeatsDefaults() throws {
        let file = try ConfigTestFile(sampleConfig)
        let settings = try EffectiveSettings.resolve(flags: ConfigFlags(), environment: ["SIGIL_CONFIG": file.path])
        #expect(settings.configPath == ConfigSetting(file.path, .environment, "SIGIL_CONFIG"))
        #expect(settings.keystore == ConfigSetting("/cfg/keystore", .config, "\(file.path) [defaults.keystore]"))
        #expect(settings.account == ConfigSetting("deployer", .config, "\(file.path) [defaults.account]"))
        #expect(settings.network == ConfigSetting("sepolia", .config, "\(file.path) [defaults.network]"))
        #expect(settings.chainId.value == 11_155_111)
        #expect(settings.rpc == ConfigSetting(["https://one.example", "https://two.example"], .config,
                                              "\(file.path) [networks.sepolia]"))
        #expect(settings.maxFeeGwei.value == "1.5")
    }

    @Test func environmentBeatsConfig() throws {
        let file = try ConfigTestFile(sampleConfig)
        let env = ["SIGIL_CONFIG": file.path, "SIGIL_KEYSTORE": "/env/ks", "SIGIL_NETWORK": "dev",
                   "SIGIL_RPC": " http://e1 ,http://e2,, "]
        let settings = try EffectiveSettings.resolve(flags: ConfigFlags(), environment: env)
        #expect(settings.keystore == ConfigSetting("/env/ks", .environment, "SIGIL_KEYSTORE"))
        #expect(settings.network == ConfigSetting("dev", .environment, "SIGIL_NETWORK"))
        #expect(settings.chainId.value == 1337)
        #expect(settings.rpc == ConfigSetting(["http://e1", "http://e2"], .environment, "SIGIL_RPC"))
        #expect(settings.account.source == .config, "no environment variable for the account")
    }

    @Test func flagsBeatEnvironment() throws {
        let file = try ConfigTestFile(sampleConfig)
        let other = try ConfigTestFile("[networks.local]\nchainId = 31337\n")
        let env = ["SIGIL_CONFIG": file.path, "SIGIL_KEYSTORE": "/env/ks", "SIGIL_NETWORK": "dev", "SIGIL_RPC": "http://e1"]
        let flags = ConfigFlags(config: other.path, keystore: "/flag/ks", account: "alice", network: "local",
                                rpc: ["http://f1", "http://f2"])
        let settings = try EffectiveSettings.resolve(flags: flags, environment: env)
        #expect(settings.configPath == ConfigSetting(other.path, .flag, "--config"))
        #expect(settings.keystore == ConfigSetting("/flag/ks", .flag, "--keystore"))
        #expect(settings.account == ConfigSetting("alice", .flag, "--from"))
        #expect(settings.network == ConfigSetting("local", .flag, "--network"))
        #expect(settings.chainId == ConfigSetting(31337, .config, "\(other.path) [networks.local]"))
        #expect(settings.rpc == ConfigSetting(["http://f1", "http://f2"], .flag, "--rpc"))
    }

    /// The keystore folder alone (what key commands use) agrees with `resolve` at every level,
    /// and an unknown network in the environment does not matter to it.
    @Test func keystoreAloneFollowsTheSamePrecedence() throws {
        let file = try ConfigTestFile(sampleConfig)
        let base = ["HOME": "/home/u", "XDG_CONFIG_HOME": "/nonexistent-config", "SIGIL_NETWORK": "no-such-network"]
        for (flag, extra) in [("/flag/ks", ["SIGIL_KEYSTORE": "/env/ks"]), (nil, ["SIGIL_KEYSTORE": "/env/ks", "SIGIL_CONFIG": file.path]),
                              (nil, ["SIGIL_CONFIG": file.path, "SIGIL_HOME": "/sh"]), (nil, ["SIGIL_HOME": "/sh"]),
                              (nil, ["XDG_DATA_HOME": "/xdg"]), (nil, [:])] as [(String?, [String: String])] {
            let env = base.merging(extra) { $1 }
            let alone = try EffectiveSettings.resolveKeystore(flag: flag, environment: env)
            var quiet = env
            quiet.removeValue(forKey: "SIGIL_NETWORK")
            let full = try EffectiveSettings.resolve(flags: ConfigFlags(keystore: flag), environment: quiet).keystore
            #expect(alone == full, "\(flag ?? "-") \(extra)")
        }
        #expect(try EffectiveSettings.resolveKeystore(flag: nil, environment: ["SIGIL_CONFIG": file.path]).value == "/cfg/keystore")
        #expect(try EffectiveSettings.resolveKeystore(flag: nil, environment: ["SIGIL_HOME": "/sh"]).value == "/sh/keystore")
        #expect(throws: ConfigError.self) {
            try EffectiveSettings.resolveKeystore(flag: nil, environment: ["SIGIL_CONFIG": file.directory.appendingPathComponent("none.toml").path])
        }
    }

    @Test func unknownNetworksAndMissingNamedConfigsFail() throws {
        let file = try ConfigTestFile(sampleConfig)
        #expect(throws: ConfigError.unknownNetwork(name: "mainnet", path: file.path, known: ["dev", "sepolia"])) {
            try EffectiveSettings.resolve(flags: ConfigFlags(network: "mainnet"), environment: ["SIGIL_CONFIG": file.path])
        }
        let missing = file.directory.appendingPathComponent("missing.toml").path
        #expect(throws: ConfigError.unreadable(path: missing, reason: "no such file")) {
            try EffectiveSettings.resolve(flags: ConfigFlags(config: missing), environment: [:])
        }
        let broken = try ConfigTestFile("[defaults\n")
        #expect(throws: ConfigError.self) {
            try EffectiveSettings.resolve(flags: ConfigFlags(), environment: ["SIGIL_CONFIG": broken.path])
        }
    }

    @Test func exitStatusTableListsEveryCode() {
        let table = ExitStatus.helpTable
        for status in ExitStatus.allCases {
            #expect(table.contains("\n  \(status.rawValue) "), "missing \(status.rawValue)")
            #expect(table.contains(status.summary))
        }
    }
}
