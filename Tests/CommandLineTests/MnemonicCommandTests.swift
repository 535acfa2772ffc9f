import Foundation
import SigilTestSupport
import Testing

@Suite struct MnemonicCommandTests {
    /// Every BIP-44 case of the shared vectors through the CLI, passphrase from a file.
    @Test(TestEnvironment.vectorsTrait) func deriveMatchesVectors() throws {
        let dir = try TemporaryDirectory()
        let root = try #require(try Vectors.json("hd_ethereum_bip44_derivation.json") as? [String: Any])
        let cases = try #require(root["tests"] as? [[String: Any]])
        #expect(cases.count == 10)
        for (i, c) in cases.enumerated() {
            let phrase = try dir.file("m\(i)", contents: try #require(c["mnemonic"] as? String) + "\n")
            let passphrase = try dir.file("p\(i)", contents: (c["passphrase"] as? String) ?? "")
            let path = try #require(c["path"] as? String)
            let r = try sigil("mnemonic", "derive", "--mnemonic-file", phrase.path, "--passphrase-file", passphrase.path,
                              "--path", path, "--json",
                              secrets: Secrets(passwords: [(c["passphrase"] as? String) ?? ""], mnemonics: [try #require(c["mnemonic"] as? String)]))
            #expect(r.status == 0, "\(c["id"] ?? i): \(r.stderrText)")
            let rows = try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]]
            #expect(rows?.first?["address"] as? String == c["address"] as? String, "\(c["id"] ?? i)")
            #expect(rows?.first?["privateKey"] == nil, "private keys only with --private-keys")
        }
    }

    @Test func newMnemonicWritesAPrivateFileAndDerivesRanges() throws {
        let dir = try TemporaryDirectory()
        let file = dir.url.appendingPathComponent("seed.txt").path
        let created = try sigil("mnemonic", "new", "--words", "12", "--output", file)
        #expect(created.status == 0, "\(created.stderrText)")
        #expect(created.stdoutText.isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        let phrase = try String(contentsOfFile: file, encoding: .utf8)
        let words = phrase.split(separator: " ")
        #expect(words.count == 12)
        let secrets = Secrets(mnemonics: [phrase])
        expectNoLeak(created, of: secrets, arguments: ["mnemonic", "new", "--words", "12", "--output", file])
        #expect(!created.stderrText.contains(String(words[0]) + " " + String(words[1])))
        // refuses to overwrite
        expectFailure(try sigil("mnemonic", "new", "--output", file, secrets: secrets), status: 73, message: "already exists")
        let derived = try sigil("mnemonic", "derive", "--mnemonic-file", file, "--index", "0..4", "--json", secrets: secrets)
        let rows = try JSONSerialization.jsonObject(with: derived.stdout) as? [[String: Any]]
        #expect(rows?.map { $0["path"] as? String } == (0...4).map { "m/44'/60'/0'/0/\($0)" })
        // the first address announced by `new` is index 0
        #expect(created.stderrText.contains(try #require(rows?.first?["address"] as? String)))
        expectFailure(try sigil("mnemonic", "new", "--words", "13"), status: 65, message: "13")
        // Without --output the words are the output: the one run allowed to print them.
        let printed = try sigil("mnemonic", "new", "--words", "15", revealsSecrets: true)
        #expect(printed.status == 0)
        #expect(printed.stdoutText.split(separator: " ").count == 15)
        expectNoLeak(printed, of: Secrets(mnemonics: [printed.stdoutText]), revealsSecrets: true, arguments: ["mnemonic", "new"])
        #expect(Secrets(mnemonics: [printed.stdoutText]).found(in: printed.stdoutText).count == 13, "the check finds the words")
    }

    /// The anvil/foundry "test … junk" mnemonic of the shared vectors: `--count N` gives its
    /// first N accounts, and `--private-keys` the keys eth-account derives for them.
    @Test(TestEnvironment.vectorsTrait) func deriveCountAndPrivateKeys() throws {
        let dir = try TemporaryDirectory()
        let root = try #require(try Vectors.json("hd_ethereum_bip44_derivation.json") as? [String: Any])
        let junk = try #require(root["tests"] as? [[String: Any]]).filter { ($0["id"] as? String)?.hasPrefix("foundry/test-junk") == true }
        #expect(junk.count == 3)
        let phrase = try #require(junk.first?["mnemonic"] as? String)
        let file = try dir.file("seed", contents: phrase)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let secrets = Secrets(mnemonics: [phrase])
        let r = try sigil("mnemonic", "derive", "--mnemonic-file", file.path, "--count", "3", "--json", secrets: secrets)
        #expect(r.status == 0, "\(r.stderrText)")
        let rows = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(rows.map { $0["address"] as? String } == junk.map { $0["address"] as? String })
        #expect(rows.map { $0["path"] as? String } == junk.map { $0["path"] as? String })
        #expect(rows.allSatisfy { $0["privateKey"] == nil })

        let withKeys = try sigil("mnemonic", "derive", "--mnemonic-file", file.path, "--count", "3", "--private-keys", "--json",
                                 secrets: secrets, revealsSecrets: true)
        let keyed = try #require(try JSONSerialization.jsonObject(with: withKeys.stdout) as? [[String: Any]])
        let keys = keyed.compactMap { $0["privateKey"] as? String }
        #expect(keys.count == 3)
        #expect(keyed.map { $0["address"] as? String } == junk.map { $0["address"] as? String })
        // Each printed key is the key of its address (Sigil's own key → address, checked above against the vectors)…
        for (key, row) in zip(keys, junk) {
            let keyFile = try dir.file("k", contents: key)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
            let inspected = try sigil("key", "inspect", "--private-key-file", keyFile.path, "--json", secrets: Secrets(privateKeys: [key]))
            #expect(try jsonOutput(inspected)["address"] as? String == row["address"] as? String)
        }
        // …and the one eth-account derives.
        if TestEnvironment.oraclesEnabled {
            let output = try #require(try PythonOracle.run("hd_oracle.py", input: [
                "cases": junk.map { ["phrase": phrase, "passphrase": "", "path": $0["path"] as! String] },
            ]) as? [String: Any])
            let expected = try #require(output["cases"] as? [[String: Any]]).compactMap { $0["private_key"] as? String }
            #expect(keys == expected)
        }
        // The human form: path, address and key on one line.
        let human = try sigil("mnemonic", "derive", "--mnemonic-file", file.path, "--index", "1", "--private-keys",
                              secrets: secrets, revealsSecrets: true)
        #expect(human.stdoutText.contains(try #require(junk[1]["address"] as? String)) && human.stdoutText.contains(keys[1]))
    }

    /// `--path` with `{i}`: a template filled by --count / --index (e.g. Ledger Live's m/44'/60'/{i}'/0/0),
    /// against eth-account's HD derivation on random mnemonics.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func derivePathTemplate() throws {
        let dir = try TemporaryDirectory()
        var rng = SeededGenerator(seed: 0x7E_3A7E)
        let templates = ["m/44'/60'/{i}'/0/0", "m/44'/60'/0'/{i}", "m/{i}/{i}'/7"]
        // Seeded random mnemonics, made from their entropy by python-mnemonic.
        let made = try #require(try PythonOracle.run("mnemonic_oracle.py", input: [
            "cases": templates.map { _ in ["entropy": rng.bytes(16).map { String(format: "%02x", $0) }.joined(), "passphrase": ""] },
        ]) as? [String: Any])
        let phrases = try #require(made["cases"] as? [[String: Any]]).compactMap { $0["phrase"] as? String }
        #expect(phrases.count == templates.count)
        for (n, (template, phrase)) in zip(templates, phrases).enumerated() {
            let file = try dir.file("s\(n)", contents: phrase + "\n").path
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            let selection = n == 1 ? ["--index", "2,5,9"] : ["--count", "3"]
            let indices = n == 1 ? [2, 5, 9] : [0, 1, 2]
            let r = try sigil(["mnemonic", "derive", "--mnemonic-file", file, "--path", template, "--json"] + selection,
                              secrets: Secrets(mnemonics: [phrase]))
            #expect(r.status == 0, "\(r.stderrText)")
            let rows = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
            let paths = indices.map { template.replacingOccurrences(of: "{i}", with: String($0)) }
            #expect(rows.map { $0["path"] as? String } == paths)
            let output = try #require(try PythonOracle.run("hd_oracle.py", input: [
                "cases": paths.map { ["phrase": phrase, "passphrase": "", "path": $0] },
            ]) as? [String: Any])
            let expected = try #require(output["cases"] as? [[String: Any]]).map { $0["address"] as? String }
            #expect(rows.map { $0["address"] as? String } == expected, "\(template)")
        }
        // A path without {i} is one path: combining it with --count is a usage error naming the fix.
        let seed = dir.url.appendingPathComponent("s0").path
        expectFailure(try sigil("mnemonic", "derive", "--mnemonic-file", seed, "--path", "m/44'/60'/0'/0/0", "--count", "2"),
                      status: 64, message: "{i}")
        expectFailure(try sigil("mnemonic", "derive", "--mnemonic-file", seed, "--index", "1", "--count", "2"),
                      status: 64, message: "at most one of --index, --count")
    }

    @Test func badMnemonicNamesPositionNotWord() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.file("bad", contents: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon zzzzqq about")
        let r = try sigil("mnemonic", "derive", "--mnemonic-file", bad.path)
        #expect(r.status == 65)
        #expect(r.stderrText.contains("word 11"))
        #expect(!r.stderrText.contains("zzzzqq"))
    }
}

@Suite struct VanityCommandTests {
    let password = "vanity test password"

    func run(_ arguments: [String], keystore: URL, secrets: Secrets = .none, revealsSecrets: Bool = false,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Result {
        try sigil(arguments, environment: ["SIGIL_KEYSTORE": keystore.path, "SIGIL_PASSWORD": password], secrets: secrets,
                  revealsSecrets: revealsSecrets, sourceLocation: sourceLocation)
    }

    /// Exports the saved key of `address` (the explicit export) and checks that `search`, the run
    /// that found it, never printed it.
    func savedKey(_ address: String, keystore: URL, search: ProcessRunner.Result, arguments: [String]) throws -> String {
        let exported = try run(["key", "export", address, "--private-key", "--yes"], keystore: keystore, revealsSecrets: true)
        #expect(exported.status == 0, "\(exported.stderrText)")
        let key = exported.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        expectNoLeak(search, of: Secrets(privateKeys: [key]), arguments: arguments)
        return key
    }

    @Test func findsAndSavesAMatchingKey() throws {
        let dir = try TemporaryDirectory()
        let arguments = ["key", "vanity", "--prefix", "ab", "--suffix", "c", "--threads", "2", "--light", "--json"]
        let r = try run(arguments, keystore: dir.url)
        #expect(r.status == 0, "\(r.stderrText)")
        let address = try #require(try jsonOutput(r)["address"] as? String)
        #expect(address.lowercased().hasPrefix("0xab") && address.lowercased().hasSuffix("c"))
        // The saved key really is that address's key.
        let key = try savedKey(address, keystore: dir.url, search: r, arguments: arguments)
        let inspected = try sigil("key", "inspect", "--private-key-file", "-", "--json", stdin: key, secrets: Secrets(privateKeys: [key]))
        #expect(try jsonOutput(inspected)["address"] as? String == address)
        expectFailure(try sigil("key", "vanity", "--prefix", "xyz"), status: 65, message: "prefix")
    }

    /// --checksum-case: the letters' case in the EIP-55 form of the found address is the one asked for.
    @Test func checksumCaseMatchesTheCaseGiven() throws {
        let dir = try TemporaryDirectory()
        for (prefix, suffix) in [("Ab", "e"), ("aB", "")] {
            let arguments = ["key", "vanity", "--prefix", prefix, "--checksum-case", "--threads", "2", "--light", "--json"]
                + (suffix.isEmpty ? [] : ["--suffix", suffix])
            let r = try run(arguments, keystore: dir.url)
            #expect(r.status == 0, "\(r.stderrText)")
            let address = try #require(try jsonOutput(r)["address"] as? String)
            #expect(address.hasPrefix("0x" + prefix) && address.hasSuffix(suffix), "\(address) for \(prefix)…\(suffix)")
            // The checksummed form is Sigil's EIP-55 (checked against the vectors elsewhere), recomputed from the saved key.
            let key = try savedKey(address, keystore: dir.url, search: r, arguments: arguments)
            let inspected = try sigil("key", "inspect", "--private-key-file", "-", "--json", stdin: key, secrets: Secrets(privateKeys: [key]))
            #expect(try jsonOutput(inspected)["address"] as? String == address)
        }
    }
}
