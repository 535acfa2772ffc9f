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
        // The README is reported as skipped; the sub-directory is not a file at all.
        let skipped = try KeystoreDirectory(path: dir.url.path).scan().unusable
        #expect(skipped.map(\.fileName) == ["README"])
        #expect(skipped.first?.category == .invalidInput)
    }

    /// Files that cannot be used are listed with their reason and the account they name, and
    /// resolving that account fails with the reason (and its category) instead of "not found".
    @Test func scanReportsUnusableFiles() throws {
        let dir = try TemporaryDirectory()
        let store = KeystoreDirectory(path: dir.url.path)
        let (key1, file1) = try keyFile(1)
        let (key2, _) = try keyFile(2)
        try store.store(file1, address: key1.address, name: "good")
        /// file1's JSON with the object and its `crypto` member edited.
        func variant(_ edit: (inout [String: Any], inout [String: Any]) -> Void) throws -> Data {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(file1.jsonText().utf8)) as? [String: Any])
            var crypto = try #require(object["crypto"] as? [String: Any])
            edit(&object, &crypto)
            object["crypto"] = crypto
            return try JSONSerialization.data(withJSONObject: object)
        }
        let gethName = "UTC--2020-01-01T00-00-00.0Z--" + Hex.encode(key2.address.bytes, prefix: false)
        try variant { _, crypto in crypto["cipher"] = "aes-256-gcm" }.write(to: dir.url.appendingPathComponent("gcm"))
        // No address in the JSON: the account is the one geth's file name names.
        try variant { object, crypto in
            crypto["kdf"] = "argon2"
            object.removeValue(forKey: "address")
        }.write(to: dir.url.appendingPathComponent(gethName))
        try variant { _, crypto in
            var params = crypto["kdfparams"] as! [String: Any]
            params["prf"] = "hmac-sha512"
            crypto["kdfparams"] = params
        }.write(to: dir.url.appendingPathComponent("sha512"))
        try Data(repeating: 0x7B, count: KeystoreDirectory.fileSizeLimit + 1).write(to: dir.url.appendingPathComponent("huge"))

        let scan = try store.scan()
        #expect(scan.accounts.map(\.fileName) == ["good"])
        let byName = Dictionary(uniqueKeysWithValues: scan.unusable.map { ($0.fileName, $0) })
        #expect(Set(byName.keys) == ["gcm", gethName, "sha512", "huge"])
        #expect(byName["gcm"]?.reason == KeystoreError.unsupportedCipher("aes-256-gcm").description)
        #expect(byName["gcm"]?.address == key1.address && byName["gcm"]?.name == "gcm")
        #expect(byName[gethName]?.reason == KeystoreError.unsupportedKDF("argon2").description)
        #expect(byName[gethName]?.address == key2.address && byName[gethName]?.name == nil)
        #expect(byName["sha512"]?.reason == KeystoreError.unsupportedPRF("hmac-sha512").description)
        #expect(byName["huge"]?.category == .invalidInput && byName["huge"]?.address == nil)
        #expect(byName["huge"]?.reason.contains("larger than \(KeystoreDirectory.fileSizeLimit) bytes") == true)

        #expect(throws: KeystoreDirectoryError.unusable(file: gethName, reason: KeystoreError.unsupportedKDF("argon2").description,
                                                        category: .unsupported)) {
            try store.resolve(key2.address.checksummed)
        }
        #expect(throws: KeystoreDirectoryError.unusable(file: "gcm", reason: KeystoreError.unsupportedCipher("aes-256-gcm").description,
                                                        category: .unsupported)) {
            try store.resolve("gcm")
        }
        // A usable file for the same address wins over an unusable one.
        #expect(try store.resolve(key1.address.checksummed).fileName == "good")
    }
}
