internal import CSodium

/// The one wrapper around libsodium: its scrypt (`crypto_pwhash_scryptsalsa208sha256_ll`),
/// which is markedly faster than OpenSSL's and is what keystore unlocking uses.
public enum Sodium {
    /// Whether `sodium_init` succeeded; evaluated once, thread-safely, on first use.
    private static let initialized: Bool = sodium_init() >= 0

    /// scrypt (RFC 7914) with arbitrary parameters. `n` must be a power of two greater than 1.
    public static func scrypt(
        password: SecureBytes, salt: [UInt8], n: Int, r: Int, p: Int, keyLength: Int
    ) throws(CryptoError) -> SecureBytes {
        guard initialized else { throw .libraryFailure(operation: "sodium_init") }
        try ScryptParameters.check(n: n, r: r, p: p, keyLength: keyLength)
        guard r <= Int(UInt32.max), p <= Int(UInt32.max) else {
            throw .invalidParameter("scrypt r and p must fit in 32 bits")
        }
        let out = SecureBytes(count: keyLength)
        let status = password.withUnsafeBytes { pw in
            salt.withUnsafeBytes { s in
                out.withUnsafeMutableBytes { o in
                    nonNull(pw) { pBase, pCount in
                        nonNull(s) { sBase, sCount in
                            crypto_pwhash_scryptsalsa208sha256_ll(
                                pBase, pCount, sBase, sCount, UInt64(n), UInt32(r), UInt32(p),
                                o.baseAddress!.assumingMemoryBound(to: UInt8.self), keyLength)
                        }
                    }
                }
            }
        }
        guard status == 0 else { throw .libraryFailure(operation: "scrypt (libsodium)") }
        return out
    }
}
