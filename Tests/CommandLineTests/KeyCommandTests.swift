import Foundation
import SigilTestSupport
import Testing

/// `sigil key …` against a temporary keystore, as a script would use it.
@Suite struct KeyCommandTests {
    let dir: TemporaryDirectory
    let keystore: String
    let password = "correct horse battery staple"

    init() throws {
        dir = try TemporaryDirectory()
        keystore = dir.url.appendingPathComponent("keystore").path
    }

    /// The secrets of these tests: checked on every run (see `Secrets`).
    var secrets: Secrets { Secrets(privateKeys: [keyOneHex], passwords: [password, "new secret words"]) }

    /// Runs `sigil` on the test keystore; `revealsSecrets` only for the explicit raw exports.
    func run(_ arguments: [String], stdin: String = "", password: String? = nil, newPassword: String? = nil,
             revealsSecrets: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Result {
        var env = ["SIGIL_KEYSTORE": keystore]
        if let password { env["SIGIL_PASSWORD"] = password }
        if let newPassword { env["SIGIL_NEW_PASSWORD"] = newPassword }
        return try sigil(arguments, stdin: stdin, environment: env, secrets: secrets, revealsSecrets: revealsSecrets,
                         sourceLocation: sourceLocation)
    }

    @Test func lifecycle() throws {
        // new
        let created = try jsonOutput(try run(["key", "new", "--light", "--name", "alice", "--json"], password: password))
        let alice = try #require(created["address"] as? String)
        #expect(created["name"] as? String == "alice")
        #expect(created["kdf"] as? String == "scrypt")
        let file = try #require(created["file"] as? String)
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: keystore)[.posixPermissions] as? Int == 0o700)

        // import a raw key from stdin
        let imported = try run(["key", "import", "--private-key-file", "-", "--light", "--name", "one"], stdin: keyOneHex, password: password)
        #expect(imported.status == 0, "\(imported.stderrText)")
        #expect(imported.stdoutText.contains(keyOneAddress))

        // list shows both, in a table and as JSON
        let table = try run(["key", "list"])
        #expect(table.stdoutText.hasPrefix("ADDRESS"))
        #expect(table.stdoutText.contains(alice) && table.stdoutText.contains(keyOneAddress))
        let listed = try JSONSerialization.jsonObject(with: try run(["key", "list", "--json"]).stdout) as? [[String: Any]]
        #expect(Set(listed?.compactMap { $0["name"] as? String } ?? []) == ["alice", "one"])

        // inspect by name and by address, without a password
        #expect(try jsonOutput(try run(["key", "inspect", "one", "--json"]))["address"] as? String == keyOneAddress)
        #expect(try jsonOutput(try run(["key", "inspect", keyOneAddress.lowercased(), "--json"]))["name"] as? String == "one")

        // export: the keystore file exactly as stored
        let exported = try run(["key", "export", "one"])
        #expect(exported.status == 0)
        #expect(exported.stdout == (try Data(contentsOf: URL(fileURLWithPath: keystore + "/one"))))

        // raw export needs --yes off a terminal, and then prints the key
        expectFailure(try run(["key", "export", "one", "--private-key"], password: password), status: 64, message: "add --yes")
        let raw = try run(["key", "export", "one", "--private-key", "--yes"], password: password, revealsSecrets: true)
        #expect(raw.status == 0)
        #expect(raw.stdoutText == keyOneHex + "\n")

        // wrong password: its own exit code, no output
        expectFailure(try run(["key", "export", "one", "--private-key", "--yes"], password: "wrong"), status: 4,
                      message: "wrong password or corrupted keystore")

        // change the password; the old one stops working, the new one works
        let changed = try run(["key", "change-password", "one"], password: password, newPassword: "new secret words")
        #expect(changed.status == 0, "\(changed.stderrText)")
        #expect(try run(["key", "export", "one", "--private-key", "--yes"], password: password).status == 4)
        #expect(try run(["key", "export", "one", "--private-key", "--yes"], password: "new secret words", revealsSecrets: true)
            .stdoutText == keyOneHex + "\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: keystore).sorted() == ["alice", "one"])

        // remove needs --yes off a terminal
        expectFailure(try run(["key", "remove", "alice"]), status: 64, message: "add --yes")
        #expect(try run(["key", "remove", "alice", "--yes"]).status == 0)
        expectFailure(try run(["key", "inspect", "alice"]), status: 66, message: "no account 'alice'")
    }

    @Test func refusesToOverwriteOrDuplicate() throws {
        #expect(try run(["key", "import", "--private-key-file", "-", "--light", "--name", "one"], stdin: keyOneHex, password: password).status == 0)
        let before = try String(contentsOfFile: keystore + "/one", encoding: .utf8)
        expectFailure(try run(["key", "import", "--private-key-file", "-", "--light", "--name", "other"], stdin: keyOneHex, password: password),
                      status: 73, message: "already exists")
        let key2 = "0x" + String(repeating: "0", count: 63) + "2"
        expectFailure(try run(["key", "import", "--private-key-file", "-", "--light", "--name", "one"], stdin: key2, password: password),
                      status: 73, message: "an account named 'one' already exists")
        #expect(try String(contentsOfFile: keystore + "/one", encoding: .utf8) == before)
        expectFailure(try run(["key", "new", "--light", "--name", "../escape"], password: password), status: 65, message: "invalid account name")
    }

    @Test func missingPasswordFailsAtOnceOffATerminal() throws {
        expectFailure(try run(["key", "new", "--light"]), status: 64,
                      message: "give --password-file FILE, set SIGIL_PASSWORD, or run on a terminal")
        let passwordFile = try dir.file("pw", contents: password + "\nignored second line\n")
        let created = try run(["key", "new", "--light", "--password-file", passwordFile.path, "--json"])
        #expect(created.status == 0)
        let name = try #require((try jsonOutput(created))["address"] as? String)
        #expect(try run(["key", "export", name, "--private-key", "--yes"], password: password, revealsSecrets: true).status == 0)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func importsAnotherToolsKeystoreFile() throws {
        // A keystore written by eth-account (pbkdf2), decrypted with its password and re-encrypted.
        let written = try PythonOracle.run("keystore.py", input: [
            "create": [["key": String(keyOneHex.dropFirst(2)), "password": Data(password.utf8).map { String(format: "%02x", $0) }.joined(),
                        "kdf": "pbkdf2", "iterations": 1000]],
        ])
        let created = try #require((written as? [String: Any])?["create"] as? [Any])
        let document = try JSONSerialization.data(withJSONObject: try #require(created.first))
        let json = String(decoding: document, as: UTF8.self)
        let source = try dir.file("foreign.json", contents: json)
        let r = try run(["key", "import", "--keystore-file", source.path, "--light", "--json"], password: password)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(try jsonOutput(r)["address"] as? String == keyOneAddress)
    }

    /// The KDF parameters in the files written: scrypt n=2^18 r=8 p=1 by default, n=4096 r=8 p=6 with --light.
    @Test func newKeysUseTheDocumentedScryptParameters() throws {
        for (light, n, p) in [(false, 262_144, 1), (true, 4096, 6)] {
            let r = try run(["key", "new", "--json"] + (light ? ["--light"] : []), password: password)
            #expect(r.status == 0, "\(r.stderrText)")
            let file = try #require(try jsonOutput(r)["file"] as? String)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
            let crypto = try #require(document["crypto"] as? [String: Any])
            #expect(crypto["kdf"] as? String == "scrypt")
            let params = try #require(crypto["kdfparams"] as? [String: Any])
            #expect(params["n"] as? Int == n && params["r"] as? Int == 8 && params["p"] as? Int == p, "light \(light): \(params)")
            #expect(params["dklen"] as? Int == 32)
            #expect((params["salt"] as? String)?.count == 64)
        }
    }

    /// `key import --mnemonic-file F --path P`: the account of the shared HD vectors, with the passphrase.
    @Test(TestEnvironment.vectorsTrait) func importsFromAMnemonicPath() throws {
        let root = try #require(try Vectors.json("hd_ethereum_bip44_derivation.json") as? [String: Any])
        let cases = try #require(root["tests"] as? [[String: Any]])
        // One case with a passphrase and one on a non-zero index without.
        let chosen = cases.filter { ["alloy/mycrypto-1", "eth-account/metamask-1"].contains($0["id"] as? String) }
        #expect(chosen.count == 2)
        for (i, c) in chosen.enumerated() {
            let phrase = try #require(c["mnemonic"] as? String)
            let mnemonicFile = try dir.file("seed\(i)", contents: phrase + "\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: mnemonicFile.path)
            var arguments = ["key", "import", "--mnemonic-file", mnemonicFile.path, "--path", try #require(c["path"] as? String),
                             "--light", "--json"]
            let passphrase = (c["passphrase"] as? String) ?? ""
            if !passphrase.isEmpty {
                arguments += ["--passphrase-file", try dir.file("pass\(i)", contents: passphrase).path]
            }
            let r = try sigil(arguments, environment: ["SIGIL_KEYSTORE": keystore, "SIGIL_PASSWORD": password],
                              secrets: secrets.adding(passwords: [passphrase], mnemonics: [phrase]))
            #expect(r.status == 0, "\(c["id"] ?? ""): \(r.stderrText)")
            #expect(r.stderrText.isEmpty, "\(r.stderrText)")
            #expect(try jsonOutput(r)["address"] as? String == c["address"] as? String, "\(c["id"] ?? "")")
        }
    }

    /// SIGKILL at random moments while a standard-strength key is written: the keystore holds
    /// either nothing or complete, valid files — never a partial or temporary one.
    @Test func killedProcessLeavesNoPartialFile() throws {
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil").path
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<6 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["key", "new"]
            process.environment = ["SIGIL_KEYSTORE": keystore, "SIGIL_PASSWORD": password, "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle(forUpdatingAtPath: "/dev/null")!
            process.standardError = FileHandle(forUpdatingAtPath: "/dev/null")!
            try process.run()
            usleep(UInt32.random(in: 50_000...1_500_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: keystore)) ?? []
        for name in names {
            #expect(!name.hasPrefix("."), "temporary file left behind: \(name)")
            let text = try String(contentsOfFile: keystore + "/" + name, encoding: .utf8)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect(object?["version"] as? Int == 3, "incomplete file \(name)")
        }
        let listed = try JSONSerialization.jsonObject(with: try run(["key", "list", "--json"]).stdout) as? [Any]
        #expect(listed?.count == names.count)
    }

    /// On a terminal the password prompt does not echo what is typed.
    @Test func promptDoesNotEcho() throws {
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil").path
        let r = try PseudoTerminal.run(binary, ["key", "new", "--light", "--name", "typed"],
                                       environment: ["SIGIL_KEYSTORE": keystore, "PATH": "/usr/bin:/bin"],
                                       exchanges: [("New password: ", "typed-secret-1234"), ("Repeat password: ", "typed-secret-1234")],
                                       in: dir.url.path)
        #expect(r.status == 0, "\(r.stdoutText) \(r.stderrText)")
        #expect(r.stdoutText.contains("New password: "))
        #expect(r.stdoutText.contains("Repeat password: "))
        #expect(!r.stdoutText.contains("typed-secret-1234"), "the password was echoed: \(r.stdoutText)")
        #expect(FileManager.default.fileExists(atPath: keystore + "/typed"))
    }
}
