import Foundation
import SigilTestSupport
import Testing

/// `sigil-signer address --private-key-file F` with a key file on disk (issue 2), agreeing with
/// `sigil key inspect` on the same file.
@Suite struct SignerAddressFileTests {
    @Test(arguments: [
        (1, "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"),
        (2, "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"),
        (3, "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"),
    ])
    func addressOfKeyFile(n: Int, address: String) throws {
        let dir = try TemporaryDirectory()
        let file = try devKeyFile(n, in: dir)
        let r = try signer("address", "--private-key-file", file)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(r.stdoutText == address + "\n")
        #expect(r.stderrText.isEmpty)
        let json = try jsonOutput(try CLI.run("sigil-signer", ["address", "--private-key-file", file, "--json"]))
        #expect(json["address"] as? String == address)
        #expect(try devKeyAddress(n, in: dir) == address)
    }

    @Test func missingAndBadKeyFiles() throws {
        let dir = try TemporaryDirectory()
        expectFailure(try signer("address", "--private-key-file", dir.url.path + "/absent"), status: 66, message: "no such file")
        let bad = try dir.file("bad", contents: "0x" + String(repeating: "0", count: 62) + "zz")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: bad.path)
        let r = try signer("address", "--private-key-file", bad.path)
        #expect(r.status == 65)
        #expect(r.stdoutText.isEmpty)
        #expect(!r.stderrText.contains("zz"), "the key file's content must not be echoed")
    }
}
