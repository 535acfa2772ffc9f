import Foundation
import SigilTestSupport
import Testing

/// What sigil-signer accepts as input (request files, cast's raw-unsigned hex, keystore accounts
/// made by `sigil`), and that bad input is refused with one line before anything is shown.
@Suite struct SignerInputTests {
    /// cast's `mktx --raw-unsigned` vector, and its signed `mktx` vector (value 100, key one).
    struct CastVector {
        let rawUnsigned: String
        let signedRaw: String

        init() throws {
            let root = try #require(Vectors.json("eip7702_and_cast_mktx.json") as? [String: Any])
            let cases = try #require(root["mktx"] as? [[String: Any]])
            let unsigned = try #require(cases.first { ($0["id"] as? String) == "foundry/mktx_raw_unsigned" })
            let signed = try #require(cases.first { ($0["id"] as? String) == "foundry/mktx" })
            // The two vectors differ only in the value (0 and 100), one RLP byte each: 0x80 is the
            // empty string (0), 0x64 is 100. With it, key one's signature must give cast's raw tx.
            let zeroValue = try #require(unsigned["expected_unsigned_raw_transaction"] as? String)
            #expect(zeroValue.hasSuffix("018080c0"))
            rawUnsigned = String(zeroValue.dropLast(8)) + "016480c0"
            signedRaw = try #require(signed["expected_raw_transaction"] as? String)
        }
    }

    /// A raw-unsigned transaction as an argument, in a file and on standard input: the preview
    /// shows the signing key as From (the hex has no sender), and the result is cast's own.
    @Test func castRawUnsignedAsArgumentFileAndStdin() throws {
        let box = try SignerSandbox()
        let cast = try CastVector()
        let policy = try box.policy("{}")
        let file = try box.write("unsigned.hex", cast.rawUnsigned + "\n")
        for (argument, stdin) in [(cast.rawUnsigned, ""), (file, ""), ("-", cast.rawUnsigned + "\n")] {
            let r = try box.run("sign", argument, "--private-key-file", box.key, "--policy", policy, "--yes", stdin: stdin)
            #expect(r.status == 0, "\(argument): \(r.stderrText)")
            #expect(r.stdoutText == cast.signedRaw + "\n", "\(argument)")
            #expect(r.stderrText.contains("From:"))
            #expect(r.stderrText.contains("\(keyOneAddress) (the signing key; the request does not state it)"))
            #expect(r.stderrText.contains("Value:") && r.stderrText.contains("0.0000000000000001 ether"))
        }
        #expect(try box.auditLines().count == 3)
        let check = try box.run("policy", "check", "-", "--policy", try box.policy(#"{"maxValueWei": "99"}"#), stdin: cast.rawUnsigned)
        #expect(check.status == 5)
        #expect(check.stdoutText.contains("maxValueWei"))
    }

    /// Accounts made by the built `sigil key new` / `key import`: listed by sigil-signer, and
    /// signed with by name, unlocked from SIGIL_PASSWORD. An account that is not the request's
    /// `from` is refused before its password is needed.
    @Test func keystoreAccountsMadeBySigil() throws {
        let box = try SignerSandbox()
        let password = "signer test password"
        let keystore = box.dir + "/keystore"
        let environment = ["SIGIL_KEYSTORE": keystore, "SIGIL_PASSWORD": password]
        let created = try sigil("key", "new", "--light", "--name", "fresh", "--json", environment: environment)
        #expect(created.status == 0, "\(created.stderrText)")
        let fresh = try #require(try jsonOutput(created)["address"] as? String)
        let imported = try sigil("key", "import", "--private-key-file", "-", "--light", "--name", "one",
                                 stdin: keyOneHex, environment: environment)
        #expect(imported.status == 0, "\(imported.stderrText)")

        let list = try box.run("list", "--json", environment: ["SIGIL_KEYSTORE": keystore])
        #expect(list.status == 0, "\(list.stderrText)")
        let accounts = try #require(try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])
        let listed = Dictionary(uniqueKeysWithValues: accounts.map { ($0["name"] as? String ?? "", $0["address"] as? String ?? "") })
        #expect(listed == ["fresh": fresh, "one": keyOneAddress])
        let plain = try box.run("list", environment: ["SIGIL_KEYSTORE": keystore])
        #expect(plain.stdoutText.contains(fresh) && plain.stdoutText.contains(keyOneAddress))

        let policy = try box.policy("{}")
        let signed = try box.run("sign", try box.request(), "--from", "one", "--policy", policy, "--yes", "--json",
                                 environment: environment)
        #expect(signed.status == 0, "\(signed.stderrText)")
        #expect(!signed.stderrText.contains(password) && !signed.stdoutText.contains(password))
        let raw = try #require(try jsonOutput(signed)["raw"] as? String)
        #expect(try jsonOutput(try sigil("tx", "decode", raw, "--json"))["from"] as? String == keyOneAddress)

        // Raw-unsigned hex states no sender: From is the keystore account's address.
        let cast = try CastVector()
        let fromHex = try box.run("sign", cast.rawUnsigned, "--from", "one", "--policy", policy, "--yes", environment: environment)
        #expect(fromHex.stdoutText == cast.signedRaw + "\n", "\(fromHex.stderrText)")
        #expect(fromHex.stderrText.contains("\(keyOneAddress) (the signing key; the request does not state it)"))

        // The wrong account: refused (exit 3) from the address its file records, with no password at hand.
        let wrong = try box.run("sign", try box.request(), "--from", "fresh", "--policy", policy, "--yes",
                                environment: ["SIGIL_KEYSTORE": keystore])
        expectFailure(wrong, status: 3, message: "the chosen key is \(fresh)")
        let badPassword = try box.run("sign", try box.request(), "--from", "one", "--policy", policy, "--yes",
                                      environment: ["SIGIL_KEYSTORE": keystore, "SIGIL_PASSWORD": "not it"])
        #expect(badPassword.status == 4, "\(badPassword.stderrText)")
        #expect(badPassword.stdoutText.isEmpty)
    }

    /// Strict input: each refusal is one line on stderr with its exit status, before any preview,
    /// policy decision or audit entry.
    @Test func badRequestsAreRefusedBeforeAnythingIsShown() throws {
        let box = try SignerSandbox()
        let policy = try box.policy("{}")
        let good = box.requestText()
        func sign(_ text: String) throws -> ProcessRunner.Result {
            try box.run("sign", try box.write("bad-\(UUID().uuidString).json", text), "--private-key-file", box.key,
                        "--policy", policy, "--yes")
        }
        let cases: [(String, String, Int32, String)] = [
            ("unknown field", good.replacingOccurrences(of: "\"nonce\": \"7\"", with: "\"nonce\": \"7\", \"memo\": \"x\""), 65, "memo"),
            ("missing field", good.replacingOccurrences(of: "\"gas\": \"60000\",", with: ""), 65, "gas"),
            ("chain id 0", box.requestText(chainId: "0"), 65, "chainId"),
            ("gas below 21000", good.replacingOccurrences(of: "\"gas\": \"60000\"", with: "\"gas\": \"20999\""), 65, "gas"),
            ("gas above the cap", good.replacingOccurrences(of: "\"gas\": \"60000\"", with: "\"gas\": \"30000001\""), 65, "gas"),
            ("priority fee above the max fee",
             good.replacingOccurrences(of: "\"maxPriorityFeePerGas\": \"1000000000\"", with: "\"maxPriorityFeePerGas\": \"30000000001\""),
             65, "maxPriorityFeePerGas"),
            ("type 4 without authorizations",
             good.replacingOccurrences(of: "\"type\": \"0x2\"", with: "\"type\": \"0x4\"")
                .replacingOccurrences(of: "\"accessList\": []", with: "\"accessList\": [], \"authorizationList\": []"),
             65, "authorizationList"),
            ("another signer", box.requestText(from: "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"), 3,
             "to be signed by 0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"),
            ("oversize", good + String(repeating: " ", count: 1 << 20), 65, "1 MiB"),
        ]
        for (name, text, status, message) in cases {
            let r = try sign(text)
            expectFailure(r, status: status, message: message)
            #expect(!r.stderrText.contains("Value:"), "\(name): a preview was shown")
        }
        #expect(try box.auditLines().isEmpty)

        // policy check applies the same checks (but knows no key, so "from" is not compared).
        let chainZero = try box.run("policy", "check", try box.request(chainId: "0"), "--policy", policy)
        expectFailure(chainZero, status: 65, message: "chainId")
        let oversize = try box.run("policy", "check", try box.write("big.json", good + String(repeating: " ", count: 1 << 20)),
                                   "--policy", policy)
        expectFailure(oversize, status: 65, message: "1 MiB")
    }
}
