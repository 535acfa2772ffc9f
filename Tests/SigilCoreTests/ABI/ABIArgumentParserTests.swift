import SigilCore
import SigilTestSupport
import Testing

@Suite struct ABIArgumentParserTests {
    private func parse(_ text: String, _ type: String) throws -> ABIValue {
        try ABIArgumentParser.parse(text, as: try ABIType(parsing: type))
    }

    @Test func atoms() throws {
        #expect(try parse("255", "uint8") == .uint(255))
        #expect(try parse("0xff", "uint8") == .uint(255))
        #expect(try parse("1ether", "uint256") == .uint(1_000_000_000_000_000_000))
        #expect(try parse("1.5 gwei", "uint256") == .uint(1_500_000_000))
        #expect(try parse("-128", "int8") == .int(I256(-128)))
        #expect(try parse("127", "int8") == .int(I256(127)))
        #expect(try parse("-0x10", "int256") == .int(I256(-16)))
        #expect(try parse("true", "bool") == .bool(true))
        #expect(try parse("0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045", "address")
            == .address(try Address(parsing: "0xd8da6bf26964af9d7eed9e03e53415d37aa96045")))
        #expect(try parse("0xabcd", "bytes2") == .fixedBytes([0xab, 0xcd]))
        #expect(try parse("0x", "bytes") == .bytes([]))
        #expect(try parse(" a, b [c] ", "string") == .string(" a, b [c] "))
        let max = try U256(decimal: "57896044618658097711785492504343953926634992332820282019728792003956564819968")
        #expect(try parse("-57896044618658097711785492504343953926634992332820282019728792003956564819968", "int256")
            == .int(I256(magnitude: max, negative: true)!))
    }

    @Test func nested() throws {
        #expect(try parse("[1, 2,3]", "uint8[]") == .array([.uint(1), .uint(2), .uint(3)]))
        #expect(try parse("[]", "uint8[]") == .array([]))
        #expect(try parse("[\"a\",\"b,c\", d , \"\\\"q\\u00e9\"]", "string[]")
            == .array([.string("a"), .string("b,c"), .string("d"), .string("\"qé")]))
        let tuple = try parse("(0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045, 5)", "(address,uint256)")
        #expect(try tuple == .tuple([.address(Address(parsing: "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045")), .uint(5)]))
        #expect(try parse("[[(1,[true,false]),(2,[])],[]]", "(uint8,bool[])[][]") == .array([
            .array([.tuple([.uint(1), .array([.bool(true), .bool(false)])]), .tuple([.uint(2), .array([])])]),
            .array([]),
        ]))
        #expect(try parse("[0x0102,0x0304]", "bytes2[2]") == .array([.fixedBytes([1, 2]), .fixedBytes([3, 4])]))
    }

    @Test(arguments: [
        (["256"], "uint8", "argument 1 (uint8): '256' does not fit in uint8"),
        (["-1"], "uint256", "argument 1 (uint256): '-1' is negative, but uint256 is unsigned"),
        (["128"], "int8", "argument 1 (int8): '128' does not fit in int8"),
        (["-129"], "int8", "argument 1 (int8): '-129' does not fit in int8"),
        (["0xabcd"], "bytes3", "argument 1 (bytes3): bytes3 needs exactly 3 bytes, got 2"),
        (["yes"], "bool", "argument 1 (bool): 'yes' is not a bool (expected true or false)"),
        (["[1,2]"], "uint8[3]", "argument 1 (uint8[3]): uint8[3] needs 3 elements, got 2"),
        (["[1,300]"], "uint8[]", "argument 1 (uint8[]): element [1]: '300' does not fit in uint8"),
        (["[(1,2]"], "(uint8,uint8)[]", "argument 1 ((uint8,uint8)[]): unclosed '(' in '[(1,2]'"),
        (["[(1,2))]"], "(uint8,uint8)[]", "argument 1 ((uint8,uint8)[]): unbalanced ')' in '[(1,2))]'"),
        (["[\"a]"], "string[]", "argument 1 (string[]): unterminated quoted string in '[\"a]'"),
        (["1,2"], "uint8[]", "argument 1 (uint8[]): '1,2' must be written as […]"),
        (["abc"], "uint256", "argument 1 (uint256): invalid decimal number 'abc' (expected digits 0-9 only)"),
    ])
    func errorsNameTheArgumentAndType(texts: [String], type: String, message: String) throws {
        let t = try ABIType(parsing: type)
        let error = try #require(throws: ABIError.self) { try ABIArgumentParser.parse(texts, as: [t]) }
        #expect(error.description == message)
    }

    @Test func indexAndCount() throws {
        let types: [ABIType] = [.address, .uint(bits: 8)]
        let error = try #require(throws: ABIError.self) {
            try ABIArgumentParser.parse(["0x0000000000000000000000000000000000000001", "999"], as: types)
        }
        #expect(error.description.hasPrefix("argument 2 (uint8)"))
        #expect(throws: ABIError.argumentCount(expected: 2, got: 1)) { try ABIArgumentParser.parse(["1"], as: types) }
        let badChecksum = try #require(throws: ABIError.self) {
            try ABIArgumentParser.parse(["0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96046", "1"], as: types)
        }
        #expect(badChecksum.description.contains("checksum"))
    }

    /// displayString parses back to the same value for random values nested in an array.
    @Test func displayStringRoundTrips() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let type = ABIType.array(ABITestSupport.randomType(depth: 3, using: &rng))
            let value = ABITestSupport.randomValue(type, using: &rng)
            let text = value.displayString
            #expect(try ABIArgumentParser.parse(text, as: type) == value, "seed \(seed): \(type) \(text)")
        }
    }

    @Test func displayForms() throws {
        let v: ABIValue = .tuple([.int(I256(-5)), .string("a\"b"), .fixedBytes([0xab]), .array([.bool(true)])])
        #expect(v.displayString == "(-5, \"a\\\"b\", 0xab, [true])")
        #expect(ABIValue.address(try Address(parsing: "0xd8da6bf26964af9d7eed9e03e53415d37aa96045")).displayString
            == "0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045")
    }
}
