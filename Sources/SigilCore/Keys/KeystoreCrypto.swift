/// Encryption and decryption of Web3 Secret Storage v3 keystores.
///
/// derivedKey = KDF(password, salt); ciphertext = AES-128-CTR(derivedKey[0..<16], iv, secret);
/// mac = keccak256(derivedKey[16..<32] ++ ciphertext). The MAC is checked, in constant time,
/// before anything is decrypted.
extension KeystoreFile {
    /// Encrypts `secret` (normally a 32-byte private key) under `password`.
    ///
    /// - Parameters:
    ///   - address: the 20-byte account address to record in the file, or nil to omit it.
    ///   - kdf: `.standard` for new keys unless the user asked otherwise.
    public static func encrypt(
        secret: SecureBytes, address: [UInt8]?, password: SecureBytes, kdf: KeystoreKDF = .standard
    ) throws(KeystoreError) -> KeystoreFile {
        guard secret.count >= 1, secret.count <= 1024 else {
            throw .malformed(path: "crypto.ciphertext", reason: "secret must hold 1 to 1024 bytes, got \(secret.count)")
        }
        if let address, address.count != 20 {
            throw .malformed(path: "address", reason: "expected 20 bytes, got \(address.count)")
        }
        let derivation = try KeyDerivation(kdf)
        let derived = try derivation.derive(password: password)
        do {
            let iv = try OpenSSL.randomBytes(16)
            let encrypted = try OpenSSL.aes128CTR(key: prefix16(of: derived), iv: iv, secret)
            var ciphertext = [UInt8](repeating: 0, count: encrypted.count)
            encrypted.withUnsafeBytes { src in ciphertext.withUnsafeMutableBytes { $0.copyMemory(from: src) } }
            return KeystoreFile(
                address: address.map { Hex.encode($0, prefix: false) }, id: try randomUUID(),
                ciphertext: ciphertext, iv: iv, kdf: derivation,
                mac: mac(derivedKey: derived, ciphertext: ciphertext))
        } catch {
            throw .cryptoFailure(error.description)
        }
    }

    /// Decrypts the secret. A wrong password and a tampered file both give
    /// `.wrongPasswordOrCorrupted`, decided by the MAC before any decryption.
    public func decrypt(password: SecureBytes) throws(KeystoreError) -> SecureBytes {
        guard cipher == "aes-128-ctr" else { throw .unsupportedCipher(cipher) }
        guard iv.count == 16 else { throw .malformed(path: "crypto.cipherparams.iv", reason: "expected 16 bytes, got \(iv.count)") }
        let derived = try kdf.derive(password: password)
        let expected = Self.mac(derivedKey: derived, ciphertext: ciphertext)
        guard mac.count == expected.count, Self.constantTimeEqual(mac, expected) else {
            throw .wrongPasswordOrCorrupted
        }
        var data = ciphertext
        let sealed = SecureBytes(consuming: &data)
        do {
            return try OpenSSL.aes128CTR(key: Self.prefix16(of: derived), iv: iv, sealed)
        } catch {
            throw .cryptoFailure(error.description)
        }
    }

    /// keccak256(derivedKey[16..<32] ++ ciphertext).
    static func mac(derivedKey: SecureBytes, ciphertext: [UInt8]) -> [UInt8] {
        var hasher = Keccak256()
        derivedKey.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[16..<32])) }
        hasher.update(ciphertext)
        return hasher.finalize()
    }

    private static func prefix16(of derived: SecureBytes) -> SecureBytes {
        derived.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<16])) }
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    /// A random (version 4) UUID in its 8-4-4-4-12 lower-case text form.
    static func randomUUID() throws(CryptoError) -> String {
        var bytes = try OpenSSL.randomBytes(16)
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = Hex.encode(bytes, prefix: false)
        var out = ""
        for (i, c) in hex.enumerated() {
            if i == 8 || i == 12 || i == 16 || i == 20 { out.append("-") }
            out.append(c)
        }
        return out
    }
}
