import SigilCore
import SigilTestSupport
import Testing

@Suite("Address")
struct AddressTests {
    @Test(TestEnvironment.vectorsTrait)
    func eip55Vectors() throws {
        let json = try #require(Vectors.json("eip55_checksum.json") as? [String: Any])
        let all = try #require(json["all"] as? [String])
        #expect(all.count == 8)
        for text in all {
            let address = try Address(parsing: text)
            #expect(address.checksummed == text)
            #expect(address.description == text)
            #expect(try Address(parsing: text.lowercased()).checksummed == text)
            #expect(try Address(parsing: "0x" + text.dropFirst(2).uppercased()) == address)
            // Flipping the case of any one letter makes a wrong mixed-case checksum.
            var chars = Array(text)
            for i in 2..<chars.count where chars[i].isLetter {
                let original = chars[i]
                chars[i] = original.isUppercase ? Character(original.lowercased()) : Character(original.uppercased())
                let flipped = String(chars)
                let error = #expect(throws: AddressError.badChecksum(expected: text)) { try Address(parsing: flipped) }
                #expect(error.map { "\($0)".contains(text) } == true)
                chars[i] = original
            }
        }
    }

    @Test func knownChecksum() throws {
        let bytes = try Hex.decode("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf")
        #expect(try Address(bytes: bytes).checksummed == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
    }

    @Test func parseErrors() throws {
        let good = "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
        #expect(throws: AddressError.missingPrefix) { try Address(parsing: good) }
        #expect(throws: AddressError.missingPrefix) { try Address(parsing: "0X" + good) }
        #expect(throws: AddressError.missingPrefix) { try Address(parsing: "") }
        #expect(throws: AddressError.invalidLength(digits: 39)) { try Address(parsing: "0x" + good.dropLast()) }
        #expect(throws: AddressError.invalidLength(digits: 42)) { try Address(parsing: "0x" + good + "00") }
        #expect(throws: AddressError.invalidLength(digits: 0)) { try Address(parsing: "0x") }
        #expect(throws: AddressError.invalidDigit("g", offset: 2)) { try Address(parsing: "0xg" + good.dropFirst()) }
        #expect(throws: AddressError.invalidDigit(" ", offset: 42)) { try Address(parsing: "0x" + good + " ") }
        #expect(throws: AddressError.invalidDigit("é", offset: 5)) { try Address(parsing: "0x5aAé" + good.dropFirst(4)) }
        let error = #expect(throws: AddressError.self) { try Address(parsing: "0xz") }
        #expect(error.map { "\($0)".contains("offset 2") } == true)
        #expect(AddressError.missingPrefix.category == .invalidInput)
    }

    @Test func bytesZeroAndOrdering() throws {
        #expect(throws: AddressError.invalidByteCount(19)) { try Address(bytes: [UInt8](repeating: 1, count: 19)) }
        #expect(throws: AddressError.invalidByteCount(32)) { try Address(bytes: [UInt8](repeating: 1, count: 32)) }
        #expect(Address.zero.checksummed == "0x" + String(repeating: "0", count: 40))
        #expect(Address.zero.bytes == [UInt8](repeating: 0, count: 20))
        let a = try Address(bytes: [UInt8](repeating: 0, count: 19) + [1])
        let b = try Address(bytes: [1] + [UInt8](repeating: 0, count: 19))
        #expect(Address.zero < a && a < b && !(b < a))
        #expect([b, a, Address.zero].sorted() == [Address.zero, a, b])
        #expect(Set([a, a, b]).count == 2)
    }
}
