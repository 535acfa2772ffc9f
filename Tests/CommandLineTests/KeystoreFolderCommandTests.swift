import Foundation
import SigilTestSupport
import Testing

/// Which keystore folder `sigil key …` uses, and how it treats the files in it: files it cannot
/// use, other tools' files, a folder open to other users.
@Suite struct KeystoreFolderCommandTests {
    let dir: TemporaryDirectory
    let password = "folder test password"
    var secrets: Secrets { Secrets(privateKeys: [keyOneHex, devKey(2), devKey(3)], passwords: [password]) }

    init() throws {
        dir = try TemporaryDirectory()
    }

    func devKey(_ n: Int) -> String { String(format: "0x%064x", n) }

    /// Runs `sigil` with only the given environment (plus a password and a HOME and config
    /// location inside the test directory, so no real user file is read or written).
    func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:],
             sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Result {
        var env = ["SIGIL_PASSWORD": password, "HOME": dir.url.appendingPathComponent("home").path,
                   "XDG_CONFIG_HOME": dir.url.appendingPathComponent("config").path]
        for (k, v) in environment { env[k] = v }
        return try sigil(arguments, stdin: stdin, environment: env, secrets: secrets, sourceLocation: sourceLocation)
    }

    /// Imports development key `n` under `name` into `keystore`; returns the file's JSON object.
    func importKey(_ n: Int, name: String, into keystore: String) throws -> [String: Any] {
        let r = try run(["key", "import", "--private-key-file", "-", "--light", "--name", name, "--keystore", keystore],
                        stdin: devKey(n))
        #expect(r.status == 0, "\(r.stderrText)")
        let data = try Data(contentsOf: URL(fileURLWithPath: keystore + "/" + name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func write(_ object: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    /// `object` with `crypto.<key>` set to `value`.
    func changing(_ object: [String: Any], crypto key: String, to value: Any) -> [String: Any] {
        var copy = object
        var crypto = copy["crypto"] as! [String: Any]
        crypto[key] = value
        copy["crypto"] = crypto
        return copy
    }

    /// Files Sigil cannot use are named in a warning by `key list`, and selecting one gives its
    /// reason and exit code; a tampered file is a wrong password / corruption (exit 4).
    @Test func unusableFilesAreReportedAndNamed() throws {
        let keystore = dir.url.appendingPathComponent("ks").path
        let good = try importKey(1, name: "good", into: keystore)
        let two = try importKey(2, name: "tampered", into: keystore)
        // Flip one hex digit of the ciphertext: the MAC no longer matches.
        var ciphertext = Array(((two["crypto"] as! [String: Any])["ciphertext"] as! String))
        ciphertext[0] = ciphertext[0] == "0" ? "1" : "0"
        try write(changing(two, crypto: "ciphertext", to: String(ciphertext)), to: keystore + "/tampered")
        try write(changing(good, crypto: "cipher", to: "aes-256-gcm"), to: keystore + "/gcm")
        let address3 = try devKeyAddress(3, in: dir)
        let gethName = "UTC--2024-01-01T00-00-00.000000000Z--" + address3.dropFirst(2).lowercased()
        var argon = changing(good, crypto: "kdf", to: "argon2")
        argon["address"] = String(address3.dropFirst(2).lowercased())
        try write(argon, to: keystore + "/" + gethName)
        let costly = changing(good, crypto: "kdfparams", to: ["dklen": 32, "n": 1 << 30, "r": 8, "p": 1, "salt": String(repeating: "ab", count: 32)])
        try write(costly, to: keystore + "/costly")
        try Data(repeating: 0x20, count: (1 << 20) + 1).write(to: URL(fileURLWithPath: keystore + "/huge"))

        let list = try run(["key", "list", "--keystore", keystore])
        #expect(list.status == 0, "\(list.stderrText)")
        #expect(list.stdoutText.contains("good") && list.stdoutText.contains("tampered"))
        let warnings = list.stderrText.split(separator: "\n").map(String.init)
        #expect(warnings.count == 4, "one warning per unusable file: \(list.stderrText)")
        for (file, reason) in [("gcm", "cipher 'aes-256-gcm'"), (gethName, "kdf 'argon2'"), ("costly", "scrypt n=1073741824"),
                               ("huge", "larger than 1048576 bytes")] {
            #expect(warnings.contains { $0.contains("warning:") && $0.contains("'\(file)'") && $0.contains(reason) },
                    "\(file): \(list.stderrText)")
        }
        // --json lists the usable accounts only, and still warns.
        let listed = try JSONSerialization.jsonObject(with: try run(["key", "list", "--keystore", keystore, "--json"]).stdout) as? [[String: Any]]
        #expect(listed?.compactMap { $0["name"] as? String } == ["good", "tampered"])

        expectFailure(try run(["key", "export", "tampered", "--private-key", "--yes", "--keystore", keystore]), status: 4,
                      message: "wrong password or corrupted keystore")
        expectFailure(try run(["key", "inspect", "gcm", "--keystore", keystore]), status: 10,
                      message: "keystore file 'gcm' cannot be used: unsupported keystore cipher 'aes-256-gcm'")
        // By the address the file (and its geth-style name) records.
        expectFailure(try run(["key", "export", address3, "--private-key", "--yes", "--keystore", keystore]), status: 10,
                      message: "unsupported keystore kdf 'argon2'")
        expectFailure(try run(["key", "inspect", "costly", "--keystore", keystore]), status: 10, message: "refusing keystore")
        expectFailure(try run(["key", "inspect", "huge", "--keystore", keystore]), status: 65, message: "larger than 1048576 bytes")
        expectFailure(try run(["key", "inspect", "nobody", "--keystore", keystore]), status: 66, message: "no account 'nobody'")
        #expect(try run(["key", "export", "good", "--keystore", keystore]).status == 0)

        // An unreadable file (not testable as root, who reads every file).
        if getuid() != 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: keystore + "/tampered")
            let again = try run(["key", "list", "--keystore", keystore])
            #expect(again.stderrText.contains("'tampered': permission denied"), "\(again.stderrText)")
        }
    }

    /// `key export` prints another tool's file byte for byte (here ethers' wallet with `x-ethers` fields).
    @Test(TestEnvironment.vectorsTrait) func exportPrintsTheStoredBytes() throws {
        let root = try #require(try Vectors.cases("keystore_ethers_wallets.json")["tests"] as? [[String: Any]])
        let wallet = try #require(root.first { $0["name"] as? String == "wallet_random2" })
        let content = try #require(wallet["content"] as? String)
        #expect(content.contains("x-ethers"))
        let keystore = dir.url.appendingPathComponent("ethers").path
        try FileManager.default.createDirectory(atPath: keystore, withIntermediateDirectories: true)
        let bytes = Data(content.utf8)
        try bytes.write(to: URL(fileURLWithPath: keystore + "/from-ethers"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keystore + "/from-ethers")
        let exported = try run(["key", "export", "from-ethers", "--keystore", keystore])
        #expect(exported.status == 0, "\(exported.stderrText)")
        #expect(exported.stdout == bytes)
        #expect(exported.stderrText.isEmpty)
    }

    /// An existing folder open to other users gets one warning when a key is written into it and
    /// keeps its mode; a folder Sigil creates is 0700 and gets none.
    @Test func looseFolderIsWarnedAboutNotChanged() throws {
        let loose = dir.url.appendingPathComponent("loose").path
        try FileManager.default.createDirectory(atPath: loose, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let r = try run(["key", "new", "--light", "--keystore", loose])
        #expect(r.status == 0, "\(r.stderrText)")
        let lines = r.stderrText.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("warning: keystore folder '\(loose)' is open to other users (mode 755)"),
                "\(r.stderrText)")
        #expect(try FileManager.default.attributesOfItem(atPath: loose)[.posixPermissions] as? Int == 0o755)
        // Reading it does not warn.
        #expect(try run(["key", "list", "--keystore", loose]).stderrText.isEmpty)

        let fresh = dir.url.appendingPathComponent("fresh/keys").path
        let created = try run(["key", "new", "--light", "--keystore", fresh])
        #expect(created.status == 0 && created.stderrText.isEmpty, "\(created.stderrText)")
        #expect(try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int == 0o700)
    }

    /// The folder: --keystore, else SIGIL_KEYSTORE, else [defaults].keystore of the config file,
    /// else $SIGIL_HOME/keystore, $XDG_DATA_HOME/sigil/keystore or ~/.local/share/sigil/keystore.
    @Test func folderPrecedence() throws {
        func path(_ name: String) -> String { dir.url.appendingPathComponent(name).path }
        func writesInto(_ expected: String, name: String, _ arguments: [String] = [], environment: [String: String],
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try run(["key", "new", "--light", "--name", name, "--json"] + arguments, environment: environment,
                            sourceLocation: sourceLocation)
            #expect(r.status == 0, "\(r.stderrText)", sourceLocation: sourceLocation)
            #expect(try jsonOutput(r)["file"] as? String == expected + "/" + name, sourceLocation: sourceLocation)
            #expect(FileManager.default.fileExists(atPath: expected + "/" + name), sourceLocation: sourceLocation)
        }
        let config = try dir.file("config.toml", contents: "[defaults]\nkeystore = \"\(path("from-config"))\"\n")
        try writesInto(path("flag"), name: "a", ["--keystore", path("flag")],
                       environment: ["SIGIL_KEYSTORE": path("env"), "SIGIL_CONFIG": config.path])
        try writesInto(path("env"), name: "b", environment: ["SIGIL_KEYSTORE": path("env"), "SIGIL_CONFIG": config.path])
        try writesInto(path("from-config"), name: "c", environment: ["SIGIL_CONFIG": config.path, "SIGIL_HOME": path("home1")])
        try writesInto(path("home1") + "/keystore", name: "d", environment: ["SIGIL_HOME": path("home1"), "XDG_DATA_HOME": path("xdg")])
        try writesInto(path("xdg") + "/sigil/keystore", name: "e", environment: ["XDG_DATA_HOME": path("xdg")])
        try writesInto(path("home") + "/.local/share/sigil/keystore", name: "f", environment: [:])
        // The config in the default location counts too, and `config show` agrees with where keys go.
        let defaultConfig = path("config") + "/sigil"
        try FileManager.default.createDirectory(atPath: defaultConfig, withIntermediateDirectories: true)
        try "[defaults]\nkeystore = \"\(path("from-config"))\"\n".write(toFile: defaultConfig + "/config.toml", atomically: true, encoding: .utf8)
        let list = try run(["key", "list", "--json"])
        let listed = try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]]
        #expect(listed?.compactMap { $0["name"] as? String } == ["c"], "\(list.stderrText)")
        let shown = try jsonOutput(try run(["config", "show", "--json"]))
        #expect("\(shown)".contains(path("from-config")), "\(shown)")
        // A broken config file is reported, not ignored.
        let broken = try dir.file("broken.toml", contents: "[defaults]\nkeystore = 42\n")
        let r = try run(["key", "list"], environment: ["SIGIL_CONFIG": broken.path])
        #expect(r.status == 65, "\(r.stderrText)")
    }
}
