import SigilTestSupport
import Testing

@Suite struct UnitsCommandTests {
    @Test func showsEveryUnit() throws {
        let r = try sigil("units", "1.5ether")
        #expect(r.status == 0)
        #expect(r.stdoutText == "wei    1500000000000000000\ngwei   1500000000\nether  1.5\n")
        #expect(r.stderrText.isEmpty)
    }

    @Test(arguments: [
        ("30gwei", "wei", "30000000000"),
        ("0.000000001ether", "wei", "1000000000"),
        ("0.000000001ether", "gwei", "1"),
        ("12wei", "ether", "0.000000000000000012"),
        ("12", "wei", "12"),
        ("0x2386f26fc10000", "ether", "0.01"),
        ("115792089237316195423570985008687907853269984665640564039457584007913129639935wei", "ether",
         "115792089237316195423570985008687907853269984665640564039457.584007913129639935"),
    ])
    func convertsExactly(amount: String, unit: String, expected: String) throws {
        let r = try sigil("units", amount, "--to", unit)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == expected + "\n")
    }

    @Test func json() throws {
        let r = try sigil("units", "30gwei", "--json")
        let object = try jsonOutput(r)
        #expect(object["wei"] as? String == "30000000000")
        #expect(object["gwei"] as? String == "30")
        #expect(object["ether"] as? String == "0.00000003")
    }

    @Test(arguments: [
        ("1.0000000000000000001ether", "19 decimals"),
        ("1.5eth2", "unknown unit 'eth2'"),
        ("115792089237316195423570985008687907853269984665640564039457584007913129639936wei", "2^256-1"),
        ("1.5gwei2", "unknown unit"),
        ("0.1wei", "decimals"),
        ("1.5000000000000000000ether", "'1.5000000000000000000ether' has 19 decimals; ether allows at most 18"),
        ("1.0", "'1.0' has 1 decimal; wei allows no decimals"),
    ])
    func rejectsBadAmounts(amount: String, message: String) throws {
        expectFailure(try sigil("units", amount), status: 65, message: message)
    }

    /// A leading dash reads as an option, so a negative amount needs `--` to reach the parser.
    @Test func negativeAmountsAreRefused() throws {
        expectFailure(try sigil("units", "--", "-1ether"), status: 65, message: "negative amounts are not allowed")
    }

    @Test func badTargetUnitIsAUsageError() throws {
        expectFailure(try sigil("units", "1ether", "--to", "parsec"), status: 64, message: "unknown unit 'parsec'")
    }

    @Test func errorsAsJSON() throws {
        let r = try sigil("units", "1.5eth2", "--json")
        #expect(r.status == 65)
        #expect(r.stdoutText.isEmpty)
        #expect(r.stderrText.hasPrefix("{\"error\":{\"code\":65,\"kind\":\"invalid-input\",\"message\":"))
    }
}
