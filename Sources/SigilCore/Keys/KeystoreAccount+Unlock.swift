extension KeystoreFile {
    /// Decrypts the file and checks that the key belongs to the address the file records.
    public func unlock(password: SecureBytes) throws -> PrivateKey {
        let secret = try decrypt(password: password)
        guard secret.count == 32 else {
            throw KeystoreError.malformed(path: "crypto.ciphertext", reason: "decrypts to \(secret.count) bytes, not a 32-byte private key")
        }
        let key = try PrivateKey(secret: secret)
        if let recorded = address, let expected = try? Address(parsing: "0x" + recorded.lowercased()), expected != key.address {
            throw KeystoreError.malformed(path: "address", reason: "the file records \(expected.checksummed) but holds the key of \(key.address.checksummed)")
        }
        return key
    }

    /// Encrypts `key` into a new keystore file with the given KDF.
    public static func encrypt(_ key: PrivateKey, password: SecureBytes, kdf: KeystoreKDF) throws -> KeystoreFile {
        let secret = key.withUnsafeSecret { SecureBytes(copying: $0) }
        return try encrypt(secret: secret, address: key.address.bytes, password: password, kdf: kdf)
    }
}
