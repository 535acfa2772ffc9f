import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

private typealias T = RLPxTestSupport

@Suite struct ECIESTests {
    @Test func roundTripsAtManyLengths() throws {
        let key = PrivateKey.generate()
        for count in [0, 1, 15, 16, 17, 194, 1000] {
            let plaintext = try OpenSSL.randomBytes(count)
            let mac: [UInt8] = count % 2 == 0 ? [] : [0x01, 0xB3]
            let message = try ECIES.encrypt(plaintext, to: key.publicKey, sharedMacData: mac)
            #expect(message.count == count + ECIES.overhead)
            #expect(message[0] == 0x04)
            #expect(try ECIES.decrypt(message, with: key, sharedMacData: mac) == plaintext)
        }
    }

    @Test func wrongKeyOrMacDataOrTamperingFailsTheMAC() throws {
        let key = PrivateKey.generate()
        let message = try ECIES.encrypt(Array("hello".utf8), to: key.publicKey, sharedMacData: [1, 2])
        #expect(throws: RLPxError.badMAC("ECIES message")) { try ECIES.decrypt(message, with: .generate(), sharedMacData: [1, 2]) }
        #expect(throws: RLPxError.badMAC("ECIES message")) { try ECIES.decrypt(message, with: key, sharedMacData: [1, 3]) }
        for index in [70, 90, message.count - 1] {
            var tampered = message
            tampered[index] ^= 0x80
            #expect(throws: RLPxError.badMAC("ECIES message")) { try ECIES.decrypt(tampered, with: key, sharedMacData: [1, 2]) }
        }
    }

    @Test func malformedMessagesAreRejected() throws {
        let key = PrivateKey.generate()
        var message = try ECIES.encrypt([1, 2, 3], to: key.publicKey, sharedMacData: [])
        #expect(throws: RLPxError.self) { try ECIES.decrypt(Array(message[0..<112]), with: key, sharedMacData: []) }
        message[0] = 0x02
        #expect(throws: RLPxError.self) { try ECIES.decrypt(message, with: key, sharedMacData: []) }
        message[0] = 0x04
        message[1] ^= 0x01   // x no longer on the curve with this y
        #expect(throws: RLPxError.self) { try ECIES.decrypt(message, with: key, sharedMacData: []) }
    }

    /// Known ephemeral key and iv: the output starts with R || iv and decrypts back.
    @Test func deterministicVariant() throws {
        let recipient = PrivateKey.generate()
        let ephemeral = PrivateKey.generate()
        let iv = [UInt8](repeating: 3, count: 16)
        let one = try ECIES.encrypt([9, 9], to: recipient.publicKey, sharedMacData: [], ephemeralKey: ephemeral, iv: iv)
        let two = try ECIES.encrypt([9, 9], to: recipient.publicKey, sharedMacData: [], ephemeralKey: ephemeral, iv: iv)
        #expect(one == two)
        #expect(Array(one[0..<65]) == ephemeral.publicKey.uncompressed)
        #expect(Array(one[65..<81]) == iv)
        #expect(try ECIES.decrypt(one, with: recipient, sharedMacData: []) == [9, 9])
    }

    /// Differential: a Python implementation (coincurve + pycryptodome) produces the same bytes
    /// for the same ephemeral key and iv, and decrypts what we encrypt with random ones.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func matchesPythonReference() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        var encryptCases: [[String: String]] = [], decryptCases: [[String: String]] = []
        var expectedCiphertexts: [[UInt8]] = [], expectedPlaintexts: [[UInt8]] = []
        for i in 0..<40 {
            let recipient = PrivateKey.generate(), ephemeral = PrivateKey.generate()
            let plaintext = rng.bytes(Int.random(in: 0...400, using: &rng))
            let iv = rng.bytes(16)
            let mac: [UInt8] = i % 3 == 0 ? [] : [UInt8.random(in: 0...255, using: &rng), UInt8.random(in: 0...255, using: &rng)]
            let fixed = try ECIES.encrypt(plaintext, to: recipient.publicKey, sharedMacData: mac, ephemeralKey: ephemeral, iv: iv)
            encryptCases.append([
                "recipient": Hex.encode(recipient.publicKey.raw, prefix: false),
                "ephemeral": ephemeral.withUnsafeSecret { Hex.encode($0, prefix: false) },
                "iv": Hex.encode(iv, prefix: false), "plaintext": Hex.encode(plaintext, prefix: false),
                "mac_data": Hex.encode(mac, prefix: false),
            ])
            expectedCiphertexts.append(fixed)
            let random = try ECIES.encrypt(plaintext, to: recipient.publicKey, sharedMacData: mac)
            decryptCases.append([
                "key": recipient.withUnsafeSecret { Hex.encode($0, prefix: false) },
                "message": Hex.encode(random, prefix: false), "mac_data": Hex.encode(mac, prefix: false),
            ])
            expectedPlaintexts.append(plaintext)
        }
        let output = try #require(try PythonOracle.run("rlpx_oracle.py", input: ["encrypt": encryptCases, "decrypt": decryptCases]) as? [String: Any])
        let encrypted = try #require(output["encrypted"] as? [String])
        let decrypted = try #require(output["decrypted"] as? [Any])
        #expect(encrypted.count == 40 && decrypted.count == 40)
        for i in 0..<40 {
            #expect(T.bytes(encrypted[i]) == expectedCiphertexts[i], "case \(i), seed \(seed)")
            #expect((decrypted[i] as? String).map(T.bytes) == expectedPlaintexts[i], "case \(i), seed \(seed)")
        }
    }
}
