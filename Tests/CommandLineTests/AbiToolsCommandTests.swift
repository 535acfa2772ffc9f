import Foundation
import SigilTestSupport
import Testing

/// `abi decode-event`, `abi decode-error`, `abi encode --packed`, `hash message`, `address …`
/// and `units --decimals` with the built binary: outputs, escaping and exit codes.
@Suite struct AbiToolsCommandTests {
    static let transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
    static let transfer = "Transfer(address indexed from,address indexed to,uint256 value)"
    static let fromTopic = "0x0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf"
    static let toTopic = "0x0000000000000000000000002b5ad5c4795c026514f8317c7a215e218dccd6cf"
    static let thousand = "0x00000000000000000000000000000000000000000000000000000000000003e8"
    /// revert("Not enough Ether provided."), from the Solidity documentation.
    static let errorString = "0x08c379a0" + "0000000000000000000000000000000000000000000000000000000000000020"
        + "000000000000000000000000000000000000000000000000000000000000001a"
        + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000"

    func words(_ values: [Int]) -> String {
        values.map { String(repeating: "0", count: 64 - String($0, radix: 16).count) + String($0, radix: 16) }.joined()
    }

    @Test func decodesATransferLogGivenOrKnown() throws {
        let logArguments = ["--topic", Self.transferTopic, "--topic", Self.fromTopic, "--topic", Self.toTopic, "--data", Self.thousand]
        let given = try sigil(["abi", "decode-event", "--event", Self.transfer] + logArguments)
        #expect(given.status == 0, "\(given.stderrText)")
        #expect(given.stdoutText.contains("from   \(keyOneAddress)"))
        #expect(given.stdoutText.contains("value  1000"))
        let known = try jsonOutput(try sigil(["abi", "decode-event", "--json"] + logArguments))
        #expect(known["standard"] as? String == "ERC-20")
        let fields = try #require(known["fields"] as? [[String: Any]])
        #expect(fields.map { $0["name"] as? String } == ["from", "to", "value"])
        #expect(fields.last?["value"] as? String == "1000")
    }

    @Test func readsLogObjectsAndArrays() throws {
        let dir = try TemporaryDirectory()
        let object = "{\"address\": \"0x7e5f4552091a69125d5dfcb7b8c2659029395bdf\", \"topics\": [\"\(Self.transferTopic)\", \"\(Self.fromTopic)\", \"\(Self.toTopic)\"], \"data\": \"\(Self.thousand)\", \"logIndex\": \"0x0\"}"
        let file = try dir.file("log.json", contents: object)
        let single = try jsonOutput(try sigil("abi", "decode-event", "--log", file.path, "--json"))
        #expect(single["address"] as? String == keyOneAddress)
        #expect(single["event"] as? String == "Transfer")

        let stray = "{\"topics\": [\"0x1111111111111111111111111111111111111111111111111111111111111111\"], \"data\": \"0x\"}"
        let array = try sigil("abi", "decode-event", "--log", "-", "--json", stdin: "[\(object), \(stray)]")
        #expect(array.status == 0, "\(array.stderrText)")
        let rows = try #require(try JSONSerialization.jsonObject(with: array.stdout) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["event"] as? String == "Transfer")
        #expect(rows[1]["index"] as? Int == 1)
        #expect((rows[1]["error"] as? String)?.contains("not one of Sigil's common events") == true)
    }

    @Test func hostileLogTextIsEscaped() throws {
        // Note(string text) with text "a\u{1b}[2Jb\n": offset, length 7, then the bytes.
        let data = "0x" + words([32, 7]) + "611b5b324a620a" + String(repeating: "0", count: 50)
        let topic0 = try sigil("hash", "keccak", "Note(string)").stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let r = try sigil("abi", "decode-event", "--event", "Note(string text)", "--topic", topic0, "--data", data)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(!r.stdoutText.contains("\u{1b}"))
        #expect(r.stdoutText.contains("\\u001b[2J"))
    }

    @Test func decodeEventFailures() throws {
        expectFailure(try sigil("abi", "decode-event", "--topic", "0x" + String(repeating: "11", count: 32)), status: 66, message: "--event")
        expectFailure(try sigil("abi", "decode-event", "--event", Self.transfer, "--topic", Self.transferTopic, "--topic", Self.fromTopic, "--data", Self.thousand),
                      status: 65, message: "the log has 2 topics")
        expectFailure(try sigil("abi", "decode-event", "--event", Self.transfer, "--topic", Self.transferTopic, "--topic", Self.fromTopic, "--topic", Self.toTopic, "--data", "0x01"),
                      status: 65, message: "field 'value' (uint256)")
        expectFailure(try sigil("abi", "decode-event", "--event", Self.transfer), status: 64, message: "--topic")
        expectFailure(try sigil("abi", "decode-event", "--event", "Transfer(address indexed a, address indexed b, address indexed c, address indexed d)", "--topic", Self.transferTopic),
                      status: 65, message: "at most 3")
        expectFailure(try sigil("abi", "decode-event", "--topic", "0x12"), status: 65, message: "32")
    }

    @Test func decodesRevertData() throws {
        #expect(try sigil("abi", "decode-error", Self.errorString).stdoutText == "Not enough Ether provided.\n")
        let panic = try sigil("abi", "decode-error", "0x4e487b71" + words([0x12]))
        #expect(panic.stdoutText == "panic 0x12: division or modulo by zero\n")
        let custom = try sigil("abi", "decode-error", "--error-sig", "InsufficientBalance(uint256 available, uint256 required)", "0xcf479181" + words([5, 10]), "--json")
        let document = try jsonOutput(custom)
        #expect(document["kind"] as? String == "custom")
        #expect(document["message"] as? String == "InsufficientBalance(available: 5, required: 10)")
        #expect(try sigil("abi", "decode-error", "0x12345678" + words([5, 10])).stdoutText == "custom error 0x12345678 with data 0x\(words([5, 10]))\n")
        #expect(try sigil("abi", "decode-error", "0x").stdoutText == "reverted without a reason\n")
        #expect(try sigil("abi", "decode-error", "-", stdin: Self.errorString + "\n").stdoutText == "Not enough Ether provided.\n")
        // Error("\u{1b}]0;pwned\u{7}")
        let hostile = try sigil("abi", "decode-error", "0x08c379a0" + words([32, 9]) + "1b5d303b70776e6564" + String(repeating: "0", count: 46))
        #expect(hostile.status == 0, "\(hostile.stderrText)")
        #expect(!hostile.stdoutText.contains("\u{1b}") && !hostile.stdoutText.contains("\u{7}"))
        expectFailure(try sigil("abi", "decode-error", "0x123"), status: 65, message: "odd")
        expectFailure(try sigil("abi", "decode-error", "--error-sig", "Bad(", "0x"), status: 65, message: "position")
    }

    @Test func encodesPacked() throws {
        // The Solidity documentation's example.
        let r = try sigil("abi", "encode", "--packed", "(int16,bytes1,uint16,string)", "-1", "0x42", "3", "Hello, world!")
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == "0xffff42000348656c6c6f2c20776f726c6421\n")
        #expect(try sigil("abi", "encode", "--packed", "f(uint8[],uint8)", "[1]", "2").stdoutText == "0x" + words([1]) + "02\n")
        expectFailure(try sigil("abi", "encode", "--packed", "f((uint8,bool))", "(1,true)"), status: 65, message: "tuples")
        expectFailure(try sigil("abi", "encode", "--packed", "--calldata", "f(uint8)", "1"), status: 64, message: "not both")
    }

    @Test func hashesMessagesAsSignMessageReadsThem() throws {
        // eth-account: _hash_eip191_message(encode_defunct(text="hello")).
        let hello = "0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750"
        #expect(try sigil("hash", "message", "hello").stdoutText == hello + "\n")
        #expect(try sigil("hash", "message", "0x68656c6c6f").stdoutText == hello + "\n")
        #expect(try sigil("hash", "message", "-", stdin: "hello").stdoutText == hello + "\n")
        #expect(try sigil("hash", "message", "--text", "0x68656c6c6f").stdoutText != hello + "\n")
        let json = try jsonOutput(try sigil("hash", "message", "hello", "--json"))
        #expect(json["hash"] as? String == hello && json["inputLength"] as? Int == 5)

        let dir = try TemporaryDirectory()
        let keyFile = try dir.file("key.hex", contents: keyOneHex).path
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile)
        for input in [["hello"], ["--text", "0x68656c6c6f"], ["0x"]] {
            let signed = try jsonOutput(try sigil(["sign", "message"] + input + ["--private-key-file", keyFile, "--json"], secrets: Secrets(privateKeys: [keyOneHex])))
            let hashed = try jsonOutput(try sigil(["hash", "message"] + input + ["--json"]))
            #expect(signed["messageHash"] as? String == hashed["hash"] as? String, "\(input)")
        }
        expectFailure(try sigil("hash", "message", "--hex", "hello"), status: 65, message: "hex")
    }

    @Test func addressChecksumAndCompute() throws {
        #expect(try sigil("address", "checksum", keyOneAddress.lowercased()).stdoutText == keyOneAddress + "\n")
        expectFailure(try sigil("address", "checksum", "0x7E5F4552091A69125d5DfCb7b8C2659029395BDf"), status: 65, message: "checksum")
        // The widely quoted CREATE example (also checked against pyrlp in ContractAddressTests).
        #expect(try sigil("address", "compute", "--deployer", "0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0", "--nonce", "0").stdoutText
            == "0xcd234A471b72ba2F1Ccf0A70FCABA648a5eeCD8d\n")
        // EIP-1014 example 4, from the init code and from its hash.
        let deployer = "0x00000000000000000000000000000000deadbeef"
        let salt = "0x00000000000000000000000000000000000000000000000000000000cafebabe"
        let fromCode = try sigil("address", "compute", "--create2", "--deployer", deployer, "--salt", salt, "--init-code", "0xdeadbeef", "--json")
        let document = try jsonOutput(fromCode)
        #expect(document["address"] as? String == "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7")
        let codeHash = try #require(document["initCodeHash"] as? String)
        #expect(try sigil("address", "compute", "--create2", "--deployer", deployer, "--salt", salt, "--init-code-hash", codeHash).stdoutText
            == "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7\n")
        expectFailure(try sigil("address", "compute", "--deployer", deployer), status: 64, message: "--nonce")
        expectFailure(try sigil("address", "compute", "--deployer", deployer, "--nonce", "1", "--salt", salt), status: 64, message: "--create2")
        expectFailure(try sigil("address", "compute", "--create2", "--deployer", deployer, "--salt", "0x01", "--init-code", "0x"), status: 65, message: "32")
        expectFailure(try sigil("address", "compute", "--deployer", "0x1234", "--nonce", "0"), status: 65, message: "address")
    }

    @Test func unitsWithDecimals() throws {
        #expect(try sigil("units", "1.5", "--decimals", "6", "--to", "base").stdoutText == "1500000\n")
        #expect(try sigil("units", "1500000", "--decimals", "6", "--from-base", "--to", "amount").stdoutText == "1.5\n")
        #expect(try sigil("units", "0x16e360", "--decimals", "6", "--from-base", "--to", "amount").stdoutText == "1.5\n")
        let both = try jsonOutput(try sigil("units", "0.000001", "--decimals", "6", "--json"))
        #expect(both["base"] as? String == "1" && both["amount"] as? String == "0.000001" && both["decimals"] as? Int == 6)
        #expect(try sigil("units", "42", "--decimals", "0", "--to", "base").stdoutText == "42\n")
        expectFailure(try sigil("units", "1.5555555", "--decimals", "6"), status: 65, message: "7 decimals")
        expectFailure(try sigil("units", "1.5", "--decimals", "6", "--from-base"), status: 65, message: "1.5")
        expectFailure(try sigil("units", "1", "--from-base"), status: 64, message: "--decimals")
        expectFailure(try sigil("units", "1", "--decimals", "256"), status: 64, message: "0 to 255")
        expectFailure(try sigil("units", "1", "--decimals", "6", "--to", "ether"), status: 64, message: "base or amount")
        expectFailure(try sigil("units", "1ether", "--decimals", "18"), status: 65, message: "unit")
    }
}
