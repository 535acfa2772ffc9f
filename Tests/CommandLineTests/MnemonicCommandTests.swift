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
                              "--path", path, "--json")
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
        let words = try String(contentsOfFile: file, encoding: .utf8).split(separator: " ")
        #expect(words.count == 12)
        #expect(!created.stderrText.contains(String(words[0]) + " " + String(words[1])))
        // refuses to overwrite
        expectFailure(try sigil("mnemonic", "new", "--output", file), status: 73, message: "already exists")
        let derived = try sigil("mnemonic", "derive", "--mnemonic-file", file, "--index", "0..4", "--json")
        let rows = try JSONSerialization.jsonObject(with: derived.stdout) as? [[String: Any]]
        #expect(rows?.map { $0["path"] as? String } == (0...4).map { "m/44'/60'/0'/0/\($0)" })
        // the first address announced by `new` is index 0
        #expect(created.stderrText.contains(try #require(rows?.first?["address"] as? String)))
        expectFailure(try sigil("mnemonic", "new", "--words", "13"), status: 65, message: "13")
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
    @Test func findsAndSavesAMatchingKey() throws {
        let dir = try TemporaryDirectory()
        let r = try CLI.run("sigil", ["key", "vanity", "--prefix", "ab", "--suffix", "c", "--threads", "2", "--light", "--json"],
                            environment: ["SIGIL_KEYSTORE": dir.url.path, "SIGIL_PASSWORD": "pw"])
        #expect(r.status == 0, "\(r.stderrText)")
        let address = try #require(try jsonOutput(r)["address"] as? String)
        #expect(address.lowercased().hasPrefix("0xab") && address.lowercased().hasSuffix("c"))
        // The saved key really is that address's key.
        let exported = try CLI.run("sigil", ["key", "export", address, "--private-key", "--yes"],
                                   environment: ["SIGIL_KEYSTORE": dir.url.path, "SIGIL_PASSWORD": "pw"])
        let keyFile = try dir.file("k", contents: exported.stdoutText)
        #expect(try sigil("key", "inspect", "--private-key-file", keyFile.path, "--json").stdoutText.contains(address))
        expectFailure(try sigil("key", "vanity", "--prefix", "xyz"), status: 65, message: "prefix")
    }
}
