import SigilCore

/// The contents of `config.toml`: defaults for the common options and named networks.
///
/// ```toml
/// [defaults]
/// account = "deployer"
/// keystore = "/home/me/.foundry/keystores"
/// network = "sepolia"
///
/// [networks.sepolia]
/// chainId = 11155111
/// rpc = ["https://rpc.example/sepolia", "https://other.example"]
/// peers = ["enode://…@10.0.0.1:30303"]
/// explorer = "https://sepolia.etherscan.io"
/// maxFeeGwei = "50"
/// priorityFeeGwei = "1.5"
/// ensRegistry = "0x…"          # the ENS registry (mainnet's is built in for chainId 1)
///
/// [networks.devnet]            # a chain Sigil does not know: its fork schedule for devp2p
/// chainId = 1337
/// peers = ["enode://…@127.0.0.1:30303"]
/// [networks.devnet.forks]
/// genesisHash = "0x…"          # 32 bytes
/// genesisTime = 1700000000     # optional, default 0
/// blocks = [1150000]           # fork block numbers (optional)
/// times = [1710338135]         # fork timestamps (optional)
/// ```
public struct SigilConfig: Sendable, Equatable {
    /// `[defaults]`: used when neither a flag nor an environment variable gives the value.
    public struct Defaults: Sendable, Equatable {
        public var account: String?
        public var keystore: String?
        public var network: String?

        public init(account: String? = nil, keystore: String? = nil, network: String? = nil) {
            self.account = account
            self.keystore = keystore
            self.network = network
        }
    }

    /// `[networks.NAME.forks]`: the genesis and fork schedule of a chain Sigil does not know,
    /// for the EIP-2124 fork id in devp2p Status messages.
    public struct Forks: Sendable, Equatable {
        public var genesisHash: [UInt8]
        public var genesisTime: UInt64
        public var blocks: [UInt64]
        public var times: [UInt64]

        public init(genesisHash: [UInt8], genesisTime: UInt64 = 0, blocks: [UInt64] = [], times: [UInt64] = []) {
            self.genesisHash = genesisHash
            self.genesisTime = genesisTime
            self.blocks = blocks
            self.times = times
        }

        /// The schedule these describe, for `chainId` named `name`.
        public func schedule(name: String, chainId: UInt64) -> ForkSchedule {
            ForkSchedule(name: name, chainID: chainId, genesisHash: genesisHash, genesisTime: genesisTime,
                         blockForks: blocks, timeForks: times)
        }

        /// One line for `config show`: `genesis 0x…, blocks [..], times [..]`.
        public var summary: String {
            "genesis \(Hex.encode(genesisHash)), genesis time \(genesisTime), blocks \(blocks), times \(times)"
        }
    }

    /// `[networks.NAME]`: a chain and the peers to reach it.
    public struct Network: Sendable, Equatable {
        public var chainId: UInt64
        /// JSON-RPC endpoints, in order; transactions go to all of them.
        public var rpc: [String]
        /// `enode://` peers for direct devp2p.
        public var peers: [String]
        /// The fork schedule, for chains that are not built in (mainnet, sepolia).
        public var forks: Forks?
        public var explorer: String?
        /// Fee cap in gwei as exact decimal text (`"50"`, `"1.5"`).
        public var maxFeeGwei: String?
        /// Priority fee in gwei as exact decimal text.
        public var priorityFeeGwei: String?
        /// `verify = false`: reads on this network are not proved (as `--no-verify`).
        public var verify: Bool?
        /// The ENS registry names are resolved through (mainnet's is built in for chain id 1).
        public var ensRegistry: Address?

        public init(chainId: UInt64, rpc: [String] = [], peers: [String] = [], explorer: String? = nil,
                    maxFeeGwei: String? = nil, priorityFeeGwei: String? = nil, forks: Forks? = nil, verify: Bool? = nil,
                    ensRegistry: Address? = nil) {
            self.chainId = chainId
            self.ensRegistry = ensRegistry
            self.verify = verify
            self.forks = forks
            self.rpc = rpc
            self.peers = peers
            self.explorer = explorer
            self.maxFeeGwei = maxFeeGwei
            self.priorityFeeGwei = priorityFeeGwei
        }
    }

    public var defaults: Defaults
    public var networks: [String: Network]

    public init(defaults: Defaults = Defaults(), networks: [String: Network] = [:]) {
        self.defaults = defaults
        self.networks = networks
    }
}

/// A config file that could not be used. The message names the file and the line (syntax
/// errors) or the key path (unknown keys, wrong types).
public enum ConfigError: CategorizedError, Equatable {
    /// The file given with `--config` or `SIGIL_CONFIG` does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// Not valid TOML.
    case syntax(path: String, line: Int, column: Int, message: String)
    /// A key this version does not know (a typo, usually).
    case unknownKey(path: String, key: String)
    /// A key whose value has the wrong type or an invalid value.
    case invalidValue(path: String, key: String, expected: String)
    /// A required key is absent.
    case missingKey(path: String, key: String)
    /// A network was asked for by name but the config does not define it.
    case unknownNetwork(name: String, path: String, known: [String])

    public var category: ErrorCategory {
        switch self {
        case .unreadable(path: _, let reason): reason == "no such file" ? .notFound : .system
        case .unknownNetwork: .notFound
        case .syntax, .unknownKey, .invalidValue, .missingKey: .invalidInput
        }
    }

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "config \(path): \(reason)"
        case let .syntax(path, line, column, message):
            return "config \(path):\(line):\(column): \(message)"
        case let .unknownKey(path, key):
            return "config \(path): unknown key '\(key)'"
        case let .invalidValue(path, key, expected):
            return "config \(path): '\(key)' must be \(expected)"
        case let .missingKey(path, key):
            return "config \(path): '\(key)' is required"
        case let .unknownNetwork(name, path, known):
            let list = known.isEmpty ? "none defined" : "known: " + known.joined(separator: ", ")
            return "network '\(name)' is not defined in \(path) (\(list))"
        }
    }
}
