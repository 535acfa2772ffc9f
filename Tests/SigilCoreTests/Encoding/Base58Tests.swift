import Foundation
import SigilCore
import SigilTestSupport
import Testing

private func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex, prefix: .optional) }
private func secure(_ value: [UInt8]) -> SecureBytes { value.withUnsafeBytes { SecureBytes(copying: $0) } }
private func plain(_ value: SecureBytes) -> [UInt8] { value.withUnsafeBytes { Array($0) } }

@Suite struct Base58Tests {
    /// Known answers from Bitcoin Core's base58_encode_decode.json.
    static let knownAnswers: [(String, String)] = [
        ("", ""), ("61", "2g"), ("626262", "a3gV"), ("636363", "aPEr"),
        ("73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"),
        ("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"),
        ("516b6fcd0f", "ABnLTmg"), ("bf4f89001e670274dd", "3SEo3LWLoPntC"), ("572e4794", "3EFU7m"),
        ("ecac89cad93923c02321", "EJDM8drfXA6uyA"), ("10c8511e", "Rt5zm"), ("00000000000000000000", "1111111111"),
    ]

    @Test func knownAnswers() throws {
        for (hex, text) in Self.knownAnswers {
            #expect(Base58.encode(bytes(hex)) == text, "\(hex)")
            #expect(try Base58.decode(text) == bytes(hex), "\(text)")
        }
    }

    @Test func leadingZerosAndOnes() throws {
        #expect(Base58.encode([0]) == "1")
        #expect(Base58.encode([0, 0, 1]) == "112")
        #expect(try Base58.decode("111") == [0, 0, 0])
        #expect(try Base58.decode("11z") == [0, 0, 57])
    }

    @Test func rejectsCharactersOutsideTheAlphabet() {
        for (text, position) in [("0", 1), ("1O", 2), ("abIc", 3), ("abcl", 4), ("ab c", 3), ("é", 1)] {
            #expect(throws: Base58Error.invalidCharacter(position: position)) { try Base58.decode(text) }
        }
        let error = Base58Error.invalidCharacter(position: 3)
        #expect(error.category == .invalidInput)
        #expect(error.description.contains("position 3"))
    }

    @Test func rejectsOverlongText() {
        let text = String(repeating: "2", count: Base58.maximumTextLength + 1)
        #expect(throws: Base58Error.tooLong(Base58.maximumTextLength + 1)) { try Base58.decode(text) }
    }

    @Test func checkRoundTripAndChecksum() throws {
        // BIP-32 vector 1's master xpub payload.
        let xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
        let payload = try Base58.decodeCheck(xpub)
        #expect(payload.count == 78)
        #expect(Array(payload.prefix(4)) == [0x04, 0x88, 0xB2, 0x1E])
        #expect(Base58.encodeCheck(payload) == xpub)
        // Any single-character change is caught.
        var mutated = Array(xpub)
        mutated[50] = mutated[50] == "a" ? "b" : "a"
        #expect(throws: Base58Error.checksumMismatch) { try Base58.decodeCheck(String(mutated)) }
        #expect(throws: Base58Error.missingChecksum(decodedLength: 3)) { try Base58.decodeCheck(Base58.encode([1, 2, 3])) }
        #expect(throws: Base58Error.missingChecksum(decodedLength: 0)) { try Base58.decodeCheck("") }
        #expect(Base58.encodeCheck([]) == Base58.encode(Array(OpenSSL.sha256(OpenSSL.sha256([])).prefix(4))))
    }

    @Test func secretVariantsMatchPublicOnes() throws {
        var rng = SeededGenerator(seed: 0x58_5EC)
        for _ in 0..<50 {
            let count = Int.random(in: 0...80, using: &rng)
            let zeros = Int.random(in: 0...3, using: &rng)
            let data = [UInt8](repeating: 0, count: zeros) + rng.bytes(count)
            let text = Base58.encodeCheck(data)
            #expect(String(decoding: plain(Base58.encodeCheck(secret: secure(data))), as: UTF8.self) == text)
            #expect(plain(try Base58.decodeCheck(secret: secure(Array(text.utf8)))) == data)
            #expect(try Base58.decodeCheck(text) == data)
        }
        #expect(throws: Base58Error.checksumMismatch) {
            try Base58.decodeCheck(secret: secure(Array("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHL".utf8)))
        }
    }

    /// 400 random byte strings (many with leading zeros) against a big-integer reference in Python.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func randomAgainstPythonReference() throws {
        let seed: UInt64 = 0xBA5E_0058
        var rng = SeededGenerator(seed: seed)
        var inputs: [[UInt8]] = []
        for _ in 0..<400 {
            let zeros = Int.random(in: 0...4, using: &rng) == 0 ? Int.random(in: 1...5, using: &rng) : 0
            let count = Int.random(in: 0...100, using: &rng)
            inputs.append([UInt8](repeating: 0, count: zeros) + rng.bytes(count))
        }
        let output = try #require(
            try PythonOracle.run("hd_oracle.py", input: ["base58": inputs.map(\.hexString)]) as? [String: Any])
        let expected = try #require(output["base58"] as? [String])
        try #require(expected.count == inputs.count)
        for (input, text) in zip(inputs, expected) {
            #expect(Base58.encode(input) == text, "seed \(seed), input \(input.hexString)")
            #expect(try Base58.decode(text) == input, "seed \(seed), text \(text)")
        }
    }
}
