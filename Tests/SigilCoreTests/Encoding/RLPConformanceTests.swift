import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// ethereum/tests RLPTests (valid and invalid) and the ethers.js RLP cases, read in place.
@Suite("RLP conformance", TestEnvironment.vectorsTrait)
struct RLPConformanceTests {
    /// Converts an ethereum/tests `in` value: strings are UTF-8 bytes, except `#<decimal>`
    /// which is a big integer; numbers are integers; arrays are lists.
    private static func item(fromTestValue value: Any) -> RLPItem? {
        if let text = value as? String {
            if text.hasPrefix("#") { return decimalToBytes(String(text.dropFirst())).map(RLPItem.bytes) }
            return .string(text)
        }
        if let array = value as? [Any] {
            var items = [RLPItem]()
            for element in array {
                guard let item = item(fromTestValue: element) else { return nil }
                items.append(item)
            }
            return .list(items)
        }
        if let number = value as? NSNumber {
            return .uint(number.uint64Value)
        }
        return nil
    }

    /// A non-negative decimal string as minimal big-endian bytes (empty for zero).
    static func decimalToBytes(_ text: String) -> [UInt8]? {
        var littleEndian = [UInt8]()
        for character in text.utf8 {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) else { return nil }
            var carry = Int(character - UInt8(ascii: "0"))
            for index in littleEndian.indices {
                let value = Int(littleEndian[index]) * 10 + carry
                littleEndian[index] = UInt8(value & 0xff)
                carry = value >> 8
            }
            while carry > 0 { littleEndian.append(UInt8(carry & 0xff)); carry >>= 8 }
        }
        guard !text.isEmpty else { return nil }
        return Array(littleEndian.reversed())
    }

    @Test("decimal converter")
    func decimal() {
        #expect(Self.decimalToBytes("0") == [])
        #expect(Self.decimalToBytes("255") == [0xff])
        #expect(Self.decimalToBytes("256") == [0x01, 0x00])
        #expect(Self.decimalToBytes("18446744073709551616") == [1, 0, 0, 0, 0, 0, 0, 0, 0])
        #expect(Self.decimalToBytes("12a") == nil)
    }

    @Test("rlp_valid_rlptest.json: every case encodes to `out` and decodes back")
    func valid() throws {
        let cases = try Vectors.cases("rlp_valid_rlptest.json")
        #expect(cases.count == 28)
        for (name, value) in cases.sorted(by: { $0.key < $1.key }) {
            let test = try #require(value as? [String: Any], "\(name): not an object")
            let item = try #require(test["in"].flatMap(Self.item(fromTestValue:)), "\(name): unreadable `in`")
            let out = try #require(test["out"] as? String, "\(name): no `out`")
            let expected = try Hex.decode(out, prefix: .optional)
            #expect(RLP.encode(item) == expected, "\(name): encoding \(Hex.encode(RLP.encode(item))) != \(out)")
            do {
                let decoded = try RLP.decode(expected)
                #expect(decoded == item, "\(name): decoded \(decoded)")
            } catch {
                Issue.record("\(name): decoding \(out) failed: \(error)")
            }
        }
    }

    @Test("rlp_invalid_invalidRLPTest.json: every case is rejected")
    func invalid() throws {
        let cases = try Vectors.cases("rlp_invalid_invalidRLPTest.json")
        #expect(cases.count == 26)
        for (name, value) in cases.sorted(by: { $0.key < $1.key }) {
            let out = try #require((value as? [String: Any])?["out"] as? String, "\(name): no `out`")
            let input = try Hex.decode(out, prefix: .optional)
            do {
                let item = try RLP.decode(input)
                Issue.record("\(name): \(out) was accepted as \(item)")
            } catch {
                #expect((0...input.count).contains(error.offset), "\(name): offset \(error.offset) out of range")
            }
        }
    }

    @Test("invalid cases fail for the expected reason")
    func invalidReasons() throws {
        let cases = try Vectors.cases("rlp_invalid_invalidRLPTest.json")
        let expected: [String: RLPError.Reason] = [
            "bytesShouldBeSingleByte00": .nonCanonicalSingleByte,
            "bytesShouldBeSingleByte7F": .nonCanonicalSingleByte,
            "leadingZerosInLongLengthArray1": .leadingZeroInLength,
            "leadingZerosInLongLengthList2": .leadingZeroInLength,
            "nonOptimalLongLengthArray1": .nonCanonicalLengthShortForm,
            "nonOptimalLongLengthList2": .nonCanonicalLengthShortForm,
            "emptyEncoding": .emptyInput,
            "lessThanShortLengthList1": .truncated,
            "lessThanLongLengthArray2": .truncated,
            "int32Overflow": .truncated,
            "wrongSizeList": .nonCanonicalLengthShortForm,
        ]
        for (name, reason) in expected.sorted(by: { $0.key < $1.key }) {
            let out = try #require((cases[name] as? [String: Any])?["out"] as? String, "\(name) missing")
            #expect(throws: RLPError.self, "\(name)") {
                do { _ = try RLP.decode(Hex.decode(out, prefix: .optional)) } catch let error as RLPError {
                    #expect(error.reason == reason, "\(name): \(error)")
                    throw error
                }
            }
        }
    }

    @Test("rlp_ethers.json: every case encodes to `encoded` and decodes to `decoded`")
    func ethers() throws {
        let root = try #require(try Vectors.json("rlp_ethers.json") as? [String: Any])
        let tests = try #require(root["tests"] as? [[String: Any]])
        #expect(tests.count == 61)
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let item = try #require(test["decoded"].flatMap(RLPTestSupport.item(fromJSON:)), "\(name): unreadable")
            let encoded = try Hex.decode(try #require(test["encoded"] as? String, "\(name)"))
            #expect(RLP.encode(item) == encoded, "\(name): encoding differs")
            #expect((try? RLP.decode(encoded)) == item, "\(name): decoding differs")
        }
    }
}
