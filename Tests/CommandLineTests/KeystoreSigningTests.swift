import Foundation
import SigilTestSupport
import Testing

/// Every signing command with a keystore account (`--from NAME|ADDRESS`, unlocked by
/// SIGIL_PASSWORD or `--password-file`) and with the key on standard input
/// (`--private-key-file -`): the same RFC 6979 signatures as with a key file, and exit 4 for a
/// wrong password. The keystore is made by the built `sigil key import --light`.
@Suite struct KeystoreSigningTests {
    let dir: TemporaryDirectory
    let keystore: String
    let keyFile: String
    let password = "tr0ub4dor & 3"
    let passwordFile: String
    let wrongPasswordFile: String
    let requestFile: String
    let typedDataFile: String

    init() throws {
        dir = try TemporaryDirectory()
        keystore = dir.url.appendingPathComponent("keystore").path
        keyFile = try devKeyFile(1, in: dir)
        passwordFile = try dir.file("password", contents: password + "\n").path
        wrongPasswordFile = try dir.file("wrong", contents: "tr0ub4dor & 4\n").path
        for file in [passwordFile, wrongPasswordFile] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        }
        requestFile = try dir.file("request.json", contents: """
            {"format": "sigil.unsigned-tx/1", "type": "0x2", "chainId": "0x1", "nonce": "0x7", "from": "\(keyOneAddress)",
             "to": "0x0000000000000000000000000000000000000001", "value": "0x64", "data": "0x", "gas": "0x5208",
             "maxPriorityFeePerGas": "0x3b9aca00", "maxFeePerGas": "0x2540be400", "accessList": []}
            """).path
        typedDataFile = try dir.file("mail.json", contents: """
            {"types": {"EIP712Domain": [{"name": "name", "type": "string"}, {"name": "chainId", "type": "uint256"}],
                       "Mail": [{"name": "contents", "type": "string"}, {"name": "to", "type": "address"}]},
             "primaryType": "Mail", "domain": {"name": "Sigil test", "chainId": 1},
             "message": {"contents": "hello", "to": "0x0000000000000000000000000000000000000002"}}
            """).path
    }

    /// The four signing commands, without the key options.
    var commands: [(name: String, arguments: [String])] {
        [
            ("sign message", ["sign", "message", "hello keystore"]),
            ("sign tx", ["sign", "tx", requestFile]),
            ("sign typed-data", ["sign", "typed-data", typedDataFile]),
            ("sign authorization", ["sign", "authorization", "0x0000000000000000000000000000000000000003", "--chain-id", "1", "--nonce", "5"]),
        ]
    }

    func run(_ arguments: [String], stdin: String = "", password: String? = nil) throws -> ProcessRunner.Result {
        var environment = ["SIGIL_KEYSTORE": keystore]
        if let password { environment["SIGIL_PASSWORD"] = password }
        let result = try CLI.run("sigil", arguments, stdin: stdin, environment: environment)
        for secret in [self.password, String(keyOneHex.dropFirst(2))] {
            #expect(!result.stdoutText.contains(secret) && !result.stderrText.contains(secret), "secret leaked by \(arguments)")
        }
        return result
    }

    func importKeyOne() throws {
        let imported = try run(["key", "import", "--private-key-file", "-", "--light", "--name", "one"], stdin: keyOneHex, password: password)
        try #require(imported.status == 0, "\(imported.stderrText)")
    }

    @Test func keystoreAccountAndStdinKeySignLikeTheKeyFile() throws {
        try importKeyOne()
        for (name, arguments) in commands {
            let expected = try run(arguments + ["--private-key-file", keyFile])
            #expect(expected.status == 0, "\(name): \(expected.stderrText)")
            #expect(!expected.stdoutText.isEmpty)
            let byName = try run(arguments + ["--from", "one"], password: password)
            #expect(byName.status == 0, "\(name) --from one: \(byName.stderrText)")
            #expect(byName.stdoutText == expected.stdoutText, "\(name) --from one with SIGIL_PASSWORD")
            let byAddress = try run(arguments + ["--from", keyOneAddress, "--password-file", passwordFile])
            #expect(byAddress.status == 0, "\(name) --password-file: \(byAddress.stderrText)")
            #expect(byAddress.stdoutText == expected.stdoutText, "\(name) --from ADDRESS with --password-file")
            // --password-file wins over SIGIL_PASSWORD.
            let fileFirst = try run(arguments + ["--from", "one", "--password-file", passwordFile], password: "not it")
            #expect(fileFirst.stdoutText == expected.stdoutText, "\(name): --password-file before SIGIL_PASSWORD")
            let stdinKey = try run(arguments + ["--private-key-file", "-"], stdin: keyOneHex + "\n")
            #expect(stdinKey.status == 0, "\(name) --private-key-file -: \(stdinKey.stderrText)")
            #expect(stdinKey.stdoutText == expected.stdoutText, "\(name) with the key on standard input")
        }
        // The signatures are key one's: recovered independently of how the key was unlocked.
        let signature = try run(["sign", "message", "hello keystore", "--from", "one"], password: password)
            .stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try run(["recover", "message", "hello keystore", "--signature", signature]).stdoutText == keyOneAddress + "\n")
        let raw = try run(["sign", "tx", requestFile, "--from", "one"], password: password).stdoutText
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try run(["verify", "tx", raw, "--from", keyOneAddress]).status == 0)
    }

    @Test func wrongPasswordExitsFour() throws {
        try importKeyOne()
        for (_, arguments) in commands {
            expectFailure(try run(arguments + ["--from", "one"], password: "tr0ub4dor & 4"), status: 4,
                          message: "wrong password or corrupted keystore")
            expectFailure(try run(arguments + ["--from", keyOneAddress, "--password-file", wrongPasswordFile]), status: 4,
                          message: "wrong password or corrupted keystore")
            // No password source and no terminal: a usage error that says how to give one.
            expectFailure(try run(arguments + ["--from", "one"]), status: 64, message: "SIGIL_PASSWORD")
        }
        expectFailure(try run(["sign", "message", "x", "--from", "nobody"], password: password), status: 66, message: "nobody")
    }
}
