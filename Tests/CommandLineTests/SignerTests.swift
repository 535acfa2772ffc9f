import Foundation
import SigilTestSupport
import Testing

@Suite struct SignerTests {
    /// The same rules from a policy.toml: allowed under the limit, refused (exit 5, naming the rule) above it,
    /// and a TOML syntax error names the file, line and column.
    @Test func tomlPolicy() throws {
        let box = try SignerSandbox()
        let allow = try box.write("allow.toml", "chainIds = [\"1\"]\nmaxValueWei = \"1000000000000000000\"\n")
        #expect(try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", allow, "--yes").status == 0)
        let strict = try box.write("strict.toml", "maxValueWei = \"10\"\n")
        let refused = try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", strict, "--yes")
        #expect(refused.status == 5)
        #expect(refused.stdoutText.isEmpty)
        #expect(refused.stderrText.contains("refused by policy rule maxValueWei"))
        let unknown = try box.write("unknown.toml", "maxValue = \"10\"\n")
        #expect(try box.run("policy", "check", try box.request(), "--policy", unknown).status == 65)
        let broken = try box.write("broken.toml", "maxValueWei = \n")
        let r = try box.run("policy", "check", try box.request(), "--policy", broken)
        #expect(r.status == 65)
        #expect(r.stderrText.contains("broken.toml:1:"))
    }

    @Test func signsARequestThatDecodesToTheSameTransaction() throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"chainIds": [1], "maxValueWei": "1000000000000000000"}"#)
        let r = try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(r.status == 0, "\(r.stderrText)")
        let raw = r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(raw.hasPrefix("0x02"))
        let decoded = try jsonOutput(try sigil("tx", "decode", raw, "--json"))
        #expect(decoded["from"] as? String == keyOneAddress)
        #expect(decoded["to"] as? String == box.alice)
        #expect(decoded["value"] as? String == "1000000000000000000")
        #expect(decoded["nonce"] as? String == "7")
        // The preview went to stderr.
        #expect(r.stderrText.contains("Value:") && r.stderrText.contains("1 ether"))
        let audit = try String(contentsOfFile: box.auditLog, encoding: .utf8)
        #expect(audit.contains("\"decision\":\"signed\"") && audit.contains(decoded["hash"] as! String))
    }

    @Test func jsonOutputToANewFileIsWrittenOnceWithMode0644() throws {
        let box = try SignerSandbox()
        let policy = try box.policy("{}")
        let request = try box.request()
        let out = box.dir + "/signed.json"
        let r = try box.run("sign", request, "--private-key-file", box.key, "--policy", policy, "--yes", "-o", out, "--json")
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: out))
        let document = try #require(try JSONSerialization.jsonObject(with: before) as? [String: Any])
        #expect(document["from"] as? String == keyOneAddress)
        let raw = try #require(document["raw"] as? String)
        #expect(try sigil("tx", "decode", raw).status == 0)
        // Not overwritten, and nothing is signed or logged for it.
        let again = try box.run("sign", request, "--private-key-file", box.key, "--policy", policy, "--yes", "-o", out)
        expectFailure(again, status: 73, message: "signed.json")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == before)
        #expect(try String(contentsOfFile: box.auditLog, encoding: .utf8).split(separator: "\n").count == 1)
    }

    @Test func yesNeedsAPolicyAndAPipeNeedsAPolicy() throws {
        let box = try SignerSandbox()
        let request = try box.request()
        expectFailure(try box.run("sign", request, "--private-key-file", box.key, "--yes"), status: 64, message: "--yes is only allowed with --policy")
        expectFailure(try box.run("sign", request, "--private-key-file", box.key), status: 64, message: "nobody can confirm")
        expectFailure(try box.run("sign-message", "hi", "--private-key-file", box.key, "--yes"), status: 64, message: "--policy")
        #expect(!FileManager.default.fileExists(atPath: box.auditLog))
    }

    @Test func policyRefusalExitsFiveNamingTheRule() throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"maxValueWei": "500000000000000000"}"#)
        let r = try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(r.status == 5)
        #expect(r.stdoutText.isEmpty)
        #expect(r.stderrText.contains("refused by policy rule maxValueWei: value 1 ether exceeds 0.5 ether"))
        let audit = try String(contentsOfFile: box.auditLog, encoding: .utf8)
        #expect(audit.contains("\"decision\":\"refused: maxValueWei\"") && audit.contains("\"signedHash\":null"))

        let unknown = try box.policy(#"{"max_value": "1"}"#)
        let bad = try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", unknown, "--yes")
        expectFailure(bad, status: 65, message: "unknown key 'max_value'")
    }

    @Test func policyCheckEvaluatesWithoutSigning() throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"recipients": ["0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"]}"#)
        let ok = try box.run("policy", "check", try box.request(), "--policy", policy)
        #expect(ok.status == 0, "\(ok.stderrText)")
        #expect(ok.stdoutText == "allowed\n")
        let other = try box.request(to: "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69")
        let refused = try box.run("policy", "check", other, "--policy", policy, "--json")
        #expect(refused.status == 5)
        let json = try jsonOutput(refused)
        #expect(json["allowed"] as? Bool == false)
        #expect(json["rule"] as? String == "recipients")
        #expect(!FileManager.default.fileExists(atPath: box.auditLog))
    }

    @Test func requestForAnotherSignerIsRefused() throws {
        let box = try SignerSandbox()
        let policy = try box.policy("{}")
        let request = try box.request(from: "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69")
        let r = try box.run("sign", request, "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(r.status == 3)
        #expect(r.stdoutText.isEmpty)
        #expect(r.stderrText.contains("to be signed by 0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"))
    }

    @Test func erc20TransferPreviewShowsTokenRecipientAndAmount() throws {
        let box = try SignerSandbox()
        let recipient = "6813eb9362372eef6200f3b1dbc3f819671cba69"
        let data = "0xa9059cbb" + String(repeating: "0", count: 24) + recipient
            + String(repeating: "0", count: 61) + "3e8"
        let request = try box.request(to: box.token, value: "0", data: data)
        let policy = try box.policy("""
        {"contracts": ["\(box.token)"], "recipients": ["0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"], "selectors": ["0xa9059cbb"]}
        """)
        let r = try box.run("sign", request, "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stderrText.contains("ERC-20 transfer: token \(box.token), recipient 0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69, amount 1000"))
        // The same call to a recipient the policy does not list is refused (the token itself is listed:
        // without a 'contracts' list, 'recipients' also bounds the call's 'to').
        let strict = try box.policy(#"{"recipients": ["0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "\#(box.token)"]}"#)
        let refused = try box.run("sign", request, "--private-key-file", box.key, "--policy", strict, "--yes")
        #expect(refused.status == 5)
        #expect(refused.stderrText.contains("policy rule recipients: token recipient 0x6813"))
    }

    @Test func messagesNeedPolicyPermission() throws {
        let box = try SignerSandbox()
        let denied = try box.run("sign-message", "hello", "--private-key-file", box.key, "--policy", try box.policy("{}"), "--yes")
        #expect(denied.status == 5)
        #expect(denied.stderrText.contains("allowMessages"))
        let allowed = try box.run("sign-message", "hello", "--private-key-file", box.key,
                                  "--policy", try box.policy(#"{"allowMessages": true}"#), "--yes")
        #expect(allowed.status == 0, "\(allowed.stderrText)")
        let signature = allowed.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        let check = try sigil("verify", "message", "hello", "--signature", signature, "--address", keyOneAddress)
        #expect(check.status == 0, "\(check.stderrText)")
    }

    @Test func auditVerifyFindsEditedDeletedAndSwappedLines() throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"maxValueWei": "1000000000000000000"}"#)
        for value in ["1", "2000000000000000000", "3", "4"] {
            _ = try box.run("sign", try box.request(value: value), "--private-key-file", box.key, "--policy", policy, "--yes")
        }
        let ok = try box.run("audit", "verify", "--json")
        #expect(ok.status == 0, "\(ok.stderrText)")
        #expect(try jsonOutput(ok)["count"] as? Int == 4)
        let lines = try String(contentsOfFile: box.auditLog, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].contains("refused: maxValueWei"))

        func verify(_ changed: [String]) throws -> ProcessRunner.Result {
            let path = try box.write("changed-\(UUID().uuidString).jsonl", changed.map { $0 + "\n" }.joined())
            return try box.run("audit", "verify", path)
        }
        var edited = lines
        edited[1] = edited[1].replacing("refused: maxValueWei", with: "signed")
        expectFailure(try verify(edited), status: 3, message: "line 3")
        var deleted = lines
        deleted.remove(at: 1)
        expectFailure(try verify(deleted), status: 3, message: "line 2")
        var swapped = lines
        swapped.swapAt(2, 3)
        expectFailure(try verify(swapped), status: 3, message: "line 3")
    }

    @Test func typedDataShowsDomainAndMessageBeforeSigning() throws {
        let box = try SignerSandbox()
        let document = try box.write("mail.json", """
        {"types": {"EIP712Domain": [{"name": "name", "type": "string"}, {"name": "chainId", "type": "uint256"}],
                   "Mail": [{"name": "to", "type": "address"}, {"name": "contents", "type": "string"}]},
         "primaryType": "Mail", "domain": {"name": "Ether Mail", "chainId": "1"},
         "message": {"to": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB", "contents": "hello"}}
        """)
        let denied = try box.run("sign-typed-data", document, "--private-key-file", box.key, "--policy", try box.policy("{}"), "--yes")
        #expect(denied.status == 5)
        #expect(denied.stderrText.contains("domain.name") && denied.stderrText.contains("message.contents"))
        let allowed = try box.run("sign-typed-data", document, "--private-key-file", box.key,
                                  "--policy", try box.policy(#"{"allowMessages": true}"#), "--yes", "--json")
        #expect(allowed.status == 0, "\(allowed.stderrText)")
        #expect(allowed.stderrText.contains("Ether Mail"))
        let json = try jsonOutput(allowed)
        #expect(json["address"] as? String == keyOneAddress)
        #expect((json["signature"] as? String)?.count == 132)
        let audit = try String(contentsOfFile: box.auditLog, encoding: .utf8)
        #expect(audit.contains("\"decision\":\"refused: allowMessages\"") && audit.contains(json["digest"] as! String))
    }

    /// The signer's own records find an edited or deleted last line, which the chain alone cannot;
    /// a middle line is still found by the chain; and the signer refuses to add to such a log.
    @Test func auditVerifyFindsAnEditedOrDeletedLastLine() throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"maxValueWei": "1000000000000000000"}"#)
        for value in ["1", "2000000000000000000", "3"] {
            _ = try box.run("sign", try box.request(value: value), "--private-key-file", box.key, "--policy", policy, "--yes")
        }
        let ok = try box.run("audit", "verify", "--json")
        #expect(ok.status == 0, "\(ok.stderrText)")
        #expect(try jsonOutput(ok)["count"] as? Int == 3)
        #expect(try jsonOutput(ok)["headChecked"] as? Bool == true)
        let original = try String(contentsOfFile: box.auditLog, encoding: .utf8)
        let lines = try box.auditLines()
        func install(_ changed: [String]) throws {
            try Data(changed.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: box.auditLog))
        }

        var edited = lines
        edited[2] = edited[2].replacing("Value: 0.000000000000000003 ether", with: "Value: 0.000000000000000001 ether")
        #expect(edited != lines)
        try install(edited)
        expectFailure(try box.run("audit", "verify"), status: 3, message: "line 3, the last, is not the line the signer wrote")
        // Nothing more is signed into a log that does not end where the signer left it.
        let refused = try box.run("sign", try box.request(value: "4"), "--private-key-file", box.key, "--policy", policy, "--yes")
        expectFailure(refused, status: 3, message: "does not end with the line the signer recorded last")
        #expect(try box.auditLines() == edited)

        try install(Array(lines.dropLast()))
        expectFailure(try box.run("audit", "verify"), status: 3, message: "the last line was deleted")
        var middle = lines
        middle[1] = middle[1].replacing("refused: maxValueWei", with: "signed")
        try install(middle)
        expectFailure(try box.run("audit", "verify"), status: 3, message: "line 3 does not chain to line 2")

        try Data(original.utf8).write(to: URL(fileURLWithPath: box.auditLog))
        #expect(try box.run("audit", "verify").status == 0)
        #expect(try box.run("sign", try box.request(value: "4"), "--private-key-file", box.key, "--policy", policy, "--yes").status == 0)
        #expect(try jsonOutput(try box.run("audit", "verify", "--json"))["count"] as? Int == 4)

        // A copy of the log alone: only the chain can be checked, and verify says so.
        let copy = try box.write("copy.jsonl", try String(contentsOfFile: box.auditLog, encoding: .utf8))
        let alone = try box.run("audit", "verify", copy, "--json")
        #expect(alone.status == 0)
        #expect(try jsonOutput(alone)["headChecked"] as? Bool == false)
        #expect(alone.stderrText.contains("only the chain was checked"))
    }

    /// The daily total is kept on disk: a second `sign` process sees what the first one signed.
    @Test func dailyTotalSurvivesAcrossProcesses() throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"maxDailyValueWei": "1500000000000000000"}"#)
        let first = try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(first.status == 0, "\(first.stderrText)")
        #expect(try box.dailyState()?.spentWei == "1000000000000000000")
        let second = try box.run("sign", try box.request(), "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(second.status == 5)
        #expect(second.stdoutText.isEmpty)
        #expect(second.stderrText.contains(
            "refused by policy rule maxDailyValueWei: value 1 ether plus 1 ether signed today (UTC) exceeds 1.5 ether"))
        #expect(try box.auditLines().last?.contains("\"decision\":\"refused: maxDailyValueWei\"") == true)
        let check = try box.run("policy", "check", try box.request(), "--policy", policy, "--json")
        #expect(check.status == 5)
        #expect(try jsonOutput(check)["rule"] as? String == "maxDailyValueWei")
        // Up to the limit is still allowed, and counts.
        let third = try box.run("sign", try box.request(value: "500000000000000000"), "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(third.status == 0, "\(third.stderrText)")
        #expect(try box.dailyState()?.spentWei == "1500000000000000000")
    }

    /// Call data the signer cannot decode is shown whole, with a warning; a long message is not cut.
    @Test func undecodedDataAndLongMessagesAreShownInFull() throws {
        let box = try SignerSandbox()
        let words = [String(repeating: "ab", count: 32), String(repeating: "cd", count: 32), "ee"]
        let data = "0x12345678" + words.joined()
        let r = try box.run("sign", try box.request(data: data), "--private-key-file", box.key, "--policy", try box.policy("{}"), "--yes")
        #expect(r.status == 0, "\(r.stderrText)")
        let lines = r.stderrText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("Data:") && $0.hasSuffix("0x12345678") })
        for word in words { #expect(lines.contains(word), "\(word) not shown") }
        #expect(r.stderrText.contains("Warning: the call is not decoded"))
        let audit = try #require(try box.auditLines().last)
        #expect(audit.contains(words[1]))

        let message = (0..<100).map { "line \($0) of a long statement;" }.joined(separator: " ")
        let signed = try box.run("sign-message", message, "--private-key-file", box.key,
                                 "--policy", try box.policy(#"{"allowMessages": true}"#), "--yes")
        #expect(signed.status == 0, "\(signed.stderrText)")
        #expect(signed.stderrText.contains("\"" + message + "\""))
        #expect(signed.stderrText.contains("Signer: \(keyOneAddress)"))
    }

    /// Without 'contracts', 'recipients' bounds the 'to' of calls too: call data does not get a
    /// transaction to an unlisted address past it.
    @Test func recipientsCannotBeBypassedWithCallData() throws {
        let box = try SignerSandbox()
        let bob = "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"
        let policy = try box.policy(#"{"recipients": ["\#(box.alice)"]}"#)
        for data in ["0x00", "0xdeadbeef", "0x12345678" + String(repeating: "00", count: 32)] {
            let r = try box.run("sign", try box.request(to: bob, data: data), "--private-key-file", box.key, "--policy", policy, "--yes")
            #expect(r.status == 5, "\(data)")
            #expect(r.stdoutText.isEmpty)
            #expect(r.stderrText.contains("refused by policy rule recipients: call to \(bob)"), "\(r.stderrText)")
        }
        let listed = try box.run("sign", try box.request(data: "0xdeadbeef"), "--private-key-file", box.key, "--policy", policy, "--yes")
        #expect(listed.status == 0, "\(listed.stderrText)")
    }

    /// docs/json.md's sigil-signer rows list keys the commands really print.
    @Test func jsonOutputMatchesTheDocumentedKeys() throws {
        let box = try SignerSandbox()
        let allow = try box.policy(#"{"allowMessages": true}"#)
        let typed = try box.write("mail.json", """
        {"types": {"EIP712Domain": [{"name": "name", "type": "string"}], "Mail": [{"name": "contents", "type": "string"}]},
         "primaryType": "Mail", "domain": {"name": "Ether Mail"}, "message": {"contents": "hello"}}
        """)
        let cases: [(row: String, arguments: [String])] = [
            ("`address`", ["address", "--private-key-file", box.key]),
            ("`sign`", ["sign", try box.request(), "--private-key-file", box.key, "--policy", allow, "--yes"]),
            ("`sign-message`", ["sign-message", "hi", "--private-key-file", box.key, "--policy", allow, "--yes"]),
            ("`sign-typed-data`", ["sign-typed-data", typed, "--private-key-file", box.key, "--policy", allow, "--yes"]),
            ("`policy check`", ["policy", "check", try box.request(), "--policy", allow]),
            ("`audit verify`", ["audit", "verify"]),
        ]
        let documented = try JSONSchemaTests.documentedKeys()
        for (row, arguments) in cases {
            let keys = try #require(documented[row], "docs/json.md has no row \(row)")
            let r = try box.run(arguments + ["--json"])
            #expect(r.status == 0, "\(arguments): \(r.stderrText)")
            let object = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any], "\(row)")
            #expect(Set(keys).isSubset(of: Set(object.keys)), "\(row): documented \(keys), printed \(object.keys.sorted())")
        }
    }
}
