import SigilCore
import SigilTestSupport
import Testing

@Suite struct FeeBumpTests {
    /// Reference in plain UInt64 arithmetic, independent of U256: ceil(11 x / 10), at least x + 1.
    private func reference(_ old: UInt64) -> UInt64 { max((old * 11 + 9) / 10, old + 1) }

    @Test func minimumIsExactCeilingOfTenPercent() throws {
        for old in UInt64(0)...2_000 {
            #expect(try FeeBump.minimum(replacing: U256(old)) == U256(reference(old)), "old = \(old)")
        }
        var seed: UInt64 = 0x5EED_F00D
        for _ in 0..<2_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let old = seed >> 8 // keeps 11 x below 2^64
            #expect(try FeeBump.minimum(replacing: U256(old)) == U256(reference(old)), "old = \(old) (seed step)")
        }
        #expect(try FeeBump.minimum(replacing: 10) == 11)
        #expect(try FeeBump.minimum(replacing: 11) == 13) // 12.1 rounds up
        #expect(try FeeBump.minimum(replacing: 0) == 1)
        #expect(try FeeBump.minimum(replacing: 30_000_000_000) == 33_000_000_000)
        #expect(try FeeBump.minimum(replacing: 30_000_000_001) == 33_000_000_002)
    }

    @Test func largeValuesAndOverflow() throws {
        let old = (U256.one << 200) + 3
        let bumped = try FeeBump.minimum(replacing: old)
        // bumped is the least m with 10 m >= 11 old.
        #expect(bumped * 10 >= old * 11)
        #expect((bumped - 1) * 10 < old * 11)
        #expect(throws: FeeBumpError.overflow(field: "fee")) { try FeeBump.minimum(replacing: U256.max) }
        #expect(throws: FeeBumpError.overflow(field: "maxFeePerGas")) {
            try FeeBump.dynamic(oldMaxFeePerGas: U256.max, oldMaxPriorityFeePerGas: 1)
        }
    }

    @Test func dynamicFeesRaiseBothFields() throws {
        let fees = try FeeBump.dynamic(oldMaxFeePerGas: 100, oldMaxPriorityFeePerGas: 7)
        #expect(fees == FeeBump.DynamicFees(maxFeePerGas: 110, maxPriorityFeePerGas: 8))
        let requested = try FeeBump.dynamic(
            oldMaxFeePerGas: 100, oldMaxPriorityFeePerGas: 7, requestedMaxFeePerGas: 500, requestedMaxPriorityFeePerGas: 20)
        #expect(requested == FeeBump.DynamicFees(maxFeePerGas: 500, maxPriorityFeePerGas: 20))
        // A requested priority fee above the default max fee lifts the max fee with it.
        let lifted = try FeeBump.dynamic(oldMaxFeePerGas: 100, oldMaxPriorityFeePerGas: 7, requestedMaxPriorityFeePerGas: 300)
        #expect(lifted == FeeBump.DynamicFees(maxFeePerGas: 300, maxPriorityFeePerGas: 300))
    }

    @Test func requestsBelowTheMinimumNameIt() throws {
        #expect(throws: FeeBumpError.belowMinimum(field: "maxFeePerGas", requested: 109, minimum: 110)) {
            try FeeBump.dynamic(oldMaxFeePerGas: 100, oldMaxPriorityFeePerGas: 7, requestedMaxFeePerGas: 109)
        }
        #expect(throws: FeeBumpError.belowMinimum(field: "maxPriorityFeePerGas", requested: 7, minimum: 8)) {
            try FeeBump.dynamic(oldMaxFeePerGas: 100, oldMaxPriorityFeePerGas: 7, requestedMaxPriorityFeePerGas: 7)
        }
        #expect(throws: FeeBumpError.priorityAboveMaxFee(maxPriorityFeePerGas: 200, maxFeePerGas: 150)) {
            try FeeBump.dynamic(oldMaxFeePerGas: 100, oldMaxPriorityFeePerGas: 7,
                                requestedMaxFeePerGas: 150, requestedMaxPriorityFeePerGas: 200)
        }
        let error = FeeBumpError.belowMinimum(field: "gasPrice", requested: 10, minimum: 11)
        #expect(error.description.contains("minimum is 11 wei"))
        #expect(error.category == .invalidInput)
    }

    @Test func legacyGasPrice() throws {
        #expect(try FeeBump.legacy(oldGasPrice: 20_000_000_000) == 22_000_000_000)
        #expect(try FeeBump.legacy(oldGasPrice: 20_000_000_000, requestedGasPrice: 50_000_000_000) == 50_000_000_000)
        #expect(throws: FeeBumpError.belowMinimum(field: "gasPrice", requested: 21_999_999_999, minimum: 22_000_000_000)) {
            try FeeBump.legacy(oldGasPrice: 20_000_000_000, requestedGasPrice: 21_999_999_999)
        }
    }
}
