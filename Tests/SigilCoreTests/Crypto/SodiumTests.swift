import SigilCore
import SigilTestSupport
import Testing

private func secure(_ value: [UInt8]) -> SecureBytes { value.withUnsafeBytes { SecureBytes(copying: $0) } }
private func plain(_ value: SecureBytes) -> [UInt8] { value.withUnsafeBytes { Array($0) } }

@Suite struct SodiumTests {
    /// RFC 7914 §12 through libsodium.
    @Test(arguments: ScryptVector.rfc7914)
    func scryptRFC7914(vector: ScryptVector) throws {
        let out = try Sodium.scrypt(password: secure(Array(vector.password.utf8)), salt: Array(vector.salt.utf8),
                                    n: vector.n, r: vector.r, p: vector.p, keyLength: 64)
        #expect(plain(out) == (try Hex.decode(vector.expected, prefix: .forbidden)))
    }

    /// libsodium and OpenSSL agree on random small parameter sets.
    @Test func agreesWithOpenSSL() throws {
        var rng = SeededGenerator(seed: 0x5C_0D1E)
        for _ in 0..<40 {
            let password = (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let salt = (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let n = 1 << Int(1 + rng.next() % 9), r = Int(1 + rng.next() % 8), p = Int(1 + rng.next() % 3)
            let length = Int(1 + rng.next() % 80)
            let a = try Sodium.scrypt(password: secure(password), salt: salt, n: n, r: r, p: p, keyLength: length)
            let b = try OpenSSL.scrypt(password: secure(password), salt: salt, n: n, r: r, p: p, keyLength: length)
            #expect(plain(a) == plain(b), "seed 0x5C0D1E, n=\(n) r=\(r) p=\(p) dklen=\(length)")
        }
    }

    @Test func rejectsBadParameters() {
        #expect(throws: CryptoError.self) { try Sodium.scrypt(password: SecureBytes(count: 1), salt: [], n: 3, r: 1, p: 1, keyLength: 32) }
        #expect(throws: CryptoError.self) { try Sodium.scrypt(password: SecureBytes(count: 1), salt: [], n: 16, r: 0, p: 1, keyLength: 32) }
        #expect(throws: CryptoError.self) { try Sodium.scrypt(password: SecureBytes(count: 1), salt: [], n: 16, r: 1, p: 1, keyLength: 0) }
    }
}
