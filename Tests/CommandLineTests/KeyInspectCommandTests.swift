import Foundation
import SigilTestSupport
import Testing

/// Key one is the secret of these runs: never printed back (see `Secrets`).
private let keyOneSecret = Secrets(privateKeys: [keyOneHex])

@Suite struct KeyInspectCommandTests {
    @Test func inspectsKeyFile() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.file("key", contents: keyOneHex + "\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let r = try sigil("key", "inspect", "--private-key-file", file.path, secrets: keyOneSecret)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == "address     \(keyOneAddress)\npublic key  \(keyOnePublicKey)\n")
        #expect(r.stderrText.isEmpty)
    }

    @Test func readsKeyFromStandardInputWithoutPrefix() throws {
        let r = try sigil("key", "inspect", "--private-key-file", "-", "--json", stdin: String(keyOneHex.dropFirst(2)), secrets: keyOneSecret)
        let object = try jsonOutput(r)
        #expect(object["address"] as? String == keyOneAddress)
        #expect(object["publicKey"] as? String == keyOnePublicKey)
    }

    @Test func warnsAboutReadableKeyFile() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.file("key", contents: keyOneHex)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let r = try sigil("key", "inspect", "--private-key-file", file.path, secrets: keyOneSecret)
        #expect(r.status == 0)
        #expect(r.stderrText.contains("readable by other users"))
    }

    @Test func badKeysAreRejectedWithoutEchoingThem() throws {
        let dir = try TemporaryDirectory()
        let secretLooking = "0x00000000000000000000000000000000000000000000000000000000000000zz"
        let bad = try dir.file("bad", contents: secretLooking)
        let r = try sigil("key", "inspect", "--private-key-file", bad.path)
        #expect(r.status == 65)
        #expect(!r.stderrText.contains("zz") && !r.stderrText.contains("0000000000"))
        let zero = try dir.file("zero", contents: "0x" + String(repeating: "0", count: 64))
        #expect(try sigil("key", "inspect", "--private-key-file", zero.path).status == 65)
        let order = try dir.file("n", contents: "0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")
        #expect(try sigil("key", "inspect", "--private-key-file", order.path).status == 65)
        let short = try dir.file("short", contents: "0x01")
        #expect(try sigil("key", "inspect", "--private-key-file", short.path).status == 65)
    }

    @Test func missingFileAndMissingOption() throws {
        expectFailure(try sigil("key", "inspect", "--private-key-file", "/nonexistent/key"), status: 66,
                      message: "sigil: error: --private-key-file: no such file")
        expectFailure(try sigil("key", "inspect"), status: 64, message: "--private-key-file")
    }
}

@Suite struct SignerCommandTests {
    @Test func versionAndAddress() throws {
        let v = try signer("--version")
        #expect(v.status == 0)
        #expect(v.stdoutText.hasPrefix("sigil-signer "))
        let r = try signer("address", "--private-key-file", "-", stdin: keyOneHex, secrets: keyOneSecret)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == keyOneAddress + "\n")
    }
}

@Suite struct VersionTests {
    @Test func version() throws {
        let r = try sigil("--version")
        #expect(r.status == 0)
        #expect(r.stdoutText.hasPrefix("sigil "))
    }
}
