import Foundation
import SigilTestSupport
import Testing

@Suite struct HashCommandTests {
    @Test(arguments: [
        ("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        ("transfer(address,uint256)", "0xa9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b"),
        ("0x", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("0x616263", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    ])
    func hashesArguments(input: String, expected: String) throws {
        let r = try sigil("hash", "keccak", input)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == expected + "\n")
    }

    @Test func textFlagHashesHexLookingInputAsText() throws {
        // keccak256 of the 8 characters "0x616263", not of the bytes "abc".
        let r = try sigil("hash", "keccak", "--text", "0x616263")
        #expect(r.stdoutText == "0xf234842a4226b82f13053c6d6ba255dbc583358c3790d8e64cf336bbaf854401\n")
    }

    @Test func readsStandardInput() throws {
        #expect(try sigil("hash", "keccak", "-", stdin: "abc").stdoutText
            == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
        #expect(try sigil("hash", "keccak", "-", stdin: "0x616263\n").stdoutText
            == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
    }

    /// `--text -`: standard input is text even when it starts with 0x, byte for byte (a trailing
    /// newline is part of the text).
    @Test func textFlagAppliesToStandardInput() throws {
        let r = try sigil("hash", "keccak", "--text", "-", stdin: "0x616263")
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == "0xf234842a4226b82f13053c6d6ba255dbc583358c3790d8e64cf336bbaf854401\n")
        // The same 9 bytes "0x616263\n" given as hex: only --text keeps the newline and the 0x.
        let withNewline = try sigil("hash", "keccak", "--text", "-", stdin: "0x616263\n")
        let asHex = try sigil("hash", "keccak", "0x" + "0x616263\n".utf8.map { String(format: "%02x", $0) }.joined())
        #expect(withNewline.status == 0 && asHex.status == 0)
        #expect(withNewline.stdoutText == asHex.stdoutText)
        #expect(withNewline.stdoutText != r.stdoutText)
        // Without --text the same input is the bytes "abc".
        #expect(try sigil("hash", "keccak", "-", stdin: "0x616263\n").stdoutText
            == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45\n")
        let json = try jsonOutput(try sigil("hash", "keccak", "--text", "-", "--json", stdin: "0x616263\n"))
        #expect(json["inputLength"] as? Int == 9)
    }

    @Test func json() throws {
        let object = try jsonOutput(try sigil("hash", "keccak", "abc", "--json"))
        #expect(object["hash"] as? String == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        #expect(object["inputLength"] as? Int == 3)
    }

    @Test func badHex() throws {
        expectFailure(try sigil("hash", "keccak", "0xzz"), status: 65, message: "sigil: error: invalid hex digit 'z' at offset 2")
        expectFailure(try sigil("hash", "keccak", "0xabc"), status: 65, message: "odd number of digits")
        expectFailure(try sigil("hash", "keccak", "0x0xab"), status: 65, message: "0x prefix twice")
    }

    @Test func usageErrors() throws {
        let r = try sigil("hash", "keccak")
        #expect(r.status == 64)
        #expect(r.stderrText.contains("Missing expected argument"))
        #expect(try sigil("hash", "keccak", "a", "--bogus").status == 64)
    }
}
