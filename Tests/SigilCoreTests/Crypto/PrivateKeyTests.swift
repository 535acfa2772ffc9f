import Foundation
import SigilCore
import SigilTestSupport
import Testing

fileprivate let orderHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"

fileprivate func secret(hex text: String) throws -> SecureBytes {
    var bytes = try Hex.decode(text, prefix: .optional)
    return SecureBytes(consuming: &bytes)
}

fileprivate func fileText(_ text: String) -> SecureBytes {
    var bytes = Array(text.utf8)
    return SecureBytes(consuming: &bytes)
}

fileprivate func small(_ value: UInt8) -> [UInt8] { [UInt8](repeating: 0, count: 31) + [value] }

@Suite("PrivateKey")
struct PrivateKeyTests {
    @Test func knownAddresses() throws {
        #expect(try PrivateKey(secret: secret(hex: Hex.encode(small(1)))).address.checksummed
            == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")
        #expect(try PrivateKey(secret: secret(hex: Hex.encode(small(2)))).address.checksummed
            == "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")
    }

    @Test func outOfRangeAndWrongLengthSecretsAreRejected() throws {
        #expect(throws: KeyError.secretOutOfRange) { try PrivateKey(secret: SecureBytes(count: 32)) }
        #expect(throws: KeyError.secretOutOfRange) { try PrivateKey(secret: secret(hex: orderHex)) }
        #expect(throws: KeyError.secretOutOfRange) { try PrivateKey(secret: secret(hex: String(repeating: "ff", count: 32))) }
        #expect(throws: KeyError.invalidSecretLength(31)) { try PrivateKey(secret: SecureBytes(count: 31)) }
        #expect(throws: KeyError.invalidSecretLength(33)) { try PrivateKey(secret: SecureBytes(count: 33)) }
        // n - 1 is the largest valid key.
        _ = try PrivateKey(secret: secret(hex: String(orderHex.dropLast()) + "0"))
        #expect(KeyError.secretOutOfRange.category == .invalidInput)
    }

    @Test func keyFileTextIsParsed() throws {
        let hexKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let expected = try PrivateKey(secret: secret(hex: hexKey)).address
        for text in [hexKey, "0x" + hexKey, "0X" + hexKey, hexKey + "\n", "  0x\(hexKey.uppercased())\r\n", "\t\(hexKey)\n\n"] {
            #expect(try PrivateKey(parsing: fileText(text)).address == expected)
        }
    }

    @Test func badKeyFilesGiveErrorsThatDoNotEchoTheText() throws {
        let hexKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
        let cases: [(String, KeyError)] = [
            ("", .invalidKeyFile(.wrongDigitCount(0))),
            ("\n", .invalidKeyFile(.wrongDigitCount(0))),
            (String(hexKey.dropLast()), .invalidKeyFile(.wrongDigitCount(63))),
            (hexKey + "00", .invalidKeyFile(.wrongDigitCount(66))),
            ("0x" + String(hexKey.dropLast()) + "g", .invalidKeyFile(.invalidDigit(offset: 65))),
            (" " + hexKey.replacingOccurrences(of: "4c08", with: "4z08"), .invalidKeyFile(.invalidDigit(offset: 2))),
            (String(hexKey.prefix(32)) + " " + String(hexKey.suffix(31)), .invalidKeyFile(.invalidDigit(offset: 32))),
            ("0x0x" + hexKey.dropFirst(2), .invalidKeyFile(.invalidDigit(offset: 3))),
            (String(repeating: "0", count: 64), .secretOutOfRange),
            (orderHex, .secretOutOfRange),
            ("{\"address\":\"x\"}", .invalidKeyFile(.wrongDigitCount(15))),
        ]
        for (text, expectedError) in cases {
            let error = #expect(throws: KeyError.self) { try PrivateKey(parsing: fileText(text)) }
            #expect(error == expectedError, "for input of \(text.count) characters")
            let description = error.map { String(describing: $0) } ?? ""
            #expect(!description.isEmpty)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.count >= 8 {
                // No 8-character window of the file text appears in the message.
                let chars = Array(trimmed)
                for start in 0...(chars.count - 8) {
                    #expect(!description.contains(String(chars[start..<(start + 8)])), "\(description)")
                }
            }
        }
    }

    @Test func descriptionIsRedacted() throws {
        let key = try PrivateKey(secret: secret(hex: Hex.encode(small(7))))
        #expect(String(describing: key) == "PrivateKey(<redacted>)")
        #expect("\(key)" == "PrivateKey(<redacted>)")
        #expect(!String(reflecting: key).contains("0000007"))
    }

    @Test func generatedKeysAreValidAndDistinct() throws {
        let a = PrivateKey.generate(), b = PrivateKey.generate()
        #expect(a.address != b.address)
        let aBytes = a.withUnsafeSecret { Array($0) }
        #expect(aBytes.count == 32)
        #expect(try PrivateKey(secret: secret(hex: Hex.encode(aBytes))).address == a.address)
    }

    @Test func withUnsafeSecretLendsTheBytesAndRethrows() throws {
        let key = try PrivateKey(secret: secret(hex: Hex.encode(small(9))))
        #expect(key.withUnsafeSecret { Array($0) } == small(9))
        struct Boom: Error {}
        #expect(throws: Boom.self) { try key.withUnsafeSecret { _ in throw Boom() } }
    }

    @Test func addingTweaks() throws {
        let one = try PrivateKey(secret: secret(hex: Hex.encode(small(1))))
        #expect(try one.adding(tweak: small(1)).address.checksummed == "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF")
        // 1 + (n - 1) = 0 mod n: not a key.
        let nMinusOne = try Hex.decode(String(orderHex.dropLast()) + "0", prefix: .forbidden)
        #expect(throws: KeyError.invalidTweak) { try one.adding(tweak: nMinusOne) }
        #expect(throws: KeyError.invalidTweak) { try one.adding(tweak: Hex.decode(orderHex, prefix: .forbidden)) }
        #expect(throws: KeyError.invalidTweakLength(31)) { try one.adding(tweak: [UInt8](repeating: 1, count: 31)) }
        // A zero tweak is allowed and gives the same key.
        #expect(try one.adding(tweak: [UInt8](repeating: 0, count: 32)).address == one.address)
    }

    @Test func ecdhGivesTheRawXCoordinate() throws {
        let one = try PrivateKey(secret: secret(hex: Hex.encode(small(1))))
        let two = try PrivateKey(secret: secret(hex: Hex.encode(small(2))))
        // 1 · (2G) = 2G, whose x is well known.
        let x = try one.sharedSecretX(with: two.publicKey)
        #expect(x.withUnsafeBytes { Hex.encode($0, prefix: false) }
            == "c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5")
        let a = PrivateKey.generate(), b = PrivateKey.generate()
        #expect(try a.sharedSecretX(with: b.publicKey).constantTimeEquals(b.sharedSecretX(with: a.publicKey)))
        #expect(x.description.contains("redacted"))
    }

    @Test(TestEnvironment.vectorsTrait)
    func ethersPrivateKeyToAddressVectors() throws {
        let json = try #require(Vectors.json("accounts_ethers_privkey_to_address.json") as? [String: Any])
        let tests = try #require(json["tests"] as? [[String: Any]])
        #expect(tests.count == 259)
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let keyText = try #require(test["privateKey"] as? String)
            let address = try #require(test["address"] as? String)
            let key = try PrivateKey(secret: secret(hex: keyText))
            #expect(key.address.checksummed == address, "\(name)")
            #expect(try PrivateKey(parsing: fileText(keyText + "\n")).address.checksummed == address, "\(name)")
            #expect(try Address(parsing: address) == key.address, "\(name)")
        }
    }
}
