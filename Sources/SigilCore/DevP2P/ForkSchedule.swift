/// A chain's EIP-2124 fork schedule: the genesis and the block numbers and timestamps of its
/// forks, from which the fork id at any head follows.
///
/// Forks are kept as EIP-2124 and EIP-6122 (time-based forks) say: ascending, duplicates merged
/// (forks at the same block count once), block forks at block 0 and time forks at or before
/// the genesis time left out (they are part of the genesis).
public struct ForkSchedule: Sendable, Equatable {
    /// The chain's name, for messages ("mainnet", "sepolia", or "chain 1337").
    public let name: String
    public let chainID: UInt64
    /// The 32-byte genesis block hash.
    public let genesisHash: [UInt8]
    /// The genesis block's timestamp.
    public let genesisTime: UInt64
    /// Block-number forks, ascending, without 0.
    public let blockForks: [UInt64]
    /// Timestamp forks, ascending, all after `genesisTime`.
    public let timeForks: [UInt64]

    /// A schedule; the fork lists are sorted, deduplicated and filtered as described above.
    /// - Precondition: `genesisHash` is 32 bytes.
    public init(name: String, chainID: UInt64, genesisHash: [UInt8], genesisTime: UInt64, blockForks: [UInt64], timeForks: [UInt64]) {
        precondition(genesisHash.count == 32, "genesis hash must be 32 bytes")
        self.name = name
        self.chainID = chainID
        self.genesisHash = genesisHash
        self.genesisTime = genesisTime
        self.blockForks = Array(Set(blockForks.filter { $0 != 0 })).sorted()
        self.timeForks = Array(Set(timeForks.filter { $0 > genesisTime })).sorted()
    }

    /// The built-in schedule for a chain id (1 mainnet, 11155111 sepolia), or nil.
    public static func builtIn(chainID: UInt64) -> ForkSchedule? {
        [mainnet, sepolia].first { $0.chainID == chainID }
    }

    /// A schedule for a chain Sigil knows nothing about beyond its genesis: every fork active
    /// at genesis, so the fork id is CRC-32 of the genesis hash with no next fork.
    public static func allAtGenesis(chainID: UInt64, genesisHash: [UInt8]) -> ForkSchedule {
        ForkSchedule(name: "chain \(chainID)", chainID: chainID, genesisHash: genesisHash, genesisTime: 0, blockForks: [], timeForks: [])
    }

    /// The fork id a node on this chain announces with its head at `headNumber`/`headTime`.
    public func forkID(headNumber: UInt64, headTime: UInt64) -> ForkID {
        var checksum = CRC32.checksum(genesisHash)
        for fork in blockForks {
            guard fork <= headNumber else { return ForkID(checksum: checksum, next: fork) }
            checksum = Self.checksum(checksum, adding: fork)
        }
        for fork in timeForks {
            guard fork <= headTime else { return ForkID(checksum: checksum, next: fork) }
            checksum = Self.checksum(checksum, adding: fork)
        }
        return ForkID(checksum: checksum, next: 0)
    }

    /// The CRC-32 continued over `fork` as 8 big-endian bytes.
    static func checksum(_ checksum: UInt32, adding fork: UInt64) -> UInt32 {
        CRC32.update(checksum, with: [56, 48, 40, 32, 24, 16, 8, 0].map { UInt8(truncatingIfNeeded: fork >> $0) })
    }
}

extension ForkSchedule {
    /// Ethereum mainnet: Homestead through Gray Glacier by block, Shanghai, Cancun, Prague,
    /// Osaka and the BPO1/BPO2 blob-parameter forks by timestamp (go-ethereum's params/config.go).
    public static let mainnet = ForkSchedule(
        name: "mainnet", chainID: 1,
        genesisHash: hash32("d4e56740f876aef8c010b86a40d5f56745a118d0906a34e69aec8c0db1cb8fa3"),
        genesisTime: 0,
        blockForks: [
            1_150_000, // Homestead
            1_920_000, // DAO
            2_463_000, // Tangerine Whistle (EIP-150)
            2_675_000, // Spurious Dragon (EIP-155, EIP-158)
            4_370_000, // Byzantium
            7_280_000, // Constantinople, Petersburg
            9_069_000, // Istanbul
            9_200_000, // Muir Glacier
            12_244_000, // Berlin
            12_965_000, // London
            13_773_000, // Arrow Glacier
            15_050_000, // Gray Glacier
        ],
        timeForks: [
            1_681_338_455, // Shanghai
            1_710_338_135, // Cancun
            1_746_612_311, // Prague
            1_764_798_551, // Osaka
            1_765_290_071, // BPO1
            1_767_747_671, // BPO2
        ])

    /// Sepolia: everything through London at genesis, the merge netsplit block, then Shanghai,
    /// Cancun, Prague, Osaka, BPO1 and BPO2 by timestamp.
    public static let sepolia = ForkSchedule(
        name: "sepolia", chainID: 11_155_111,
        genesisHash: hash32("25a5cc106eea7138acab33231d7160d69cb777ee0c2c553fcddf5138993e6dd9"),
        genesisTime: 1_633_267_481,
        blockForks: [
            1_735_371, // Merge netsplit
        ],
        timeForks: [
            1_677_557_088, // Shanghai
            1_706_655_072, // Cancun
            1_741_159_776, // Prague
            1_760_427_360, // Osaka
            1_761_017_184, // BPO1
            1_761_607_008, // BPO2
        ])

    /// 32 bytes from a 64-digit hex literal in this file.
    private static func hash32(_ hex: String) -> [UInt8] {
        // The literals are constants of this file, checked by the tests.
        try! Hex.decode(hex, count: 32, prefix: .forbidden)
    }
}
