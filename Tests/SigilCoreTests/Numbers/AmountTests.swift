import SigilCore
import SigilTestSupport
import Testing

@Suite struct AmountTests {
    static let maxWei = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
    static let oneEther = U256(1_000_000_000_000_000_000)

    // MARK: Units

    @Test func unitNamesAndDecimals() {
        #expect(EtherUnit.allCases.map(\.decimals) == [0, 3, 6, 9, 12, 15, 18])
        #expect(EtherUnit(name: "ETHER") == .ether)
        #expect(EtherUnit(name: "Eth") == .ether)
        #expect(EtherUnit(name: "GWei") == .gwei)
        #expect(EtherUnit(name: "szabo") == .szabo)
        #expect(EtherUnit(name: "eth2") == nil)
        #expect(EtherUnit(name: "ethers") == nil)
        #expect(EtherUnit(name: "") == nil)
        #expect(EtherUnit(name: "ＥＴＨ") == nil)
    }

    // MARK: Parsing, accepted

    @Test(arguments: [
        ("1.5ether", U256(1_500_000_000_000_000_000)),
        ("1.5 ether", U256(1_500_000_000_000_000_000)),
        ("  1.5\tEther ", U256(1_500_000_000_000_000_000)),
        ("1eth", U256(1_000_000_000_000_000_000)),
        ("30gwei", U256(30_000_000_000)),
        ("30GWEI", U256(30_000_000_000)),
        ("12wei", U256(12)),
        ("0wei", U256.zero),
        ("0.0ether", U256.zero),
        ("0.000000000000000001ether", U256.one),
        ("0.5ether", U256(500_000_000_000_000_000)),
        ("007wei", U256(7)),
        ("1.500000000000000000ether", U256(1_500_000_000_000_000_000)),
        ("1.000000000gwei", U256(1_000_000_000)),
        ("1.000000001gwei", U256(1_000_000_001)),
        ("2kwei", U256(2_000)),
        ("2mwei", U256(2_000_000)),
        ("2szabo", U256(2_000_000_000_000)),
        ("2finney", U256(2_000_000_000_000_000)),
    ])
    func parsesKnownAmounts(text: String, wei: U256) throws {
        #expect(try Amount.parse(text) == wei)
    }

    @Test func defaultUnit() throws {
        #expect(try Amount.parse("100", defaultUnit: .wei) == 100)
        #expect(try Amount.parse("1.5", defaultUnit: .gwei) == 1_500_000_000)
        #expect(try Amount.parse("2gwei", defaultUnit: .ether) == 2_000_000_000)
    }

    @Test func maximumPerUnit() throws {
        let max = U256.max
        #expect(try Amount.parse(Self.maxWei + "wei") == max)
        for unit in EtherUnit.allCases {
            let text = Amount.format(max, as: unit)
            #expect(try Amount.parse(text + unit.rawValue) == max)
            // One more base unit than the maximum (2^256 ends in ...936) does not fit.
            let twoTo256 = Array(Self.maxWei.dropLast() + "6")
            let point = twoTo256.count - unit.decimals
            let tooBig = String(twoTo256[..<point]) + (unit.decimals > 0 ? "." + String(twoTo256[point...]) : "") + unit.rawValue
            #expect(throws: NumberError.amountTooLarge(tooBig, baseUnit: "wei")) { try Amount.parse(tooBig) }
        }
    }

    // MARK: Parsing, rejected (every message checked)

    @Test(arguments: [
        ("1.5", "amount '1.5' needs a unit (wei, gwei, ether)"),
        ("100", "amount '100' needs a unit (wei, gwei, ether)"),
        ("1eth2", "unknown unit 'eth2' (expected wei, kwei, mwei, gwei, szabo, finney or ether)"),
        ("1 ether x", "unknown unit 'ether x' (expected wei, kwei, mwei, gwei, szabo, finney or ether)"),
        ("1.0000000000000000001ether", "amount '1.0000000000000000001ether' has 19 decimals; ether allows at most 18"),
        ("0.1wei", "amount '0.1wei' has 1 decimal; wei allows no decimals"),
        // Zeros count too: every digit written after the point is a decimal.
        ("1.0wei", "amount '1.0wei' has 1 decimal; wei allows no decimals"),
        ("1.5000000000000000000ether", "amount '1.5000000000000000000ether' has 19 decimals; ether allows at most 18"),
        ("0.0000000000gwei", "amount '0.0000000000gwei' has 10 decimals; gwei allows at most 9"),
        ("1.0000000001gwei", "amount '1.0000000001gwei' has 10 decimals; gwei allows at most 9"),
        ("-1ether", "negative amounts are not allowed: '-1ether'"),
        ("+1ether", "invalid amount '+1ether': a '+' sign is not accepted; write the number alone"),
        ("", "amount is empty"),
        ("   ", "amount is empty"),
        ("1e18", "amount '1e18' uses scientific notation, which is not accepted; write the digits out (e.g. 1000000000000000000wei or 1ether)"),
        ("1.5E3gwei", "amount '1.5E3gwei' uses scientific notation, which is not accepted; write the digits out (e.g. 1000000000000000000wei or 1ether)"),
        ("1_000wei", "amount '1_000wei' contains '_'; digit separators are not accepted, write the digits without them"),
        ("1,000wei", "amount '1,000wei' contains ','; digit separators are not accepted, write the digits without them"),
        ("1.5.2ether", "invalid amount '1.5.2ether': more than one '.'"),
        ("1.ether", "invalid amount '1.ether': write digits after the '.' or drop it (e.g. 1 or 1.5)"),
        (".5ether", "invalid amount '.5ether': write a digit before the '.' (e.g. 0.5)"),
        ("1 000wei", "invalid amount '1 000wei': whitespace inside the number"),
        ("ether", "invalid amount 'ether': expected a number such as 1.5ether, 30gwei or 12wei"),
        ("0x10", "invalid amount '0x10': hex is not accepted here; write a decimal amount with a unit (e.g. 16wei)"),
        (maxWei.dropLast() + "6wei", "amount '\(maxWei.dropLast())6wei' is larger than 2^256-1 wei"),
        ("115792089237316195423570985008687907853269984665640564039457.584007913129639936ether",
         "amount '115792089237316195423570985008687907853269984665640564039457.584007913129639936ether' is larger than 2^256-1 wei"),
    ])
    func rejectsWithClearMessage(text: String, message: String) {
        do {
            let value = try Amount.parse(text)
            Issue.record("\(text) parsed as \(value)")
        } catch {
            #expect(error.description == message)
            #expect(error.category == .invalidInput)
        }
    }

    @Test func errorCases() {
        #expect(throws: NumberError.missingUnit("1.5")) { try Amount.parse(" 1.5 ") }
        #expect(throws: NumberError.unknownUnit("eth2")) { try Amount.parse("1 eth2") }
        #expect(throws: NumberError.tooManyDecimals(amount: "0.1wei", decimals: 1, allowed: 0, unit: "wei")) {
            try Amount.parse("0.1wei")
        }
        #expect(throws: NumberError.tooManyDecimals(amount: "0.1", decimals: 1, allowed: 0, unit: "wei")) {
            try Amount.parse("0.1", defaultUnit: .wei)
        }
        #expect(throws: NumberError.emptyAmount) { try Amount.parse("") }
        #expect(throws: NumberError.negativeAmount("-0wei")) { try Amount.parse("-0wei") }
    }

    // MARK: Token decimals

    @Test func tokenDecimals() throws {
        #expect(try Amount.parse("1.5", decimals: 6) == 1_500_000)
        #expect(try Amount.parse("1", decimals: 0) == 1)
        #expect(try Amount.parse("0.000001", decimals: 6) == 1)
        #expect(Amount.format(1_500_000, decimals: 6) == "1.5")
        #expect(Amount.format(1, decimals: 77) == "0." + String(repeating: "0", count: 76) + "1")
        #expect(try Amount.parse(Amount.format(.max, decimals: 77), decimals: 77) == .max)
        // decimals beyond 77: 10^decimals no longer fits, but small fractions still do.
        #expect(try Amount.parse("0." + String(repeating: "0", count: 99) + "1", decimals: 100) == 1)
        #expect(Amount.format(1, decimals: 100) == "0." + String(repeating: "0", count: 99) + "1")
        #expect(throws: NumberError.amountTooLarge("2", baseUnit: "base units")) { try Amount.parse("2", decimals: 77) }
        #expect(throws: NumberError.tooManyDecimals(amount: "1.0000001", decimals: 7, allowed: 6, unit: nil)) {
            try Amount.parse("1.0000001", decimals: 6)
        }
        #expect(throws: NumberError.tooManyDecimals(amount: "1.5000000", decimals: 7, allowed: 6, unit: nil)) {
            try Amount.parse("1.5000000", decimals: 6)
        }
        #expect(throws: NumberError.tooManyDecimals(amount: "1.0", decimals: 1, allowed: 0, unit: nil)) {
            try Amount.parse("1.0", decimals: 0)
        }
        #expect(try Amount.parse("1.500000", decimals: 6) == 1_500_000)
        #expect(throws: NumberError.invalidDecimalsCount(256)) { try Amount.parse("1", decimals: 256) }
        #expect(throws: NumberError.invalidDecimalsCount(-1)) { try Amount.parse("1", decimals: -1) }
        #expect(NumberError.tooManyDecimals(amount: "1.0000001", decimals: 7, allowed: 6, unit: nil).description
            == "amount '1.0000001' has 7 decimals; at most 6 are allowed")
        #expect(NumberError.amountTooLarge("2", baseUnit: "base units").description
            == "amount '2' is larger than 2^256-1 base units")
        #expect(NumberError.invalidDecimalsCount(256).description == "decimals must be between 0 and 255, not 256")
        let unitGiven = NumberError.invalidAmount("1.5usdc", reason: "unexpected 'usdc' after the number (token amounts take no unit)")
        #expect(throws: unitGiven) { try Amount.parse("1.5usdc", decimals: 6) }
    }

    // MARK: Formatting

    @Test func formatsExactly() {
        #expect(Amount.format(1_500_000_000_000_000_000, as: .ether) == "1.5")
        #expect(Amount.format(.one, as: .ether) == "0.000000000000000001")
        #expect(Amount.format(.zero, as: .ether) == "0")
        #expect(Amount.format(.zero, as: .wei) == "0")
        #expect(Amount.format(Self.oneEther, as: .ether) == "1")
        #expect(Amount.format(Self.oneEther, as: .gwei) == "1000000000")
        #expect(Amount.format(30_000_000_000, as: .gwei) == "30")
        #expect(Amount.format(1, as: .gwei) == "0.000000001")
        #expect(Amount.format(.max, as: .wei) == Self.maxWei)
        #expect(Amount.format(.max, as: .ether) == "115792089237316195423570985008687907853269984665640564039457.584007913129639935")
    }

    // MARK: Random round trips and differential tests

    /// parse(format(x, u), u) == x for random x and every unit and random token decimals.
    @Test func roundTripProperty() throws {
        var random = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        for _ in 0..<1_000 {
            let value = random.u256()
            for unit in EtherUnit.allCases {
                let text = Amount.format(value, as: unit)
                #expect(try Amount.parse(text + unit.rawValue) == value, "seed \(random.seed): \(text)\(unit.rawValue)")
                #expect(try Amount.parse(text, defaultUnit: unit) == value, "seed \(random.seed): \(text)")
            }
            let decimals = Int.random(in: 0...77, using: &random)
            #expect(try Amount.parse(Amount.format(value, decimals: decimals), decimals: decimals) == value,
                    "seed \(random.seed): decimals \(decimals)")
        }
    }

    /// ≥ 1,000 random values formatted in every unit (and random decimals) against Python's Decimal.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func formatMatchesPython() throws {
        var random = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        var cases: [(U256, Int)] = []
        for _ in 0..<1_000 {
            let value = random.u256()
            for unit in EtherUnit.allCases { cases.append((value, unit.decimals)) }
            cases.append((value, Int.random(in: 0...80, using: &random)))
        }
        let input: [String: Any] = ["op": "format", "cases": cases.map { [oracleLimbs($0.0), $0.1] as [Any] }]
        let expected = try #require(try PythonOracle.run("u256.py", input: input) as? [String])
        try #require(expected.count == cases.count)
        var failures = 0
        for ((value, decimals), want) in zip(cases, expected) where failures < 10 {
            let got = Amount.format(value, decimals: decimals)
            if got != want {
                failures += 1
                Issue.record("seed \(random.seed): format(\(oracleLimbs(value)), decimals: \(decimals)) = \(got), Python \(want)")
            }
        }
    }

    /// ≥ 1,000 random amount strings parsed in random units against Python's Decimal, including
    /// ones with too many decimals, trailing zeros, leading zeros and overflow.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func parseMatchesPython() throws {
        var random = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        var cases: [(text: String, number: String, decimals: Int, unit: EtherUnit?)] = []
        for _ in 0..<1_500 {
            let unit: EtherUnit? = Bool.random(using: &random) ? EtherUnit.allCases.randomElement(using: &random)! : nil
            let decimals = unit?.decimals ?? Int.random(in: 0...80, using: &random)
            let number = Self.randomNumber(decimals: decimals, using: &random)
            var text = number
            if let unit {
                let name = unit == .ether && Bool.random(using: &random) ? "eth" : unit.rawValue
                let cased = String(name.map { Bool.random(using: &random) ? Character($0.uppercased()) : $0 })
                text += (Bool.random(using: &random) ? " " : "") + cased
            }
            cases.append((text, number, decimals, unit))
        }
        let input: [String: Any] = ["op": "parse", "cases": cases.map { [$0.number, $0.decimals] as [Any] }]
        let expected = try #require(try PythonOracle.run("u256.py", input: input) as? [[String: Any]])
        try #require(expected.count == cases.count)
        var failures = 0
        var outcomes: [String: Int] = [:]
        for (item, want) in zip(cases, expected) where failures < 10 {
            let got: String
            do {
                let value = item.unit == nil ? try Amount.parse(item.text, decimals: item.decimals) : try Amount.parse(item.text)
                got = oracleLimbs(value).joined(separator: ",")
            } catch .tooManyDecimals(_, let count, _, _) {
                got = "decimals \(count)"
            } catch .amountTooLarge {
                got = "overflow"
            } catch {
                got = "error \(error)"
            }
            let wanted: String
            if let limbs = want["value"] as? [String] {
                wanted = limbs.joined(separator: ",")
            } else if want["error"] as? String == "decimals" {
                wanted = "decimals \(want["count"] as? Int ?? -1)"
            } else {
                wanted = "overflow"
            }
            if got != wanted {
                failures += 1
                Issue.record("seed \(random.seed): parse('\(item.text)') = \(got), Python \(wanted)")
            }
            outcomes[want["value"] != nil ? "value" : want["error"] as? String ?? "?", default: 0] += 1
        }
        // The batch must exercise every outcome, or it tests less than it claims.
        #expect(outcomes["value", default: 0] > 300, "seed \(random.seed): \(outcomes)")
        #expect(outcomes["decimals", default: 0] > 50, "seed \(random.seed): \(outcomes)")
        #expect(outcomes["overflow", default: 0] > 50, "seed \(random.seed): \(outcomes)")
    }

    /// A syntactically valid random amount: 1–80 integer digits (sometimes zero-led), and
    /// sometimes a fraction of up to `decimals + 2` digits, sometimes with trailing zeros.
    static func randomNumber(decimals: Int, using random: inout SeededGenerator) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        let integerLength = [1, 1, 2, Int.random(in: 1...20, using: &random), Int.random(in: 1...80, using: &random)]
            .randomElement(using: &random)!
        var text = digits(integerLength)
        if Int.random(in: 0..<5, using: &random) > 0 {
            var fraction = digits(Int.random(in: 1...(decimals + 2), using: &random))
            if Bool.random(using: &random) { fraction += String(repeating: "0", count: Int.random(in: 1...5, using: &random)) }
            text += "." + fraction
        }
        return text
    }
}
