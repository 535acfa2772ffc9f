public import SigilCore
#if canImport(Glibc)
import Glibc
#endif

/// What our eth Status says about the chain: network id, genesis, head, total difficulty and
/// the fork schedule (for the EIP-2124 fork id), and how a peer's Status is judged against it.
///
/// Mainnet (1) and Sepolia (11155111) are built in; another chain's schedule comes from the
/// config file (`[networks.NAME.forks]`), or else from a JSON-RPC peer, from which the genesis
/// and head are read, with every fork active at genesis.
public struct ChainIdentity: Sendable {
    public let networkId: UInt64
    /// The genesis block hash (32 bytes).
    public let genesisHash: [UInt8]
    /// The head we announce (32 bytes) and its number and timestamp (for the fork id).
    public let headHash: [UInt8]
    public let headNumber: UInt64
    public let headTime: UInt64
    /// The total difficulty announced in Status (fixed since the merge on PoS chains).
    public let totalDifficulty: U256
    public let schedule: ForkSchedule

    public init(networkId: UInt64, genesisHash: [UInt8], headHash: [UInt8], headNumber: UInt64, headTime: UInt64,
                totalDifficulty: U256, schedule: ForkSchedule) {
        self.networkId = networkId
        self.genesisHash = genesisHash
        self.headHash = headHash
        self.headNumber = headNumber
        self.headTime = headTime
        self.totalDifficulty = totalDifficulty
        self.schedule = schedule
    }

    /// Our fork id at our head.
    public var forkID: ForkID { schedule.forkID(headNumber: headNumber, headTime: headTime) }

    /// Our eth Status.
    public func status(version: UInt64) -> EthStatus {
        EthStatus(version: version, networkID: networkId, totalDifficulty: totalDifficulty, head: headHash,
                  genesis: genesisHash, forkID: forkID)
    }

    /// Why a peer with `status` is not on our chain, or nil when it is.
    public func incompatibility(with status: EthStatus) -> String? {
        if status.networkID != networkId {
            return "network id \(status.networkID), ours is \(networkId)"
        }
        if status.genesis != genesisHash {
            return "genesis \(Hex.encode(status.genesis)), ours is \(Hex.encode(genesisHash))"
        }
        return schedule.validate(remote: status.forkID, headNumber: headNumber, headTime: headTime).reason
    }

    // MARK: - Where the identity comes from

    /// The built-in identity of mainnet or Sepolia at the current time: the genesis as head
    /// (we do not follow the chain), every block-numbered fork passed, time forks by the clock.
    public static func builtIn(chainId: UInt64, now: UInt64) -> ChainIdentity? {
        let schedule: ForkSchedule
        let totalDifficulty: U256
        switch chainId {
        case 1:
            schedule = .mainnet
            totalDifficulty = try! U256(decimal: "58750003716598352816469")
        case 11_155_111:
            schedule = .sepolia
            totalDifficulty = U256(17_000_018_015_853_232)
        default:
            return nil
        }
        return ChainIdentity(networkId: chainId, genesisHash: schedule.genesisHash, headHash: schedule.genesisHash,
                             headNumber: UInt64(Int64.max), headTime: now, totalDifficulty: totalDifficulty,
                             schedule: schedule)
    }

    /// Reads the chain id, the genesis and the latest block from a JSON-RPC peer, in one batch.
    /// Mainnet and Sepolia keep their built-in schedules; other chains get every fork at genesis.
    public static func fetch(from client: JSONRPCClient) throws(RPCError) -> ChainIdentity {
        let answers = try client.batch([
            RPCCall("eth_chainId"),
            RPCCall("eth_getBlockByNumber", [.string("0x0"), .bool(false)]),
            RPCCall("eth_getBlockByNumber", [.string("latest"), .bool(false)]),
        ])
        let chainId = try answers[0].get().uint64(method: "eth_chainId")
        let genesis = try answers[1].get()
        let latest = try answers[2].get()
        let method = "eth_getBlockByNumber"
        let genesisHash = try genesis.required("hash", method: method).bytes(count: 32, method: method, field: "hash")
        let headHash = try latest.required("hash", method: method).bytes(count: 32, method: method, field: "hash")
        let headNumber = try latest.required("number", method: method).uint64(method: method, field: "number")
        let headTime = try latest.required("timestamp", method: method).uint64(method: method, field: "timestamp")
        let difficulty = try? latest.optional("totalDifficulty")?.u256(method: method, field: "totalDifficulty")
        let schedule: ForkSchedule
        switch chainId {
        case 1: schedule = .mainnet
        case 11_155_111: schedule = .sepolia
        default: schedule = .allAtGenesis(chainID: chainId, genesisHash: genesisHash)
        }
        return ChainIdentity(networkId: chainId, genesisHash: genesisHash, headHash: headHash, headNumber: headNumber,
                             headTime: headTime, totalDifficulty: (difficulty ?? nil) ?? .zero, schedule: schedule)
    }

    /// The identity for a transaction on `chainId`: read from `rpc` when one is given (its
    /// chain id must agree), else built in; otherwise `.unknownChain`.
    /// `now` is Unix seconds (default: the system clock), for the time-based forks.
    ///
    /// `configured` is a fork schedule from the config file: it replaces the built-in or
    /// every-fork-at-genesis schedule; with an `rpc` peer, that peer's genesis must be the
    /// configured one, and without one the head is taken as past every block fork (time forks
    /// by the clock), as for the built-in chains.
    public static func resolve(chainId: UInt64, rpc: String?, timeout: Double, now: UInt64? = nil,
                               configured: ForkSchedule? = nil) throws(DevP2PError) -> ChainIdentity {
        let clock = now ?? UInt64(max(0, time(nil)))
        if let rpc {
            var identity: ChainIdentity
            do { identity = try fetch(from: JSONRPCClient(url: rpc, timeout: timeout)) } catch {
                throw .unknownChain("could not read the genesis and head from \(rpc): \(error.description)")
            }
            guard identity.networkId == chainId else {
                throw .unknownChain("\(rpc) is on chain \(identity.networkId), the transaction on \(chainId)")
            }
            if let configured {
                guard configured.genesisHash == identity.genesisHash else {
                    throw .unknownChain("the config's genesisHash \(Hex.encode(configured.genesisHash)) is not \(rpc)'s block 0 (\(Hex.encode(identity.genesisHash)))")
                }
                identity = ChainIdentity(networkId: chainId, genesisHash: identity.genesisHash, headHash: identity.headHash,
                                         headNumber: identity.headNumber, headTime: identity.headTime,
                                         totalDifficulty: identity.totalDifficulty, schedule: configured)
            }
            return identity
        }
        if let configured {
            return ChainIdentity(networkId: chainId, genesisHash: configured.genesisHash, headHash: configured.genesisHash,
                                 headNumber: UInt64(Int64.max), headTime: max(clock, configured.genesisTime),
                                 totalDifficulty: 0, schedule: configured)
        }
        guard let identity = builtIn(chainId: chainId, now: clock) else {
            throw .unknownChain("chain \(chainId) is not built in (mainnet, sepolia) and its network has no [forks] in the config: give --rpc URL alongside --peer")
        }
        return identity
    }
}
