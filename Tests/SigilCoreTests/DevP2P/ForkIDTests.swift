import SigilCore
import Testing

/// Known answers from EIP-2124 and go-ethereum's core/forkid tests (facts, not our output).
@Suite("ForkID")
struct ForkIDTests {
    /// A case: head number, head time, expected checksum and next.
    struct Case: Sendable, CustomStringConvertible {
        let number: UInt64
        let time: UInt64
        let checksum: UInt32
        let next: UInt64
        var description: String { "head \(number)/\(time)" }
    }

    /// A validation case: head, the peer's fork id, the expected verdict (nil: compatible).
    enum Verdict: Sendable { case compatible, remoteStale, localIncompatible }
    struct ValidationCase: Sendable, CustomStringConvertible {
        let number: UInt64
        let time: UInt64
        let checksum: UInt32
        let next: UInt64
        let verdict: Verdict
        var description: String { "head \(number)/\(time) remote \(String(checksum, radix: 16)) next \(next)" }
    }

    /// Mainnet as EIP-2124 was written (Petersburg the last fork).
    static let eipMainnet = ForkSchedule(
        name: "mainnet (EIP-2124)", chainID: 1, genesisHash: ForkSchedule.mainnet.genesisHash, genesisTime: 0,
        blockForks: [1_150_000, 1_920_000, 2_463_000, 2_675_000, 2_675_000, 4_370_000, 7_280_000, 7_280_000], timeForks: [])

    /// Mainnet's block forks only (go-ethereum's "legacy" configuration in TestValidation).
    static let legacyMainnet = ForkSchedule(
        name: "mainnet (blocks only)", chainID: 1, genesisHash: ForkSchedule.mainnet.genesisHash, genesisTime: 0,
        blockForks: ForkSchedule.mainnet.blockForks, timeForks: [])

    /// CRC-32 continued over `fork` as 8 big-endian bytes (go-ethereum's checksumUpdate).
    static func checksumUpdate(_ checksum: UInt32, _ fork: UInt64) -> UInt32 {
        CRC32.update(checksum, with: (0..<8).map { UInt8(truncatingIfNeeded: fork >> (56 - 8 * UInt64($0))) })
    }

    @Test("CRC-32 IEEE check value")
    func crc32() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.update(CRC32.checksum(Array("1234".utf8)), with: Array("56789".utf8)) == 0xCBF4_3926)
    }

    @Test("EIP-2124 mainnet fork ids", arguments: [
        Case(number: 0, time: 0, checksum: 0xfc64ec04, next: 1_150_000),
        Case(number: 1_149_999, time: 0, checksum: 0xfc64ec04, next: 1_150_000),
        Case(number: 1_150_000, time: 0, checksum: 0x97c2c34c, next: 1_920_000),
        Case(number: 1_919_999, time: 0, checksum: 0x97c2c34c, next: 1_920_000),
        Case(number: 1_920_000, time: 0, checksum: 0x91d1f948, next: 2_463_000),
        Case(number: 2_462_999, time: 0, checksum: 0x91d1f948, next: 2_463_000),
        Case(number: 2_463_000, time: 0, checksum: 0x7a64da13, next: 2_675_000),
        Case(number: 2_674_999, time: 0, checksum: 0x7a64da13, next: 2_675_000),
        Case(number: 2_675_000, time: 0, checksum: 0x3edd5b10, next: 4_370_000),
        Case(number: 4_369_999, time: 0, checksum: 0x3edd5b10, next: 4_370_000),
        Case(number: 4_370_000, time: 0, checksum: 0xa00bc324, next: 7_280_000),
        Case(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: 7_280_000),
        Case(number: 7_280_000, time: 0, checksum: 0x668db0af, next: 0),
        Case(number: 7_987_396, time: 0, checksum: 0x668db0af, next: 0),
    ])
    func eipMainnetIDs(_ example: Case) {
        #expect(Self.eipMainnet.forkID(headNumber: example.number, headTime: example.time) == ForkID(checksum: example.checksum, next: example.next))
    }

    @Test("mainnet fork ids through the time-based forks (go-ethereum)", arguments: [
        Case(number: 0, time: 0, checksum: 0xfc64ec04, next: 1_150_000),
        Case(number: 7_280_000, time: 0, checksum: 0x668db0af, next: 9_069_000),
        Case(number: 9_069_000, time: 0, checksum: 0x879d6e30, next: 9_200_000),
        Case(number: 9_200_000, time: 0, checksum: 0xe029e991, next: 12_244_000),
        Case(number: 12_244_000, time: 0, checksum: 0x0eb440f6, next: 12_965_000),
        Case(number: 12_965_000, time: 0, checksum: 0xb715077d, next: 13_773_000),
        Case(number: 13_773_000, time: 0, checksum: 0x20c327fc, next: 15_050_000),
        Case(number: 15_049_999, time: 0, checksum: 0x20c327fc, next: 15_050_000),
        Case(number: 15_050_000, time: 0, checksum: 0xf0afd0e3, next: 1_681_338_455),
        Case(number: 20_000_000, time: 1_681_338_454, checksum: 0xf0afd0e3, next: 1_681_338_455),
        Case(number: 20_000_000, time: 1_681_338_455, checksum: 0xdce96c2d, next: 1_710_338_135),
        Case(number: 30_000_000, time: 1_710_338_134, checksum: 0xdce96c2d, next: 1_710_338_135),
        Case(number: 30_000_000, time: 1_710_338_135, checksum: 0x9f3d2254, next: 1_746_612_311),
        Case(number: 30_000_000, time: 1_746_022_486, checksum: 0x9f3d2254, next: 1_746_612_311),
        Case(number: 30_000_000, time: 1_746_612_311, checksum: 0xc376cf8b, next: 1_764_798_551),
        Case(number: 30_000_000, time: 1_764_798_550, checksum: 0xc376cf8b, next: 1_764_798_551),
        Case(number: 30_000_000, time: 1_764_798_551, checksum: 0x5167e2a6, next: 1_765_290_071),
        Case(number: 30_000_000, time: 1_765_290_070, checksum: 0x5167e2a6, next: 1_765_290_071),
        Case(number: 30_000_000, time: 1_765_290_071, checksum: 0xcba2a1c0, next: 1_767_747_671),
        Case(number: 30_000_000, time: 1_767_747_670, checksum: 0xcba2a1c0, next: 1_767_747_671),
        Case(number: 30_000_000, time: 1_767_747_671, checksum: 0x07c9462e, next: 0),
        Case(number: 50_000_000, time: 2_000_000_000, checksum: 0x07c9462e, next: 0),
    ])
    func mainnetIDs(_ example: Case) {
        #expect(ForkSchedule.mainnet.forkID(headNumber: example.number, headTime: example.time) == ForkID(checksum: example.checksum, next: example.next))
    }

    @Test("sepolia fork ids (go-ethereum)", arguments: [
        Case(number: 0, time: 1_633_267_481, checksum: 0xfe3366e7, next: 1_735_371),
        Case(number: 1_735_370, time: 1_661_130_096, checksum: 0xfe3366e7, next: 1_735_371),
        Case(number: 1_735_371, time: 1_661_130_108, checksum: 0xb96cbd13, next: 1_677_557_088),
        Case(number: 2_990_907, time: 1_677_557_076, checksum: 0xb96cbd13, next: 1_677_557_088),
        Case(number: 2_990_908, time: 1_677_557_088, checksum: 0xf7f9bc08, next: 1_706_655_072),
        Case(number: 5_187_022, time: 1_706_655_060, checksum: 0xf7f9bc08, next: 1_706_655_072),
        Case(number: 5_187_023, time: 1_706_655_072, checksum: 0x88cf81d9, next: 1_741_159_776),
        Case(number: 7_844_466, time: 1_741_159_764, checksum: 0x88cf81d9, next: 1_741_159_776),
        Case(number: 7_844_467, time: 1_741_159_776, checksum: 0xed88b5fd, next: 1_760_427_360),
        Case(number: 9_000_000, time: 1_760_427_359, checksum: 0xed88b5fd, next: 1_760_427_360),
        Case(number: 9_000_000, time: 1_760_427_360, checksum: 0xe2ae4999, next: 1_761_017_184),
        Case(number: 9_000_000, time: 1_761_017_184, checksum: 0x56078a1e, next: 1_761_607_008),
        Case(number: 9_000_000, time: 1_761_607_008, checksum: 0x268956b6, next: 0),
        Case(number: 12_000_000, time: 2_000_000_000, checksum: 0x268956b6, next: 0),
    ])
    func sepoliaIDs(_ example: Case) {
        #expect(ForkSchedule.sepolia.forkID(headNumber: example.number, headTime: example.time) == ForkID(checksum: example.checksum, next: example.next))
    }

    @Test("EIP-2124 validation rules on mainnet as the EIP was written", arguments: [
        ValidationCase(number: 7_987_396, time: 0, checksum: 0x668db0af, next: 0, verdict: .compatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0x668db0af, next: .max, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: 0, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: 7_280_000, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: .max, verdict: .compatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0xa00bc324, next: 7_280_000, verdict: .compatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0x3edd5b10, next: 4_370_000, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0x668db0af, next: 0, verdict: .compatible),
        ValidationCase(number: 4_369_999, time: 0, checksum: 0xa00bc324, next: 0, verdict: .compatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0xa00bc324, next: 0, verdict: .remoteStale),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0x5cddc0e1, next: 0, verdict: .localIncompatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0x5cddc0e1, next: 0, verdict: .localIncompatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0xafec6b27, next: 0, verdict: .localIncompatible),
    ])
    func eipValidation(_ example: ValidationCase) {
        Self.check(Self.eipMainnet, example)
    }

    @Test("validation with block forks only (go-ethereum legacy configuration)", arguments: [
        ValidationCase(number: 15_050_000, time: 0, checksum: 0xf0afd0e3, next: 0, verdict: .compatible),
        ValidationCase(number: 15_050_000, time: 0, checksum: 0xf0afd0e3, next: .max, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: 0, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: 7_280_000, verdict: .compatible),
        ValidationCase(number: 7_280_000, time: 0, checksum: 0xa00bc324, next: 7_280_000, verdict: .compatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0x3edd5b10, next: 4_370_000, verdict: .compatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0x668db0af, next: 0, verdict: .compatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0xa00bc324, next: 0, verdict: .remoteStale),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0x5cddc0e1, next: 0, verdict: .localIncompatible),
        ValidationCase(number: 7_987_396, time: 0, checksum: 0xafec6b27, next: 0, verdict: .localIncompatible),
        ValidationCase(number: 88_888_888, time: 0, checksum: 0xf0afd0e3, next: 88_888_888, verdict: .localIncompatible),
        ValidationCase(number: 7_279_999, time: 0, checksum: 0xa00bc324, next: 7_279_999, verdict: .localIncompatible),
    ])
    func legacyValidation(_ example: ValidationCase) {
        Self.check(Self.legacyMainnet, example)
    }

    @Test("validation across the block-to-time transition and time forks (go-ethereum)", arguments: [
        ValidationCase(number: 15_050_000, time: 0, checksum: 0xf0afd0e3, next: 0, verdict: .compatible),
        ValidationCase(number: 15_050_000, time: 0, checksum: 0xf0afd0e3, next: 1_681_338_455, verdict: .compatible),
        ValidationCase(number: 15_050_000, time: 0, checksum: 0xf0afd0e3, next: .max, verdict: .compatible),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: 0xf0afd0e3, next: 1_681_338_455, verdict: .compatible),
        ValidationCase(number: 20_123_456, time: 1_681_338_456, checksum: 0xf0afd0e3, next: 1_681_338_455, verdict: .compatible),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: 0x20c327fc, next: 15_050_000, verdict: .compatible),
        ValidationCase(number: 15_050_000, time: 0, checksum: 0xdce96c2d, next: 0, verdict: .compatible),
        ValidationCase(number: 13_773_000, time: 0, checksum: 0xf0afd0e3, next: 0, verdict: .compatible),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: 0xf0afd0e3, next: 0, verdict: .remoteStale),
        ValidationCase(number: 15_050_000, time: 0, checksum: checksumUpdate(0xf0afd0e3, .max), next: 0, verdict: .localIncompatible),
        ValidationCase(number: 15_050_000, time: 0, checksum: checksumUpdate(0xdce96c2d, .max), next: 0, verdict: .localIncompatible),
        ValidationCase(number: 888_888_888, time: 1_660_000_000, checksum: 0xf0afd0e3, next: 1_660_000_000, verdict: .localIncompatible),
        ValidationCase(number: 19_999_999, time: 1_667_999_999, checksum: 0xf0afd0e3, next: 1_667_999_999, verdict: .localIncompatible),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: 0xdce96c2d, next: 0, verdict: .compatible),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: 0xdce96c2d, next: .max, verdict: .compatible),
        ValidationCase(number: 20_000_000, time: 1_668_000_000, checksum: 0xdce96c2d, next: 0, verdict: .compatible),
        ValidationCase(number: 20_000_000, time: 1_668_000_000, checksum: 0xdce96c2d, next: 1_710_338_135, verdict: .compatible),
        ValidationCase(number: 21_000_000, time: 1_710_338_135, checksum: 0xdce96c2d, next: 1_710_338_135, verdict: .compatible),
        ValidationCase(number: 21_123_456, time: 1_710_338_136, checksum: 0xdce96c2d, next: 1_710_338_135, verdict: .compatible),
        ValidationCase(number: 0, time: 0, checksum: 0x3edd5b10, next: 1_710_338_135, verdict: .compatible),
        ValidationCase(number: 21_000_000, time: 1_700_000_000, checksum: 0x9f3d2254, next: 0, verdict: .compatible),
        ValidationCase(number: 21_000_000, time: 1_678_000_000, checksum: 0xc376cf8b, next: 0, verdict: .compatible),
        ValidationCase(number: 21_000_000, time: 1_710_338_135, checksum: 0xdce96c2d, next: 0, verdict: .remoteStale),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: checksumUpdate(0xdce96c2d, .max), next: 0, verdict: .localIncompatible),
        ValidationCase(number: 20_000_000, time: 1_668_000_000, checksum: checksumUpdate(0x9f3d2254, .max), next: 0, verdict: .localIncompatible),
        ValidationCase(number: 20_000_000, time: 1_681_338_455, checksum: 0x12345678, next: 0, verdict: .localIncompatible),
        ValidationCase(number: 88_888_888, time: 8_888_888_888, checksum: 0x07c9462e, next: 8_888_888_888, verdict: .localIncompatible),
        ValidationCase(number: 20_999_999, time: 1_699_999_999, checksum: 0x71147644, next: 1_700_000_000, verdict: .localIncompatible),
    ])
    func timeValidation(_ example: ValidationCase) {
        Self.check(ForkSchedule.mainnet, example)
    }

    static func check(_ schedule: ForkSchedule, _ example: ValidationCase) {
        let result = schedule.validate(remote: ForkID(checksum: example.checksum, next: example.next),
                                       headNumber: example.number, headTime: example.time)
        switch example.verdict {
        case .compatible:
            #expect(result == .compatible)
            #expect(result.reason == nil)
        case .remoteStale:
            guard case .remoteStale = result else { Issue.record("expected remote stale, got \(result)"); return }
            #expect(!result.isCompatible)
        case .localIncompatible:
            guard case .localIncompatibleOrStale = result else { Issue.record("expected local incompatible, got \(result)"); return }
            #expect(!result.isCompatible)
        }
    }

    @Test("the reason names the peer's fork id and our chain")
    func reasons() throws {
        let result = ForkSchedule.mainnet.validate(remote: ForkID(checksum: 0x12345678, next: 0), headNumber: 20_000_000, headTime: 1_681_338_455)
        let reason = try #require(result.reason)
        #expect(reason.hasPrefix("peer's fork id 0x12345678 next 0 is not on mainnet's fork schedule"))
        #expect(!reason.contains("\n"))
    }

    @Test("time forks at or before the genesis time are part of the genesis (go-ethereum)")
    func timeForkAtGenesis() {
        let time: UInt64 = 1_690_475_657
        let genesis = [UInt8](repeating: 0x5a, count: 32)
        let genesisSum = CRC32.checksum(genesis)
        for (shanghai, cancun) in [(time - 1, time + 1), (time, time + 1), (time + 1, time + 2)] {
            let schedule = ForkSchedule(name: "test", chainID: 1337, genesisHash: genesis, genesisTime: time,
                                        blockForks: [0, 0, 0], timeForks: [shanghai, cancun])
            #expect(schedule.forkID(headNumber: 0, headTime: time) == ForkID(checksum: genesisSum, next: time + 1))
        }
    }

    @Test("all forks at genesis: CRC-32 of the genesis hash, no next fork")
    func allAtGenesis() {
        let genesis = (0..<32).map { UInt8($0 * 5) }
        let schedule = ForkSchedule.allAtGenesis(chainID: 1337, genesisHash: genesis)
        #expect(schedule.forkID(headNumber: 123_456, headTime: 1_900_000_000) == ForkID(checksum: CRC32.checksum(genesis), next: 0))
        #expect(schedule.validate(remote: ForkID(checksum: CRC32.checksum(genesis), next: 0), headNumber: 5, headTime: 5).isCompatible)
        // Mainnet's genesis with every fork at genesis is mainnet's Frontier id.
        let mainnetGenesis = ForkSchedule.allAtGenesis(chainID: 1, genesisHash: ForkSchedule.mainnet.genesisHash)
        #expect(mainnetGenesis.forkID(headNumber: 0, headTime: 0) == ForkID(checksum: 0xfc64ec04, next: 0))
    }

    @Test("built-in schedules by chain id")
    func builtIn() {
        #expect(ForkSchedule.builtIn(chainID: 1) == .mainnet)
        #expect(ForkSchedule.builtIn(chainID: 11_155_111) == .sepolia)
        #expect(ForkSchedule.builtIn(chainID: 1337) == nil)
        // Duplicates merged and zeros dropped.
        #expect(Self.eipMainnet.blockForks == [1_150_000, 1_920_000, 2_463_000, 2_675_000, 4_370_000, 7_280_000])
    }

    @Test("RLP encoding (go-ethereum TestEncoding) and decoding")
    func encoding() throws {
        let cases: [(ForkID, String)] = [
            (ForkID(checksum: 0, next: 0), "c6840000000080"),
            (ForkID(checksum: 0xdeadbeef, next: 0xBADDCAFE), "ca84deadbeef84baddcafe"),
            (ForkID(checksum: .max, next: .max), "ce84ffffffff88ffffffffffffffff"),
        ]
        for (id, hex) in cases {
            let bytes = try Hex.decode(hex, prefix: .forbidden)
            #expect(RLP.encode(id.rlp) == bytes)
            #expect(try ForkID(rlp: RLP.decode(bytes)) == id)
        }
        #expect(ForkID(checksum: 0xfc64ec04, next: 1_150_000).description == "0xfc64ec04 next 1150000")
        #expect(ForkID(checksum: 0xfc64ec04, next: 0).hash == [0xfc, 0x64, 0xec, 0x04])
        // Extra items are tolerated (EIP-2124 forward compatibility).
        #expect(try ForkID(rlp: .list([.bytes([1, 2, 3, 4]), .uint(UInt64(5)), .bytes([9])])) == ForkID(checksum: 0x01020304, next: 5))
    }

    @Test("malformed fork ids are rejected", arguments: [
        RLPItem.bytes([1, 2, 3, 4]),
        .list([.bytes([1, 2, 3, 4])]),
        .list([.bytes([1, 2, 3]), .bytes([])]),
        .list([.list([]), .bytes([])]),
        .list([.bytes([1, 2, 3, 4]), .bytes([0, 1])]),
        .list([.bytes([1, 2, 3, 4]), .bytes([1, 2, 3, 4, 5, 6, 7, 8, 9])]),
    ])
    func malformed(_ item: RLPItem) {
        #expect(throws: EthMessageError.self) { try ForkID(rlp: item) }
    }
}
