import Foundation
import SigilTestSupport
import Testing

/// Private key 1, a well-known test key (never holds funds).
let keyOneHex = "0x0000000000000000000000000000000000000000000000000000000000000001"
let keyOneAddress = "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"
let keyOnePublicKey = "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8"

/// Runs `sigil` with arguments and optional stdin, checking that no secret leaks (see `Secrets`).
func sigil(_ arguments: String..., stdin: String = "", environment: [String: String] = [:], secrets: Secrets = .none,
           revealsSecrets: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Result {
    try sigil(arguments, stdin: stdin, environment: environment, secrets: secrets, revealsSecrets: revealsSecrets,
              sourceLocation: sourceLocation)
}

/// `sigil(…)` with the arguments as an array.
func sigil(_ arguments: [String], stdin: String = "", environment: [String: String] = [:], secrets: Secrets = .none,
           revealsSecrets: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Result {
    let result = try CLI.run("sigil", arguments, stdin: stdin, environment: environment)
    expectNoLeak(result, of: secrets.adding(environment: environment), revealsSecrets: revealsSecrets,
                 arguments: arguments, sourceLocation: sourceLocation)
    return result
}

/// Runs `sigil-signer`, with the same leak check as `sigil(…)`.
func signer(_ arguments: String..., stdin: String = "", secrets: Secrets = .none,
            sourceLocation: SourceLocation = #_sourceLocation) throws -> ProcessRunner.Result {
    let result = try CLI.run("sigil-signer", arguments, stdin: stdin)
    expectNoLeak(result, of: secrets, revealsSecrets: false, arguments: arguments, sourceLocation: sourceLocation)
    return result
}

/// The secrets a test holds: private keys, passwords, mnemonics. Every run through `sigil(…)` or
/// `signer(…)` is checked against them: none may appear on stdout or stderr. The explicit
/// exports of a secret (`key export --private-key`, `mnemonic derive --private-keys`) pass
/// `revealsSecrets: true`, which allows it on stdout only. Passwords given to a run in
/// `SIGIL_PASSWORD` / `SIGIL_NEW_PASSWORD` are checked too without being registered (when at
/// least 6 characters long: shorter ones could match by chance).
struct Secrets: Sendable {
    static let none = Secrets()

    /// What to look for: a label for messages (never the secret), the text, and whether case matters.
    private(set) var needles: [(label: String, text: String, anyCase: Bool)] = []

    init(privateKeys: [String] = [], passwords: [String] = [], mnemonics: [String] = []) {
        register(privateKeys: privateKeys, passwords: passwords, mnemonics: mnemonics)
    }

    /// These secrets and more.
    func adding(privateKeys: [String] = [], passwords: [String] = [], mnemonics: [String] = []) -> Secrets {
        var copy = self
        copy.register(privateKeys: privateKeys, passwords: passwords, mnemonics: mnemonics)
        return copy
    }

    /// A private key is hex (with or without 0x, any case) and is found in either form; a
    /// mnemonic is found as any run of three consecutive words.
    private mutating func register(privateKeys: [String], passwords: [String], mnemonics: [String]) {
        for key in privateKeys {
            let hex = key.lowercased().hasPrefix("0x") ? String(key.dropFirst(2)) : key
            precondition(hex.count == 64, "register a 32-byte private key as 64 hex digits")
            needles.append(("private key \(hex.prefix(4))…", hex.lowercased(), true))
        }
        for password in passwords where !password.isEmpty {
            needles.append(("password #\(needles.count)", password, false))
        }
        for phrase in mnemonics {
            let words = phrase.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
            precondition(words.count >= 12, "register a whole mnemonic")
            for start in 0...(words.count - 3) {
                needles.append(("mnemonic words \(start + 1)-\(start + 3)", words[start..<start + 3].joined(separator: " "), true))
            }
        }
    }

    /// These secrets plus the passwords a run is given in its environment.
    func adding(environment: [String: String]) -> Secrets {
        adding(passwords: ["SIGIL_PASSWORD", "SIGIL_NEW_PASSWORD"].compactMap { environment[$0] }.filter { $0.count >= 6 })
    }

    /// The labels of the secrets found in `text`.
    func found(in text: String) -> [String] {
        let lower = text.lowercased()
        return needles.filter { $0.anyCase ? lower.contains($0.text) : text.contains($0.text) }.map(\.label)
    }
}

/// Checks that no registered secret is on stderr, nor on stdout unless `revealsSecrets`.
func expectNoLeak(_ result: ProcessRunner.Result, of secrets: Secrets, revealsSecrets: Bool = false, arguments: [String],
                  sourceLocation: SourceLocation = #_sourceLocation) {
    let onStdout = revealsSecrets ? [] : secrets.found(in: result.stdoutText)
    let onStderr = secrets.found(in: result.stderrText)
    #expect(onStdout.isEmpty, "\(onStdout) leaked on stdout by \(arguments)", sourceLocation: sourceLocation)
    #expect(onStderr.isEmpty, "\(onStderr) leaked on stderr by \(arguments)", sourceLocation: sourceLocation)
}

/// Checks a failure: the exit code, nothing on stdout, and exactly one line on stderr with the expected text.
func expectFailure(_ result: ProcessRunner.Result, status: Int32, message: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == status, "exit status; stderr: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stdoutText.isEmpty, "stdout must be empty on failure", sourceLocation: sourceLocation)
    let lines = result.stderrText.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
    #expect(lines.count == 1, "one line on stderr, got: \(result.stderrText)", sourceLocation: sourceLocation)
    #expect(result.stderrText.contains(message), "stderr \(result.stderrText) lacks \(message)", sourceLocation: sourceLocation)
}

/// The parsed JSON document on stdout.
func jsonOutput(_ result: ProcessRunner.Result) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: result.stdout)
    return try #require(object as? [String: Any])
}

/// Writes development key `n` (the private key 0x…n, 64 hex digits) to `key<n>` in `home` with
/// mode 0600, as `--private-key-file` requires; returns its path.
func devKeyFile(_ n: Int, in home: TemporaryDirectory) throws -> String {
    let file = try home.file("key\(n)", contents: String(format: "0x%064x", n))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    return file.path
}

/// The address of development key `n`, as `sigil key inspect` reports it.
func devKeyAddress(_ n: Int, in home: TemporaryDirectory) throws -> String {
    let r = try CLI.run("sigil", ["key", "inspect", "--private-key-file", try devKeyFile(n, in: home), "--json"])
    return try #require(try jsonOutput(r)["address"] as? String)
}
