import SigilCore
import SigilTestSupport
import Testing

@Suite struct KnownSelectorsTests {
    @Test func tableIsConsistent() throws {
        let all = KnownSelectors.all
        #expect(all.count >= 20)
        #expect(Set(all.map(\.selector)).count == all.count, "two entries share a selector")
        for entry in all {
            #expect(entry.function.inputs.allSatisfy { $0.name != nil }, "\(entry.function.signature) lacks names")
        }
        #expect(KnownSelectors.lookup([0xa9, 0x05, 0x9c, 0xbb])?.function.signature == "transfer(address,uint256)")
        #expect(KnownSelectors.lookup([0xd0, 0xe3, 0x0d, 0xb0])?.function.signature == "deposit()")
        #expect(KnownSelectors.lookup([0, 0, 0, 0]) == nil)
    }

    @Test func describesCalls() throws {
        let from = try Address(parsing: "0x00000000000000000000000000000000000000aa")
        let to = try Address(parsing: "0x00000000000000000000000000000000000000bb")
        let batch = try ABIFunction(parsing: "safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)")
        let data = try batch.encodeCall([.address(from), .address(to), .array([.uint(1), .uint(2)]), .array([.uint(10), .uint(20)]), .bytes([0xca, 0xfe])])
        let call = try #require(CalldataDecoder.describe(data))
        #expect(call.name == "safeBatchTransferFrom")
        #expect(call.standard == "ERC-1155")
        #expect(call.arguments.map(\.name) == ["from", "to", "ids", "values", "data"])
        #expect(call.arguments.map(\.display) == [from.checksummed, to.checksummed, "[1, 2]", "[10, 20]", "0xcafe"])
        #expect(call.trailingBytes == 0)

        let multicall = try ABIFunction(parsing: "multicall(bytes[])").encodeCall([.array([.bytes(data)])])
        #expect(CalldataDecoder.describe(multicall)?.arguments.first?.value == .array([.bytes(data)]))

        var tagged = try ABIFunction(parsing: "withdraw(uint256)").encodeCall([.uint(5)])
        tagged += [0xde, 0xad]
        #expect(CalldataDecoder.describe(tagged)?.trailingBytes == 2)
    }

    @Test func unknownOrMalformedCalldataIsNil() throws {
        #expect(CalldataDecoder.describe([]) == nil)
        #expect(CalldataDecoder.describe([0xa9, 0x05, 0x9c]) == nil)
        #expect(CalldataDecoder.describe([0x12, 0x34, 0x56, 0x78]) == nil)
        #expect(CalldataDecoder.describe([0xa9, 0x05, 0x9c, 0xbb, 0x00]) == nil)
        let custom = try ABIFunction(parsing: "setGreeting(string greeting)")
        let data = try custom.encodeCall([.string("hi")])
        #expect(CalldataDecoder.describe(data) == nil)
        #expect(CalldataDecoder.describe(data, using: [custom])?.arguments.first?.display == "\"hi\"")
        let wrong = try #require(throws: ABIError.self) { try custom.decodeCall([0xa9, 0x05, 0x9c, 0xbb]) }
        #expect(wrong.description.contains("0xa9059cbb"))
    }
}
