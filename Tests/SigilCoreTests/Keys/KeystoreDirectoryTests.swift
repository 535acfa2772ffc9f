import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite struct KeystoreDirectoryTests {
    let password = SecureBytes(copying: UnsafeRawBufferPointer(start: nil, count: 0))

    func keyFile(_ n: UInt8) throws -> (PrivateKey, KeystoreFile) {
        var bytes = [UInt8](repeating: 0, count: 32)
        bytes[31] = n
        let key = try PrivateKey(secret: SecureBytes(consuming: &bytes))
        return (key, try KeystoreFile.encrypt(key, password: password, kdf: .pbkdf2(iterations: 2)))
    }

    @Test func storesResolvesAndLists() throws {
        let dir = try TemporaryDirectory()
        let store = KeystoreDirectory(path: dir.url.appendingPathComponent("ks").path)
        #expect(try store.accounts().isEmpty)
        let (key1, file1) = try keyFile(1)
        let (key2, file2) = try keyFile(2)
        let named = try store.store(file1, address: key1.address, name: "deployer")
        let unnamed = try store.store(file2, address: key2.address, name: nil)
        #expect(named.fileName == "deployer" && named.name == "deployer")
        #expect(unnamed.name == nil)
        #expect(unnamed.fileName.hasPrefix("UTC--") && unnamed.fileName.hasSuffix("--" + Hex.encode(key2.address.bytes, prefix: false)))
        #expect(try store.accounts().count == 2)
        #expect(try store.resolve("deployer").address == key1.address)
        #expect(try store.resolve(key2.address.checksummed).path == unnamed.path)
        #expect(try store.resolve(key2.address.checksummed.lowercased()).path == unnamed.path)
        #expect(try store.resolve("deployer").file.unlock(password: password).address == key1.address)
        #expect(throws: KeystoreDirectoryError.accountNotFound(selector: "nobody", directory: store.path)) { try store.resolve("nobody") }
        #expect(FileIO.permissions(store.path) == 0o700)
        #expect(FileIO.permissions(named.path) == 0o600)
    }

    @Test func refusesDuplicatesAndBadNames() throws {
        let dir = try TemporaryDirectory()
        let store = KeystoreDirectory(path: dir.url.path)
        let (key1, file1) = try keyFile(1)
        let (key2, file2) = try keyFile(2)
        try store.store(file1, address: key1.address, name: "a")
        #expect(throws: KeystoreDirectoryError.addressExists(address: key1.address.checksummed, file: "a")) {
            try store.store(file1, address: key1.address, name: "b")
        }
        #expect(throws: KeystoreDirectoryError.nameTaken(name: "a", directory: store.path)) {
            try store.store(file2, address: key2.address, name: "a")
        }
        for bad in ["", ".hidden", "UTC--x", "a/b", "with space", String(repeating: "x", count: 65), "0x" + String(repeating: "a", count: 40)] {
            #expect(throws: KeystoreDirectoryError.self) { try KeystoreDirectory.validate(name: bad) }
        }
        try KeystoreDirectory.validate(name: "ops-hot_wallet.2")
    }

    /// geth's folder (UTC-- names) and foundry's (bare names) are read as they are; other files are skipped.
    @Test(TestEnvironment.vectorsTrait) func readsOtherToolsFolders() throws {
        let dir = try TemporaryDirectory()
        let vectors = try Vectors.cases("keystore_basic_tests.json")
        var i = 0
        for (name, value) in vectors.sorted(by: { $0.key < $1.key }) {
            let json = try JSONSerialization.data(withJSONObject: (value as! [String: Any])["json"]!)
            let fileName = i % 2 == 0 ? "UTC--2016-01-01T00-00-00.000000000Z--\(i)" : "foundry-\(name)"
            try json.write(to: dir.url.appendingPathComponent(fileName))
            i += 1
        }
        try Data("not a keystore".utf8).write(to: dir.url.appendingPathComponent("README"))
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let accounts = try KeystoreDirectory(path: dir.url.path).accounts()
        #expect(accounts.count == vectors.count)
        #expect(accounts.filter { $0.name == nil }.count == (vectors.count + 1) / 2)
    }
}
