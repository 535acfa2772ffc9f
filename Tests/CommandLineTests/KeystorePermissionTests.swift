import Foundation
import SigilTestSupport
import Testing

/// Key file hygiene: a key file that is a symbolic link, open to group or others, or in a folder
/// that others may write, is used with a warning; `--strict-permissions` refuses it (exit 5,
/// nothing signed). A private file in a private folder gives no warning.
@Suite struct KeystorePermissionTests {
    let dir: TemporaryDirectory
    let keystore: String
    let password = "s3cret pass phrase"
    let fm = FileManager.default

    init() throws {
        dir = try TemporaryDirectory()
        keystore = dir.url.appendingPathComponent("keystore").path
        let imported = try run(["key", "import", "--private-key-file", "-", "--light", "--name", "one"], stdin: keyOneHex)
        try #require(imported.status == 0, "\(imported.stderrText)")
    }

    var keyPath: String { keystore + "/one" }

    func run(_ arguments: [String], stdin: String = "") throws -> ProcessRunner.Result {
        try sigil(arguments, stdin: stdin, environment: ["SIGIL_KEYSTORE": keystore, "SIGIL_PASSWORD": password],
                  secrets: Secrets(privateKeys: [keyOneHex]))
    }

    func sign(strict: Bool = false) throws -> ProcessRunner.Result {
        try run(["sign", "message", "hello", "--from", "one"] + (strict ? ["--strict-permissions"] : []))
    }

    @Test func aPrivateKeyFileSignsWithoutWarning() throws {
        let r = try sign(strict: true)
        #expect(r.status == 0, "\(r.stderrText)")
        #expect(!r.stderrText.contains("warning"), "\(r.stderrText)")
    }

    @Test func aKeyFileReadableByOthersWarnsOrIsRefused() throws {
        try fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyPath)
        let warned = try sign()
        #expect(warned.status == 0, "\(warned.stderrText)")
        #expect(warned.stderrText.contains("warning: key file '\(keyPath)' is open to other users (mode 644); chmod 600 it"))
        let refused = try sign(strict: true)
        expectFailure(refused, status: 5, message: "is open to other users (mode 644)")
        #expect(refused.stderrText.contains("--strict-permissions"))
    }

    @Test func aSymlinkedKeyFileWarnsOrIsRefused() throws {
        let elsewhere = dir.url.appendingPathComponent("elsewhere").path
        try fm.moveItem(atPath: keyPath, toPath: elsewhere)
        try fm.createSymbolicLink(atPath: keyPath, withDestinationPath: elsewhere)
        let warned = try sign()
        #expect(warned.status == 0, "\(warned.stderrText)")
        #expect(warned.stderrText.contains("warning: key file '\(keyPath)' is a symbolic link"))
        expectFailure(try sign(strict: true), status: 5, message: "is a symbolic link")
    }

    @Test func aFolderWritableByOthersWarnsOrIsRefused() throws {
        try fm.setAttributes([.posixPermissions: 0o777], ofItemAtPath: keystore)
        let warned = try sign()
        #expect(warned.status == 0, "\(warned.stderrText)")
        #expect(warned.stderrText.contains("keystore folder '\(keystore)' is writable by other users (mode 777); chmod 700 it"))
        expectFailure(try sign(strict: true), status: 5, message: "is writable by other users")
        // a folder only readable by others is not a risk to the key file
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: keystore)
        #expect(!(try sign(strict: true)).stderrText.contains("warning"))
    }
}
