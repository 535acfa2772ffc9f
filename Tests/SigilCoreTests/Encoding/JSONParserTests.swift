import SigilCore
import SigilTestSupport
import Testing

@Suite struct JSONParserTests {
    @Test func parsesDocumentsKeepingOrderAndNumberText() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, false, null, "x\u00e9\n"], "n": 115792089237316195423570985008687907853269984665640564039457584007913129639935, "f": -1.5e3}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.0) == ["b", "a", "n", "f"])
        #expect(value["n"] == .number("115792089237316195423570985008687907853269984665640564039457584007913129639935"))
        #expect(value["f"] == .number("-1.5e3"))
        #expect(value["a"] == .array([.bool(true), .bool(false), .null, .string("xé\n")]))
    }

    @Test func surrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#""\ud83d""#) }
        #expect(throws: JSONParseError.self) { try JSONParser.parse(#""\ude00""#) }
    }

    @Test(arguments: [
        ("{\"a\":1,}", 7), ("[1,]", 3), ("{\"a\":1,\"a\":2}", 7), ("01", 1), ("[1] x", 4), ("\"a\u{01}\"", 2),
        ("{a:1}", 1), ("// c\n1", 0), ("", 0), ("nul", 0), ("1.", 2), ("-", 1), ("\"\\q\"", 3),
    ])
    func rejectsMalformed(text: String, offset: Int) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.offset == offset, "\(text): \(error)") }
    }

    @Test func duplicateKeyMessage() {
        #expect(throws: JSONParseError(message: "duplicate key \"a\"", offset: 7)) { try JSONParser.parse(#"{"a":1,"a":2}"#) }
    }

    @Test func depthIsBounded() {
        let deep = String(repeating: "[", count: 10000) + String(repeating: "]", count: 10000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(throws: Never.self) { try JSONParser.parse(ok) }
    }

    @Test func serializeRoundTrips() throws {
        let text = #"{"k":[1,"two",{"x":null}],"e":"q\"\\\t\u0001"}"#
        let value = try JSONParser.parse(text)
        #expect(value.serialized() == text)
        #expect(try JSONParser.parse(value.serialized(pretty: true)) == value)
    }

    /// Random byte strings and mutations of a valid document never crash the parser.
    @Test func randomInputNeverCrashes() throws {
        var rng = SeededGenerator(seed: 77)
        let seed = Array(#"{"a":[1,-2.5e3,"x\u00e9",true,null,{"b":{}}],"c":"d"}"#.utf8)
        let alphabet = Array(#"{}[],:"\-+.eE0123456789 truefalsnl"#.utf8) + [0x00, 0xff, 0xc3]
        for i in 0..<20000 {
            var bytes = seed
            if i % 2 == 0 {
                bytes = (0..<Int(rng.next() % 24)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            } else {
                for _ in 0..<(1 + Int(rng.next() % 3)) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    switch rng.next() % 3 {
                    case 0: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: bytes.remove(at: at)
                    default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: at)
                    }
                    if bytes.isEmpty { break }
                }
            }
            if let value = try? JSONParser.parse(bytes) {
                #expect(try JSONParser.parse(value.serialized()) == value)
            }
        }
    }
}
