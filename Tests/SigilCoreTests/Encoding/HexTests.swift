import SigilCore
import SigilTestSupport
import Testing

@Suite struct HexTests {
    @Test func decodesBothCases() throws {
        #expect(try Hex.decode("0xdeadBEEF") == [0xde, 0xad, 0xbe, 0xef])
        #expect(try Hex.decode("0X00ff") == [0x00, 0xff])
        #expect(try Hex.decode("0x") == [])
    }

    @Test func prefixRules() throws {
        #expect(throws: HexError.missingPrefix) { try Hex.decode("abcd") }
        #expect(try Hex.decode("abcd", prefix: .optional) == [0xab, 0xcd])
        #expect(try Hex.decode("0xabcd", prefix: .optional) == [0xab, 0xcd])
        #expect(throws: HexError.unexpectedPrefix) { try Hex.decode("0xabcd", prefix: .forbidden) }
        #expect(throws: HexError.repeatedPrefix) { try Hex.decode("0x0xabcd") }
        #expect(throws: HexError.repeatedPrefix) { try Hex.decode("0x0Xab", prefix: .optional) }
    }

    @Test func rejectsOddLengthAndBadDigits() {
        #expect(throws: HexError.oddLength(3)) { try Hex.decode("0xabc") }
        #expect(throws: HexError.invalidDigit("g", offset: 3)) { try Hex.decode("0xagcd") }
        #expect(throws: HexError.invalidDigit(" ", offset: 4)) { try Hex.decode("0xab d") }
        #expect(throws: HexError.invalidDigit("é", offset: 2)) { try Hex.decode("0xé1") }
    }

    @Test func errorMessagesNameTheProblem() {
        #expect(HexError.oddLength(3).description == "hex value has an odd number of digits (3)")
        #expect(HexError.invalidDigit("g", offset: 3).description == "invalid hex digit 'g' at offset 3")
        #expect(HexError.invalidDigit(" ", offset: 4).description == "invalid hex digit U+20 at offset 4")
        #expect(HexError.missingPrefix.description == "hex value must start with 0x")
    }

    @Test func exactLength() throws {
        #expect(try Hex.decode("0x0102", count: 2) == [1, 2])
        #expect(throws: HexError.wrongLength(expected: 20, actual: 2)) { try Hex.decode("0x0102", count: 20) }
    }

    @Test func encodeRoundTripsRandomBytes() throws {
        var rng = SeededGenerator(seed: 0x5161_1234)
        for _ in 0..<2000 {
            let bytes = (0..<Int(rng.next() % 80)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let text = Hex.encode(bytes)
            #expect(text == "0x" + bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined())
            #expect(try Hex.decode(text) == bytes)
            #expect(try Hex.decode(text.uppercased().replacingFirst("0X", "0x")) == bytes)
            #expect(Hex.encode(bytes, prefix: false) == String(text.dropFirst(2)))
        }
    }

    /// Random and mutated strings never crash the parser: they decode or throw HexError.
    @Test func randomInputNeverCrashes() {
        var rng = SeededGenerator(seed: 0xC0FFEE)
        let alphabet = Array("0123456789abcdefABCDEFxX g\u{00e9}\n")
        var accepted = 0
        for _ in 0..<20000 {
            let length = Int(rng.next() % 12)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            for candidate in [text, "0x" + text] {
                if let bytes = try? Hex.decode(candidate, prefix: .optional) {
                    accepted += 1
                    #expect(bytes.count * 2 == candidate.utf8.count - (candidate.hasPrefix("0x") || candidate.hasPrefix("0X") ? 2 : 0))
                }
            }
        }
        #expect(accepted > 0)
    }
}

extension String {
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard hasPrefix(target) else { return self }
        return replacement + dropFirst(target.count)
    }
}
