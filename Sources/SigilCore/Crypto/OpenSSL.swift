internal import COpenSSL

/// The one wrapper around libcrypto (OpenSSL 3): SHA-2, RIPEMD-160, HMAC, PBKDF2, AES-CTR, scrypt and the
/// system CSPRNG. No C type appears in this API.
///
/// Secrets (keys, passwords, derived keys) go in and come out as `SecureBytes`; public data as
/// `[UInt8]`. Lengths are checked before each call, and library failures become `CryptoError`.
/// The hashes and HMACs do not throw: with valid arguments libcrypto fails only if it cannot
/// allocate, and that traps.
public enum OpenSSL {
    // MARK: Hashes

    /// SHA-256 of `data` (32 bytes).
    public static func sha256(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { digest($0, algorithm: EVP_sha256(), length: 32) }
    }

    /// SHA-256 of secret `data` (for checksums of entropy).
    public static func sha256(_ data: SecureBytes) -> [UInt8] {
        data.withUnsafeBytes { digest($0, algorithm: EVP_sha256(), length: 32) }
    }

    /// SHA-512 of `data` (64 bytes).
    public static func sha512(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { digest($0, algorithm: EVP_sha512(), length: 64) }
    }

    /// RIPEMD-160 of `data` (20 bytes), from OpenSSL's default provider. Used by BIP-32 for
    /// HASH160 = RIPEMD-160(SHA-256(x)), the key identifier behind fingerprints.
    public static func ripemd160(_ data: [UInt8]) -> [UInt8] {
        data.withUnsafeBytes { digest($0, algorithm: EVP_ripemd160(), length: 20) }
    }

    private static func digest(_ data: UnsafeRawBufferPointer, algorithm: OpaquePointer?, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        let status = nonNull(data) { base, count in
            out.withUnsafeMutableBufferPointer { EVP_Digest(base, count, $0.baseAddress, &written, algorithm, nil) }
        }
        precondition(status == 1 && Int(written) == length, "EVP_Digest failed")
        return out
    }

    // MARK: HMAC

    /// HMAC-SHA256 over public data (32 bytes).
    public static func hmacSHA256(key: [UInt8], data: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { k in data.withUnsafeBytes { d in hmac(EVP_sha256(), 32, k, d) } }
    }

    /// HMAC-SHA256 with a secret key or message; the result is secret.
    public static func hmacSHA256(key: SecureBytes, data: SecureBytes) -> SecureBytes {
        var out = key.withUnsafeBytes { k in data.withUnsafeBytes { d in hmac(EVP_sha256(), 32, k, d) } }
        return SecureBytes(consuming: &out)
    }

    /// HMAC-SHA512 over public data (64 bytes).
    public static func hmacSHA512(key: [UInt8], data: [UInt8]) -> [UInt8] {
        key.withUnsafeBytes { k in data.withUnsafeBytes { d in hmac(EVP_sha512(), 64, k, d) } }
    }

    /// HMAC-SHA512 with a secret key or message (BIP-32); the result is secret.
    public static func hmacSHA512(key: SecureBytes, data: SecureBytes) -> SecureBytes {
        var out = key.withUnsafeBytes { k in data.withUnsafeBytes { d in hmac(EVP_sha512(), 64, k, d) } }
        return SecureBytes(consuming: &out)
    }

    private static func hmac(
        _ algorithm: OpaquePointer?, _ length: Int, _ key: UnsafeRawBufferPointer, _ data: UnsafeRawBufferPointer
    ) -> [UInt8] {
        precondition(key.count <= Int(Int32.max), "HMAC key too long")
        var out = [UInt8](repeating: 0, count: length)
        var written: UInt32 = 0
        let result = nonNull(key) { k, kCount in
            nonNull(data) { d, dCount in
                out.withUnsafeMutableBufferPointer {
                    HMAC(algorithm, k, Int32(kCount), d, dCount, $0.baseAddress, &written) != nil
                }
            }
        }
        precondition(result && Int(written) == length, "HMAC failed")
        return out
    }

    // MARK: Key derivation

    /// PBKDF2 with HMAC-SHA256 (PKCS #5 v2.1).
    public static func pbkdf2SHA256(
        password: SecureBytes, salt: [UInt8], iterations: Int, keyLength: Int
    ) throws(CryptoError) -> SecureBytes {
        try pbkdf2(EVP_sha256(), password: password, salt: salt, iterations: iterations, keyLength: keyLength)
    }

    /// PBKDF2 with HMAC-SHA512 (used by BIP-39 with 2048 iterations).
    public static func pbkdf2SHA512(
        password: SecureBytes, salt: [UInt8], iterations: Int, keyLength: Int
    ) throws(CryptoError) -> SecureBytes {
        try pbkdf2(EVP_sha512(), password: password, salt: salt, iterations: iterations, keyLength: keyLength)
    }

    private static func pbkdf2(
        _ algorithm: OpaquePointer?, password: SecureBytes, salt: [UInt8], iterations: Int, keyLength: Int
    ) throws(CryptoError) -> SecureBytes {
        let limit = Int(Int32.max)
        guard iterations >= 1, iterations <= limit else {
            throw .invalidParameter("PBKDF2 iteration count must be between 1 and \(limit), got \(iterations)")
        }
        guard keyLength >= 1, keyLength <= 1 << 20 else {
            throw .invalidLength(what: "PBKDF2 output", expected: "1 to 1048576", actual: keyLength)
        }
        guard password.count <= limit, salt.count <= limit else {
            throw .invalidParameter("PBKDF2 password or salt is too long")
        }
        let out = SecureBytes(count: keyLength)
        let status = password.withUnsafeBytes { p in
            salt.withUnsafeBytes { s in
                out.withUnsafeMutableBytes { o in
                    nonNull(p) { pBase, pCount in
                        nonNull(s) { sBase, sCount in
                            pBase.withMemoryRebound(to: CChar.self, capacity: max(pCount, 1)) { pChars in
                                PKCS5_PBKDF2_HMAC(pChars, Int32(pCount), sBase, Int32(sCount), Int32(iterations),
                                                  algorithm, Int32(keyLength), o.baseAddress!.assumingMemoryBound(to: UInt8.self))
                            }
                        }
                    }
                }
            }
        }
        guard status == 1 else { throw .libraryFailure(operation: "PBKDF2") }
        return out
    }

    /// scrypt (RFC 7914) via `EVP_PBE_scrypt`. Slower than `Sodium.scrypt`; kept as a fallback
    /// and a cross-check. The memory limit is raised to what the parameters need (OpenSSL's
    /// default of 32 MiB would refuse n = 2^18, r = 8).
    public static func scrypt(
        password: SecureBytes, salt: [UInt8], n: Int, r: Int, p: Int, keyLength: Int
    ) throws(CryptoError) -> SecureBytes {
        try ScryptParameters.check(n: n, r: r, p: p, keyLength: keyLength)
        // V needs 128·r·n bytes, B needs 128·r·p, plus a block of working space.
        let needed = UInt64(128 * r) * (UInt64(n) + UInt64(p) + 2)
        let maxMemory = needed + (1 << 20)
        let out = SecureBytes(count: keyLength)
        let status = password.withUnsafeBytes { pw in
            salt.withUnsafeBytes { s in
                out.withUnsafeMutableBytes { o in
                    nonNull(pw) { pBase, pCount in
                        nonNull(s) { sBase, sCount in
                            pBase.withMemoryRebound(to: CChar.self, capacity: max(pCount, 1)) { pChars in
                                EVP_PBE_scrypt(pChars, pCount, sBase, sCount, UInt64(n), UInt64(r), UInt64(p),
                                               maxMemory, o.baseAddress!.assumingMemoryBound(to: UInt8.self), keyLength)
                            }
                        }
                    }
                }
            }
        }
        guard status == 1 else { throw .libraryFailure(operation: "scrypt") }
        return out
    }

    // MARK: AES-CTR

    /// AES-128 in counter mode (encryption and decryption are the same operation).
    public static func aes128CTR(key: SecureBytes, iv: [UInt8], _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try ctr(key: key, keyLength: 16, iv: iv, data)
    }

    /// AES-128-CTR of secret data (a keystore's private key); the result is secret.
    public static func aes128CTR(key: SecureBytes, iv: [UInt8], _ data: SecureBytes) throws(CryptoError) -> SecureBytes {
        try ctrSecret(key: key, keyLength: 16, iv: iv, data)
    }

    /// AES-256 in counter mode, one shot.
    public static func aes256CTR(key: SecureBytes, iv: [UInt8], _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        try ctr(key: key, keyLength: 32, iv: iv, data)
    }

    /// AES-256-CTR of secret data; the result is secret.
    public static func aes256CTR(key: SecureBytes, iv: [UInt8], _ data: SecureBytes) throws(CryptoError) -> SecureBytes {
        try ctrSecret(key: key, keyLength: 32, iv: iv, data)
    }

    private static func ctr(key: SecureBytes, keyLength: Int, iv: [UInt8], _ data: [UInt8]) throws(CryptoError) -> [UInt8] {
        let cipher = try AESCTRStream(key: key, keyLength: keyLength, iv: iv)
        var out = data
        try cipher.apply(&out)
        return out
    }

    private static func ctrSecret(
        key: SecureBytes, keyLength: Int, iv: [UInt8], _ data: SecureBytes
    ) throws(CryptoError) -> SecureBytes {
        let cipher = try AESCTRStream(key: key, keyLength: keyLength, iv: iv)
        let out = SecureBytes(count: data.count)
        try data.withUnsafeBytes { (input) throws(CryptoError) in
            try out.withUnsafeMutableBytes { (output) throws(CryptoError) in
                try cipher.apply(input, into: output)
            }
        }
        return out
    }

    // MARK: Randomness

    /// `count` bytes from OpenSSL's CSPRNG (seeded from the kernel), for public values (IVs, salts, ids).
    public static func randomBytes(_ count: Int) throws(CryptoError) -> [UInt8] {
        guard count >= 0, count <= Int(Int32.max) else {
            throw .invalidLength(what: "random output", expected: "0 to 2^31-1", actual: count)
        }
        var out = [UInt8](repeating: 0, count: count)
        if count == 0 { return out }
        let status = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        guard status == 1 else { throw .libraryFailure(operation: "RAND_bytes") }
        return out
    }

    /// `count` secret random bytes (keys, entropy) from OpenSSL's private CSPRNG instance.
    public static func randomSecret(_ count: Int) throws(CryptoError) -> SecureBytes {
        guard count >= 0, count <= Int(Int32.max) else {
            throw .invalidLength(what: "random output", expected: "0 to 2^31-1", actual: count)
        }
        let out = SecureBytes(count: count)
        if count == 0 { return out }
        let status = out.withUnsafeMutableBytes { RAND_priv_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        guard status == 1 else { throw .libraryFailure(operation: "RAND_priv_bytes") }
        return out
    }
}

/// AES-CTR with a counter that carries over between calls: encrypting a stream in pieces gives
/// the same bytes as encrypting it at once (RLPx frames rely on this). Not thread-safe.
public final class AESCTRStream {
    private let context: OpaquePointer

    /// AES-256-CTR (32-byte key), the RLPx frame cipher.
    public convenience init(aes256Key key: SecureBytes, iv: [UInt8]) throws(CryptoError) {
        try self.init(key: key, keyLength: 32, iv: iv)
    }

    /// AES-128-CTR (16-byte key).
    public convenience init(aes128Key key: SecureBytes, iv: [UInt8]) throws(CryptoError) {
        try self.init(key: key, keyLength: 16, iv: iv)
    }

    init(key: SecureBytes, keyLength: Int, iv: [UInt8]) throws(CryptoError) {
        guard key.count == keyLength else {
            throw .invalidLength(what: "AES-\(keyLength * 8) key", expected: "\(keyLength)", actual: key.count)
        }
        guard iv.count == 16 else { throw .invalidLength(what: "AES-CTR IV", expected: "16", actual: iv.count) }
        guard let ctx = EVP_CIPHER_CTX_new() else { throw .libraryFailure(operation: "EVP_CIPHER_CTX_new") }
        let cipher = keyLength == 16 ? EVP_aes_128_ctr() : EVP_aes_256_ctr()
        let status = key.withUnsafeBytes { k in
            iv.withUnsafeBufferPointer { v in
                EVP_EncryptInit_ex(ctx, cipher, nil, k.baseAddress!.assumingMemoryBound(to: UInt8.self), v.baseAddress)
            }
        }
        guard status == 1 else {
            EVP_CIPHER_CTX_free(ctx)
            throw .libraryFailure(operation: "EVP_EncryptInit_ex")
        }
        context = ctx
    }

    deinit { EVP_CIPHER_CTX_free(context) } // also cleanses the expanded key

    /// XORs the next `bytes.count` key-stream bytes into `bytes`, in place.
    public func apply(_ bytes: inout [UInt8]) throws(CryptoError) {
        let result = bytes.withUnsafeMutableBytes { buffer in
            Result { () throws(CryptoError) in try apply(UnsafeRawBufferPointer(buffer), into: buffer) }
        }
        try result.get()
    }

    /// Returns `bytes` XORed with the next key-stream bytes.
    public func process(_ bytes: [UInt8]) throws(CryptoError) -> [UInt8] {
        var out = bytes
        try apply(&out)
        return out
    }

    /// Encrypts `input` into `output` (same length; they may be the same memory).
    func apply(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(CryptoError) {
        precondition(input.count == output.count)
        var offset = 0
        let chunkLimit = 1 << 30
        while offset < input.count {
            let chunk = min(chunkLimit, input.count - offset)
            var written: Int32 = 0
            let status = EVP_EncryptUpdate(
                context, output.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self), &written,
                input.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self), Int32(chunk))
            guard status == 1, Int(written) == chunk else { throw .libraryFailure(operation: "EVP_EncryptUpdate") }
            offset += chunk
        }
    }
}

/// AES-256 applied to single 16-byte blocks (ECB, no padding), with the key schedule kept
/// between calls: the RLPx MAC seeds (`aes(mac-secret, digest[:16])`). Not thread-safe.
public final class AESBlockCipher {
    private let context: OpaquePointer

    /// A cipher for the 32-byte AES-256 key `key`.
    public init(aes256Key key: SecureBytes) throws(CryptoError) {
        guard key.count == 32 else { throw .invalidLength(what: "AES-256 key", expected: "32", actual: key.count) }
        guard let ctx = EVP_CIPHER_CTX_new() else { throw .libraryFailure(operation: "EVP_CIPHER_CTX_new") }
        let status = key.withUnsafeBytes { k in
            EVP_EncryptInit_ex(ctx, EVP_aes_256_ecb(), nil, k.baseAddress!.assumingMemoryBound(to: UInt8.self), nil)
        }
        guard status == 1, EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 else {
            EVP_CIPHER_CTX_free(ctx)
            throw .libraryFailure(operation: "EVP_EncryptInit_ex")
        }
        context = ctx
    }

    deinit { EVP_CIPHER_CTX_free(context) }

    /// Encrypts the 16 bytes at `input` into the 16 bytes at `output` (they may be the same).
    /// Does not throw: with a context that initialised, one ECB block cannot fail (a failure traps).
    public func encryptBlock(_ input: UnsafeRawPointer, into output: UnsafeMutableRawPointer) {
        var written: Int32 = 0
        let status = EVP_EncryptUpdate(
            context, output.assumingMemoryBound(to: UInt8.self), &written, input.assumingMemoryBound(to: UInt8.self), 16)
        precondition(status == 1 && written == 16, "EVP_EncryptUpdate (AES-256-ECB) failed")
    }

    /// The encryption of one 16-byte block.
    public func encryptBlock(_ block: [UInt8]) throws(CryptoError) -> [UInt8] {
        guard block.count == 16 else { throw .invalidLength(what: "AES block", expected: "16", actual: block.count) }
        var out = block
        out.withUnsafeMutableBytes { encryptBlock($0.baseAddress!, into: $0.baseAddress!) }
        return out
    }
}

/// Calls `body` with a base address that is never null (a zero byte stands in for empty input),
/// because some libcrypto paths treat a null pointer differently from an empty buffer.
func nonNull<R>(_ buffer: UnsafeRawBufferPointer, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    if let base = buffer.baseAddress, buffer.count > 0 {
        return body(base.assumingMemoryBound(to: UInt8.self), buffer.count)
    }
    var zero: UInt8 = 0
    return withUnsafePointer(to: &zero) { body($0, 0) }
}

/// Parameter checks shared by both scrypt implementations (RFC 7914 §2 and what fits in memory).
enum ScryptParameters {
    static func check(n: Int, r: Int, p: Int, keyLength: Int) throws(CryptoError) {
        guard n > 1, n & (n - 1) == 0, n <= 1 << 40 else {
            throw .invalidParameter("scrypt n must be a power of two greater than 1, got \(n)")
        }
        guard r >= 1, p >= 1, r <= 1 << 24, p <= 1 << 24, r * p < 1 << 30 else {
            throw .invalidParameter("scrypt r and p must be at least 1 with r·p < 2^30, got r=\(r) p=\(p)")
        }
        guard keyLength >= 1, keyLength <= 1 << 20 else {
            throw .invalidLength(what: "scrypt output", expected: "1 to 1048576", actual: keyLength)
        }
        let (memory, overflow) = (128 * r).multipliedReportingOverflow(by: n)
        guard !overflow, memory <= 1 << 40 else {
            throw .invalidParameter("scrypt parameters n=\(n) r=\(r) need more memory than can be allocated")
        }
    }
}
