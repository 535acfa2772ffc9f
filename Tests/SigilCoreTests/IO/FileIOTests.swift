import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite struct FileIOTests {
    @Test func atomicWriteCreatesFileWithModeAndNeverOverwrites() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("key.json").path
        try FileIO.writeAtomically(path, Array("one".utf8), mode: 0o600)
        #expect(FileIO.permissions(path) == 0o600)
        #expect(try FileIO.read(path) == Array("one".utf8))
        #expect(throws: FileError(path: path, reason: .exists)) {
            try FileIO.writeAtomically(path, Array("two".utf8))
        }
        #expect(try FileIO.read(path) == Array("one".utf8))
        try FileIO.writeAtomically(path, Array("three".utf8), overwrite: true)
        #expect(try FileIO.read(path) == Array("three".utf8))
        // No temporary files are left behind.
        #expect(try FileIO.list(dir.url.path) == ["key.json"])
    }

    @Test func directoriesAreCreatedPrivate() throws {
        let dir = try TemporaryDirectory()
        let nested = dir.url.appendingPathComponent("a/b/keystore").path
        try FileIO.createDirectory(nested)
        #expect(FileIO.isDirectory(nested))
        #expect(FileIO.permissions(nested) == 0o700)
    }

    @Test func readErrorsNameThePath() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.url.appendingPathComponent("nope").path
        #expect(throws: FileError(path: missing, reason: .notFound)) { try FileIO.read(missing) }
        #expect(throws: FileError(path: dir.url.path, reason: .isDirectory)) { try FileIO.read(dir.url.path) }
        let big = try dir.file("big", contents: String(repeating: "x", count: 5000))
        #expect(throws: FileError(path: big.path, reason: .tooLarge(4096))) { try FileIO.read(big.path, limit: 4096) }
        #expect(FileError(path: missing, reason: .notFound).description == "'\(missing)': no such file")
    }

    @Test func secretsReadIntoSecureBytes() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.file("secret", contents: String(repeating: "ab", count: 5000))
        let secret = try FileIO.readSecret(file.path)
        #expect(secret.count == 10000)
        #expect(secret.withUnsafeBytes { Array($0.prefix(4)) } == Array("abab".utf8))
        #expect(secret.description == "<redacted 10000 bytes>")
        #expect(!"\(secret)".contains("abab"))
    }
}
