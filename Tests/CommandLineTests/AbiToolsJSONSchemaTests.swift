import Foundation
import SigilTestSupport
import Testing

/// The `--json` output of the ABI, address, hash and unit tools against their rows and
/// shapes in docs/json.md (read by `NetworkSchemaDocs`).
@Suite struct AbiToolsJSONSchemaTests {
    @Test func toolsMatchTheirDocumentedSchema() throws {
        let docs = try NetworkSchemaDocs.load()
        func check(_ row: String, _ arguments: [String], flags: Set<String> = [], stdin: String = "",
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try sigil(arguments + ["--json"], stdin: stdin)
            #expect(r.status == 0, "\(arguments): \(r.stderrText)", sourceLocation: sourceLocation)
            let document = try JSONSerialization.jsonObject(with: r.stdout)
            let items = (row == "`abi decode-event`" ? document as? [Any] : nil) ?? [document]
            for item in items {
                let problems = try docs.check(item, row: row, flags: flags)
                #expect(problems.isEmpty, "\(row) \(arguments): \(problems)", sourceLocation: sourceLocation)
            }
        }
        let t = AbiToolsCommandTests.self
        let log = ["--topic", t.transferTopic, "--topic", t.fromTopic, "--topic", t.toTopic, "--data", t.thousand]
        try check("`abi encode --packed`", ["abi", "encode", "--packed", "f(uint8,string)", "1", "a"])
        try check("`abi decode-event`", ["abi", "decode-event"] + log)
        let namedTopic = try sigil("hash", "keccak", "Named(string)").stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        try check("`abi decode-event`", ["abi", "decode-event", "--event", "Named(string indexed name)", "--topic",
                                         namedTopic, "--topic", "0x" + String(repeating: "cd", count: 32)])
        let object = "{\"address\": \"\(keyOneAddress)\", \"topics\": [\"\(t.transferTopic)\", \"\(t.fromTopic)\", \"\(t.toTopic)\"], \"data\": \"\(t.thousand)\"}"
        try check("`abi decode-event --log FILE`", ["abi", "decode-event", "--log", "-"], stdin: object)
        try check("`abi decode-event`", ["abi", "decode-event", "--log", "-"], stdin: "[\(object), \(object)]")
        for data in [t.errorString, "0x", "0x4e487b71" + String(repeating: "0", count: 62) + "11", "0x12345678"] {
            try check("`abi decode-error`", ["abi", "decode-error", data])
        }
        try check("`hash message`", ["hash", "message", "hello"])
        try check("`address checksum`", ["address", "checksum", keyOneAddress])
        try check("`address compute`", ["address", "compute", "--deployer", keyOneAddress, "--nonce", "7"])
        try check("`address compute`", ["address", "compute", "--create2", "--deployer", keyOneAddress, "--salt", "0x" + String(repeating: "00", count: 32),
                                        "--init-code", "0x00"], flags: ["--create"])  // the docs reader's flag pattern stops at digits
        try check("`units AMOUNT --decimals N`", ["units", "1.5", "--decimals", "6"])
        try check("`units AMOUNT --decimals N`", ["units", "1.5", "--decimals", "6", "--to", "base"], flags: ["--to"])
    }
}
