import SigilCore
import SigilTestSupport
import Testing

@Suite struct ABIEncoderPackedTests {
    let bytes = ABITestSupport.bytes

    /// The example of the Solidity documentation ("Non-standard Packed Mode"):
    /// abi.encodePacked(int16(-1), bytes1(0x42), uint16(0x03), string("Hello, world!")).
    @Test func solidityDocumentationExample() throws {
        let types: [ABIType] = [.int(bits: 16), .fixedBytes(1), .uint(bits: 16), .string]
        let values: [ABIValue] = [.int(I256(-1)), .fixedBytes([0x42]), .uint(3), .string("Hello, world!")]
        #expect(try ABIEncoder.encodePacked(values, as: types) == bytes("0xffff42000348656c6c6f2c20776f726c6421"))
    }

    /// Array elements are padded to 32 bytes (Solidity documentation: "the encoding of an
    /// array is the concatenation of the encoding of its elements with padding").
    @Test func arrayElementsArePadded() throws {
        let packed = try ABIEncoder.encodePacked([.array([.uint(1), .uint(2)]), .array([.bool(true)]), .uint(7)],
                                                 as: [.array(.uint(bits: 8)), .fixedArray(.bool, count: 1), .uint(bits: 8)])
        let one = [UInt8](repeating: 0, count: 31) + [1]
        let two = [UInt8](repeating: 0, count: 31) + [2]
        #expect(packed == one + two + one + [7])
        let address = try Address(parsing: "0x00000000000000000000000000000000000000aa")
        let addressed = try ABIEncoder.encodePacked([.array([.address(address)]), .address(address)], as: [.array(.address), .address])
        #expect(addressed == [UInt8](repeating: 0, count: 12) + address.bytes + address.bytes)
        let fixed = try ABIEncoder.encodePacked([.array([.fixedBytes([0xab])])], as: [.array(.fixedBytes(1))])
        #expect(fixed == [0xab] + [UInt8](repeating: 0, count: 31))
    }

    @Test func naturalSizesAndRawDynamicValues() throws {
        let packed = try ABIEncoder.encodePacked(
            [.int(I256(-2)), .uint(0x0102), .bool(false), .bytes([]), .bytes([9, 9]), .string("é")],
            as: [.int(bits: 8), .uint(bits: 24), .bool, .bytes, .bytes, .string])
        #expect(packed == [0xfe, 0x00, 0x01, 0x02, 0x00, 9, 9, 0xc3, 0xa9])
    }

    @Test func refusedLikeTheCompilerRefuses() throws {
        let cases: [(ABIType, ABIValue, String)] = [
            (.tuple([.uint(bits: 8)]), .tuple([.uint(1)]), "tuples"),
            (.array(.array(.uint(bits: 8))), .array([.array([.uint(1)])]), "arrays of uint8[]"),
            (.array(.string), .array([.string("a")]), "arrays of string"),
            (.uint(bits: 8), .uint(256), "does not fit in uint8"),
            (.fixedBytes(2), .fixedBytes([1]), "exactly 2 bytes"),
        ]
        for (type, value, message) in cases {
            #expect { _ = try ABIEncoder.encodePacked([.uint(0), value], as: [.uint(bits: 8), type]) } throws: { error in
                guard let error = error as? ABIError, case .valueMismatch(let path, _) = error else { return false }
                return path.hasPrefix("argument 2") && error.description.contains(message)
            }
        }
        #expect(throws: ABIError.argumentCount(expected: 1, got: 0)) { try ABIEncoder.encodePacked([], as: [.bool]) }
        // An element that does not fit names its place.
        #expect(throws: ABIError.valueMismatch(path: "argument 1[1]", reason: "256 does not fit in uint8")) {
            try ABIEncoder.encodePacked([.array([.uint(1), .uint(256)])], as: [.array(.uint(bits: 8))])
        }
    }
}
