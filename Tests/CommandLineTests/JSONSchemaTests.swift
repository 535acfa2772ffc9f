import Foundation
import SigilTestSupport
import Testing

/// Every offline command's `--json` output parses and has the keys that docs/json.md documents
/// for it (the first `{"…", "…"}` of the command's row), so the documentation cannot drift.
@Suite struct JSONSchemaTests {
    /// The documented keys of a row of docs/json.md, by the row's command text.
    static func documentedKeys() throws -> [String: [String]] {
        let text = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("docs/json.md"), encoding: .utf8)
        var rows: [String: [String]] = [:]
        for raw in text.split(separator: "\n") where raw.hasPrefix("| `") {
            let line = raw.replacingOccurrences(of: "\\|", with: "¦")   // escaped pipes inside a cell
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2, let open = cells[1].firstIndex(of: "{"), let close = cells[1][open...].firstIndex(of: "}") else { continue }
            // Quoted names: keys are those followed by ':' when the object shows values, else all of them.
            let parts = cells[1][open...close].split(separator: "\"", omittingEmptySubsequences: false).map(String.init)
            let quoted = stride(from: 1, to: parts.count - 1, by: 2).map { (name: parts[$0], next: parts[$0 + 1]) }
            let valued = quoted.filter { $0.next.trimmingCharacters(in: .whitespaces).hasPrefix(":") }
            let keys = (valued.isEmpty ? quoted : valued).map(\.name)
            rows[cells[0]] = keys
        }
        return rows
    }

    @Test func offlineCommandsMatchTheirDocumentedSchema() throws {
        let dir = try TemporaryDirectory()
        let key = try dir.file("key", contents: keyOneHex)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        let signature = try sigil("sign", "message", "hi", "--private-key-file", key.path).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let calldata = "0xa9059cbb0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf0000000000000000000000000000000000000000000000000de0b6b3a7640000"
        let cases: [(row: String, arguments: [String])] = [
            ("`key inspect --private-key-file F`", ["key", "inspect", "--private-key-file", key.path]),
            ("`sign message`", ["sign", "message", "hi", "--private-key-file", key.path]),
            ("`sign hash`", ["sign", "hash", "0x" + String(repeating: "11", count: 32), "--raw-digest", "--private-key-file", key.path]),
            ("`sign authorization`", ["sign", "authorization", keyOneAddress, "--chain-id", "1", "--nonce", "1", "--private-key-file", key.path]),
            ("`verify message ¦ typed-data ¦ tx`", ["verify", "message", "hi", "--address", keyOneAddress, "--signature", signature]),
            ("`recover message`", ["recover", "message", "hi", "--signature", signature]),
            ("`abi encode`", ["abi", "encode", "transfer(address,uint256)", keyOneAddress, "1"]),
            ("`tx decode REQUEST`", ["tx", "decode", try dir.file("web3.json", contents: """
                {"nonce": 1, "gas": 21000, "to": "\(keyOneAddress)", "value": 5, "gasPrice": 1000000000, "chainId": 1}
                """).path]),
            ("`abi decode`", ["abi", "decode", "transfer(address,uint256)", calldata]),
            ("`abi selector SIGNATURE`", ["abi", "selector", "transfer(address,uint256)"]),
            ("`abi selector 0xSELECTOR`", ["abi", "selector", "0xa9059cbb"]),
            ("`hash keccak`", ["hash", "keccak", "abc"]),
            ("`units AMOUNT --to UNIT`", ["units", "1ether", "--to", "gwei"]),
            ("`units AMOUNT`", ["units", "1ether"]),
        ]
        let documented = try Self.documentedKeys()
        for (row, arguments) in cases {
            let keys = try #require(documented[row], "docs/json.md has no row \(row)")
            let r = try sigil(arguments + ["--json"])
            #expect(r.status == 0, "\(arguments): \(r.stderrText)")
            var object = try JSONSerialization.jsonObject(with: r.stdout)
            if let array = object as? [Any] { object = try #require(array.first) }
            let actual = try #require(object as? [String: Any], "\(row): not an object")
            #expect(Set(keys).isSubset(of: Set(actual.keys)), "\(row): documented \(keys), printed \(actual.keys.sorted())")
        }
    }

    @Test func errorsHaveTheDocumentedShape() throws {
        let r = try sigil("units", "1.5parsec", "--json")
        #expect(r.status == 65)
        let object = try JSONSerialization.jsonObject(with: r.stderr) as? [String: Any]
        let error = try #require(object?["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "kind", "message"])
        #expect(error["code"] as? Int == 65)
    }
}
