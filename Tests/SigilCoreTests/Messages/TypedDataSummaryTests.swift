import SigilCore
import Testing

@Suite struct TypedDataSummaryTests {
    @Test func displaysAreEscapedAndComplete() throws {
        let text = #"""
        {"types":{"M":[{"name":"s","type":"string"},{"name":"b","type":"bytes"},{"name":"n","type":"int256"},
                       {"name":"a","type":"address[]"},{"name":"f","type":"bool"},{"name":"x","type":"bytes2"}]},
         "primaryType":"M","domain":{"chainId":"0x10","salt":"0x0000000000000000000000000000000000000000000000000000000000000001"},
         "message":{"s":"pay \u202Eevil\n\"q\"","b":"0x\#(String(repeating: "ab", count: 100))","n":"-0x10",
                    "a":["0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826"],"f":false,"x":"0xBEEF"}}
        """#
        let typed = try TypedData(parsing: text)
        let lines = typed.summary
        #expect(lines.map(\.path) == ["domain.chainId", "domain.salt", "message.s", "message.b", "message.n", "message.a", "message.f", "message.x"])
        #expect(lines[0].display == "16")
        #expect(lines[2].display == #""pay \u{202E}evil\u{A}\"q\"""#)
        #expect(lines[3].display == "0x" + String(repeating: "ab", count: 100))
        #expect(lines[4].display == "-16")
        #expect(lines[5].display == "[0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826]")
        #expect(lines[6].display == "false")
        #expect(lines[7].display == "0xbeef")
        #expect(typed.encodeType("EIP712Domain") == "EIP712Domain(uint256 chainId,bytes32 salt)")
    }

    /// A signer shows what it signs: long values are never cut.
    @Test func longValuesAreShownInFull() throws {
        let items = Array(repeating: "\"0x0000000000000000000000000000000000000000\"", count: 200).joined(separator: ",")
        let text = String(repeating: "long text ", count: 100)
        let typed = try TypedData(parsing: #"{"types":{"M":[{"name":"a","type":"address[]"},{"name":"s","type":"string"}]},"primaryType":"M","domain":{},"message":{"a":[\#(items)],"s":"\#(text)"}}"#)
        let display = try #require(typed.summary.first?.display)
        #expect(display == "[" + Array(repeating: Address.zero.checksummed, count: 200).joined(separator: ", ") + "]")
        #expect(typed.summary.last?.display == "\"" + text + "\"")
        #expect(!typed.summary.contains { $0.display.contains("…") })
    }
}
