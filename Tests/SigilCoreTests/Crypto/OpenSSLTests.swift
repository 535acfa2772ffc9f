import SigilCore
import SigilTestSupport
import Testing

private func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex, prefix: .optional) }
private func secure(_ value: [UInt8]) -> SecureBytes { value.withUnsafeBytes { SecureBytes(copying: $0) } }
private func secure(_ text: String) -> SecureBytes { secure(Array(text.utf8)) }
private func plain(_ value: SecureBytes) -> [UInt8] { value.withUnsafeBytes { Array($0) } }

/// Known answers from the standards (FIPS 180, RFC 4231, RFC 7914, NIST SP 800-38A).
@Suite struct OpenSSLTests {
    @Test func sha256OfABC() {
        #expect(OpenSSL.sha256(Array("abc".utf8)).hexString == "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(OpenSSL.sha256([]).hexString == "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha512OfABC() {
        #expect(OpenSSL.sha512(Array("abc".utf8)) == bytes(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"))
    }

    /// RFC 4231 test case 2 ("Jefe").
    @Test func hmacRFC4231Case2() {
        let key = Array("Jefe".utf8), data = Array("what do ya want for nothing?".utf8)
        let expected256 = bytes("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let expected512 = bytes("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737")
        #expect(OpenSSL.hmacSHA256(key: key, data: data) == expected256)
        #expect(plain(OpenSSL.hmacSHA256(key: secure(key), data: secure(data))) == expected256)
        #expect(OpenSSL.hmacSHA512(key: key, data: data) == expected512)
        #expect(plain(OpenSSL.hmacSHA512(key: secure(key), data: secure(data))) == expected512)
    }

    /// RFC 4231 test case 6: a key longer than the block size.
    @Test func hmacLongKey() {
        let key = [UInt8](repeating: 0xAA, count: 131)
        let data = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        #expect(OpenSSL.hmacSHA256(key: key, data: data) == bytes("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"))
    }

    /// RFC 7914 §11 (PBKDF2-HMAC-SHA256) and the widely published "password"/"salt" cases.
    @Test func pbkdf2KnownAnswers() throws {
        #expect(plain(try OpenSSL.pbkdf2SHA256(password: secure("passwd"), salt: Array("salt".utf8), iterations: 1, keyLength: 64)) == bytes(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"))
        #expect(plain(try OpenSSL.pbkdf2SHA256(password: secure("Password"), salt: Array("NaCl".utf8), iterations: 80000, keyLength: 64)) == bytes(
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"))
        #expect(plain(try OpenSSL.pbkdf2SHA256(password: secure("password"), salt: Array("salt".utf8), iterations: 4096, keyLength: 32)) == bytes(
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"))
        #expect(plain(try OpenSSL.pbkdf2SHA512(password: secure("password"), salt: Array("salt".utf8), iterations: 1, keyLength: 64)) == bytes(
            "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"))
    }

    @Test func pbkdf2RejectsBadParameters() {
        #expect(throws: CryptoError.self) { try OpenSSL.pbkdf2SHA256(password: secure("p"), salt: [], iterations: 0, keyLength: 32) }
        #expect(throws: CryptoError.self) { try OpenSSL.pbkdf2SHA256(password: secure("p"), salt: [], iterations: 1, keyLength: 0) }
    }

    /// RFC 7914 §12 through OpenSSL's EVP_PBE_scrypt (the 1 GiB fourth vector is left out).
    @Test(arguments: ScryptVector.rfc7914)
    func scryptRFC7914(vector: ScryptVector) throws {
        let out = try OpenSSL.scrypt(password: secure(vector.password), salt: Array(vector.salt.utf8),
                                     n: vector.n, r: vector.r, p: vector.p, keyLength: 64)
        #expect(plain(out) == bytes(vector.expected))
    }

    @Test func scryptRejectsBadN() {
        #expect(throws: CryptoError.self) { try OpenSSL.scrypt(password: secure("p"), salt: [], n: 1000, r: 8, p: 1, keyLength: 32) }
        #expect(throws: CryptoError.self) { try OpenSSL.scrypt(password: secure("p"), salt: [], n: 1, r: 8, p: 1, keyLength: 32) }
    }

    static let ctrPlaintext = bytes("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
    static let ctrCounter = bytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")

    /// NIST SP 800-38A F.5.1 (CTR-AES128.Encrypt) and F.5.2 (decrypt is the same operation).
    @Test func aes128CTRNIST() throws {
        let key = secure(bytes("2b7e151628aed2a6abf7158809cf4f3c"))
        let expected = bytes("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee")
        #expect(try OpenSSL.aes128CTR(key: key, iv: Self.ctrCounter, Self.ctrPlaintext) == expected)
        #expect(try OpenSSL.aes128CTR(key: key, iv: Self.ctrCounter, expected) == Self.ctrPlaintext)
        #expect(plain(try OpenSSL.aes128CTR(key: key, iv: Self.ctrCounter, secure(Self.ctrPlaintext))) == expected)
    }

    /// NIST SP 800-38A F.5.5 (CTR-AES256.Encrypt), one shot and as a stream in uneven pieces.
    @Test func aes256CTRNISTAndStreaming() throws {
        let key = secure(bytes("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"))
        let expected = bytes("601ec313775789a5b7a7f504bbf3d228f443e3ca4d62b59aca84e990cacaf5c52b0930daa23de94ce87017ba2d84988ddfc9c58db67aada613c2dd08457941a6")
        #expect(try OpenSSL.aes256CTR(key: key, iv: Self.ctrCounter, Self.ctrPlaintext) == expected)
        for split in [[1, 63], [15, 17, 32], [16, 16, 16, 16], [5, 7, 11, 13, 28], [64]] {
            let stream = try AESCTRStream(aes256Key: key, iv: Self.ctrCounter)
            var out: [UInt8] = [], offset = 0
            for length in split {
                out += try stream.process(Array(Self.ctrPlaintext[offset..<offset + length]))
                offset += length
            }
            #expect(out == expected, "split \(split)")
        }
    }

    @Test func aesRejectsWrongLengths() {
        #expect(throws: CryptoError.invalidLength(what: "AES-128 key", expected: "16", actual: 15)) {
            try OpenSSL.aes128CTR(key: SecureBytes(count: 15), iv: [UInt8](repeating: 0, count: 16), [1])
        }
        #expect(throws: CryptoError.invalidLength(what: "AES-CTR IV", expected: "16", actual: 12)) {
            try AESCTRStream(aes256Key: SecureBytes(count: 32), iv: [UInt8](repeating: 0, count: 12))
        }
    }

    @Test func randomBytesDiffer() throws {
        let a = try OpenSSL.randomBytes(32), b = try OpenSSL.randomBytes(32)
        #expect(a.count == 32 && a != b)
        let s = try OpenSSL.randomSecret(32)
        #expect(s.count == 32 && plain(s) != [UInt8](repeating: 0, count: 32))
        #expect(try OpenSSL.randomBytes(0).isEmpty)
    }
}

/// RFC 7914 §12 scrypt vectors, shared with SodiumTests.
struct ScryptVector: Sendable, CustomTestStringConvertible {
    let password: String, salt: String, n: Int, r: Int, p: Int, expected: String
    var testDescription: String { "scrypt(\"\(password)\", n=\(n), r=\(r), p=\(p))" }

    static let rfc7914 = [
        ScryptVector(password: "", salt: "", n: 16, r: 1, p: 1, expected:
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"),
        ScryptVector(password: "password", salt: "NaCl", n: 1024, r: 8, p: 16, expected:
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"),
        ScryptVector(password: "pleaseletmein", salt: "SodiumChloride", n: 16384, r: 8, p: 1, expected:
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"),
    ]
}
