/// The ECIES variant devp2p uses to encrypt RLPx handshake messages.
///
/// A message to public key K is `R || iv || c || d`:
/// - `R` (65 bytes, uncompressed) is a fresh ephemeral public key r·G;
/// - the shared secret S is the x coordinate of r·K (unhashed);
/// - `kE || kM'` = NIST SP 800-56 concatenation KDF of S with SHA-256 (32 bytes, no other info),
///   and `kM` = SHA-256(kM');
/// - `c` = AES-128-CTR(kE, iv, plaintext) with a random 16-byte iv;
/// - `d` = HMAC-SHA-256(kM, iv || c || sharedMacData), where `sharedMacData` is the EIP-8 size
///   prefix (empty for the legacy format).
public enum ECIES {
    /// Bytes ECIES adds to a plaintext: 65 (R) + 16 (iv) + 32 (HMAC).
    public static let overhead = 65 + 16 + 32

    /// Encrypts `plaintext` to `recipient` with a fresh ephemeral key and iv.
    public static func encrypt(_ plaintext: [UInt8], to recipient: PublicKey, sharedMacData: [UInt8]) throws(RLPxError) -> [UInt8] {
        let iv: [UInt8]
        do { iv = try OpenSSL.randomBytes(16) } catch { throw .crypto(error) }
        return try encrypt(plaintext, to: recipient, sharedMacData: sharedMacData, ephemeralKey: .generate(), iv: iv)
    }

    /// Encrypts with a given ephemeral key and iv: deterministic, for known-answer and
    /// differential tests. Never reuse an ephemeral key or iv for real traffic.
    public static func encrypt(
        _ plaintext: [UInt8], to recipient: PublicKey, sharedMacData: [UInt8], ephemeralKey: PrivateKey, iv: [UInt8]
    ) throws(RLPxError) -> [UInt8] {
        guard iv.count == 16 else { throw .invalidKey("ECIES iv must be 16 bytes, got \(iv.count)") }
        let shared: SecureBytes
        do { shared = try ephemeralKey.sharedSecretX(with: recipient) } catch { throw .invalidKey(error.description) }
        let keys = try DerivedKeys(sharedSecret: shared)

        var out = [UInt8]()
        out.reserveCapacity(overhead + plaintext.count)
        out.append(0x04)
        out.append(contentsOf: ephemeralKey.publicKey.raw)
        out.append(contentsOf: iv)
        do {
            out.append(contentsOf: try OpenSSL.aes128CTR(key: keys.encryptionKey, iv: iv, plaintext))
        } catch { throw .crypto(error) }
        out.append(contentsOf: keys.mac(out[65...], sharedMacData))
        return out
    }

    /// Decrypts a message addressed to `key`; `sharedMacData` must be what the sender used.
    /// Throws `.badMAC("ECIES message")` when the HMAC does not verify (wrong key, tampering).
    public static func decrypt(_ message: [UInt8], with key: PrivateKey, sharedMacData: [UInt8]) throws(RLPxError) -> [UInt8] {
        guard message.count >= overhead else {
            throw .decryptionFailed("message is \(message.count) bytes, shorter than the \(overhead)-byte ECIES overhead")
        }
        guard message[0] == 0x04 else { throw .decryptionFailed("ephemeral key is not an uncompressed point") }
        let ephemeral: PublicKey
        do { ephemeral = try PublicKey(bytes: Array(message[0..<65])) } catch {
            throw .decryptionFailed("ephemeral key is not a point on secp256k1")
        }
        let shared: SecureBytes
        do { shared = try key.sharedSecretX(with: ephemeral) } catch { throw .invalidKey(error.description) }
        let keys = try DerivedKeys(sharedSecret: shared)

        let macStart = message.count - 32
        let expected = keys.mac(message[65..<macStart], sharedMacData)
        guard constantTimeEqual(expected, message[macStart...]) else { throw .badMAC("ECIES message") }
        do {
            return try OpenSSL.aes128CTR(key: keys.encryptionKey, iv: Array(message[65..<81]), Array(message[81..<macStart]))
        } catch { throw .crypto(error) }
    }

    /// kE and kM from the shared secret.
    private struct DerivedKeys {
        let encryptionKey: SecureBytes
        let macKey: SecureBytes

        init(sharedSecret: SecureBytes) throws(RLPxError) {
            // Concat KDF, one round: SHA-256(counter = 1 (4 bytes BE) || Z); no other info.
            let input = SecureBytes(count: 4 + sharedSecret.count)
            input.withUnsafeMutableBytes { buffer in
                buffer[3] = 1
                sharedSecret.withUnsafeBytes { buffer.baseAddress!.advanced(by: 4).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            }
            var derived = OpenSSL.sha256(input)
            let kdf = SecureBytes(consuming: &derived)
            encryptionKey = kdf.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<16])) }
            let macSeed = kdf.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[16..<32])) }
            var mac = OpenSSL.sha256(macSeed)
            macKey = SecureBytes(consuming: &mac)
        }

        /// HMAC-SHA-256(kM, ivAndCiphertext || sharedMacData).
        func mac(_ ivAndCiphertext: ArraySlice<UInt8>, _ sharedMacData: [UInt8]) -> [UInt8] {
            // The secret-key HMAC takes SecureBytes for both arguments, so the key never sits in
            // an unwiped array; the data is public.
            let data = SecureBytes(count: ivAndCiphertext.count + sharedMacData.count)
            data.withUnsafeMutableBytes { buffer in
                buffer.copyBytes(from: ivAndCiphertext)
                UnsafeMutableRawBufferPointer(rebasing: buffer[ivAndCiphertext.count...]).copyBytes(from: sharedMacData)
            }
            return OpenSSL.hmacSHA256(key: macKey, data: data).withUnsafeBytes { Array($0) }
        }
    }
}

/// Whether two byte sequences are equal, in time that depends only on their lengths.
func constantTimeEqual(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    var diff: UInt8 = 0
    for (x, y) in zip(a, b) { diff |= x ^ y }
    return diff == 0
}
