import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite struct PersonalMessageTests {
    /// The message bytes of a vector: hex when `message_encoding` starts with "hex", else UTF-8.
    private func messageBytes(_ item: [String: Any]) throws -> [UInt8] {
        let message = try #require(item["message"] as? String)
        let encoding = try #require(item["message_encoding"] as? String)
        return encoding.hasPrefix("hex") ? try Hex.decode(message) : Array(message.utf8)
    }

    private func key(_ hex: String) throws -> PrivateKey {
        var bytes = try Hex.decode(hex)
        return try PrivateKey(secret: SecureBytes(consuming: &bytes))
    }

    @Test func hashOfKnownMessage() {
        // keccak256("\x19Ethereum Signed Message:\n5hello"), as `cast hash-message hello` prints.
        #expect(PersonalMessage.hash(Array("hello".utf8)).hexString
            == "0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750")
    }

    @Test(TestEnvironment.vectorsTrait)
    func signVectors() throws {
        let cases = try #require(try Vectors.cases("eip191_personal_sign.json")["sign"] as? [[String: Any]])
        #expect(cases.count == 6)
        for item in cases {
            let id = item["id"] as? String ?? "?"
            let message = try messageBytes(item)
            if let bytesHex = item["message_bytes_hex"] as? String { #expect(message.hexString == bytesHex, "\(id)") }
            let signer = try key(try #require(item["private_key"] as? String))
            let signature = try PersonalMessage.sign(message: message, with: signer)
            #expect(signature.bytes.hexString == item["expected_signature"] as? String, "\(id)")
            if let hash = item["expected_message_hash"] as? String {
                #expect(PersonalMessage.hash(message).hexString == hash, "\(id)")
            }
            if let v = item["expected_v"] as? Int { #expect(Int(signature.bytes[64]) == v, "\(id)") }
            let address = try Address(parsing: item["signer_address"] as? String ?? signer.address.checksummed)
            #expect(signer.address == address, "\(id)")
            #expect(try PersonalMessage.recover(message: message, signature: signature) == address, "\(id)")
            #expect(PersonalMessage.verify(message: message, signature: signature, expected: address), "\(id)")
            if let negative = item["negative_check"] as? [String: Any], let other = negative["message"] as? String {
                #expect(!PersonalMessage.verify(message: Array(other.utf8), signature: signature, expected: address), "\(id)")
            }
        }
    }

    @Test(TestEnvironment.vectorsTrait)
    func recoverVectors() throws {
        let cases = try #require(try Vectors.cases("eip191_personal_sign.json")["recover"] as? [[String: Any]])
        #expect(cases.count == 3)
        for item in cases {
            let id = item["id"] as? String ?? "?"
            let signature: Signature
            if let hex = item["signature"] as? String {
                signature = try Signature(bytes: try Hex.decode(hex))
            } else {
                let v = try #require(item["v"] as? Int)
                signature = try Signature(r: try Hex.decode(try #require(item["r"] as? String)),
                                          s: try Hex.decode(try #require(item["s"] as? String)),
                                          yParity: UInt8(v - 27))
            }
            let expected = try Address(parsing: try #require(item["expected_signer"] as? String))
            #expect(try PersonalMessage.recover(message: try messageBytes(item), signature: signature) == expected, "\(id)")
            #expect(PersonalMessage.verify(message: try messageBytes(item), signature: signature, expected: expected), "\(id)")
        }
    }

    @Test(TestEnvironment.vectorsTrait)
    func hashVectors() throws {
        let cases = try #require(try Vectors.cases("eip191_personal_sign.json")["hash_message"] as? [[String: Any]])
        #expect(cases.count == 7)
        for item in cases {
            #expect(PersonalMessage.hash(try messageBytes(item)).hexString == item["expected_hash"] as? String,
                    "\(item["id"] as? String ?? "?")")
        }
    }

    @Test func signatureWithRawRecoveryIDIsAccepted() throws {
        let signer = try key("0x" + String(repeating: "11", count: 32))
        let message = Array("v as 0/1 or 27/28".utf8)
        var bytes = try PersonalMessage.sign(message: message, with: signer).bytes
        bytes[64] -= 27
        #expect(PersonalMessage.verify(message: message, signature: try Signature(bytes: bytes), expected: signer.address))
        #expect(!PersonalMessage.verify(message: message + [0], signature: try Signature(bytes: bytes), expected: signer.address))
    }

    /// ≥ 300 random messages (empty, short, long, random bytes) against eth-account's
    /// encode_defunct + sign_message: identical hash and signature.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func differentialAgainstEthAccount() throws {
        let seed = UInt64.random(in: .min ... .max)
        var rng = SeededGenerator(seed: seed)
        var messages: [[UInt8]] = [[], [0], Array("0x".utf8)]
        while messages.count < 320 {
            let length = [0, 1, 31, 32, 33, 99, 100, 1000].randomElement(using: &rng)! + Int.random(in: 0...40, using: &rng)
            messages.append(rng.bytes(length))
        }
        messages.append([UInt8](repeating: 0x61, count: 70_000))
        var keys: [PrivateKey] = []
        for _ in messages {
            while true {
                var secret = rng.bytes(32)
                if let k = try? PrivateKey(secret: SecureBytes(consuming: &secret)) { keys.append(k); break }
            }
        }
        let cases: [[String: String]] = zip(messages, keys).map { message, key in
            ["message": Hex.encode(message, prefix: false), "key": key.withUnsafeSecret { Hex.encode($0, prefix: false) }]
        }
        let output = try PythonOracle.run("messages_oracle.py", input: ["op": "personal", "cases": cases])
        let answers = try #require(output as? [[String: String]])
        try #require(answers.count == messages.count)
        for (i, answer) in answers.enumerated() {
            let signature = try PersonalMessage.sign(message: messages[i], with: keys[i])
            #expect(Hex.encode(PersonalMessage.hash(messages[i]), prefix: false) == answer["hash"], "case \(i), seed \(seed)")
            #expect(Hex.encode(signature.bytes, prefix: false) == answer["signature"], "case \(i), seed \(seed)")
            #expect(PersonalMessage.verify(message: messages[i], signature: signature, expected: keys[i].address), "case \(i), seed \(seed)")
        }
    }
}
