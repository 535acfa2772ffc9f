import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

private func secure(_ value: [UInt8]) -> SecureBytes { value.withUnsafeBytes { SecureBytes(copying: $0) } }
private func secure(_ text: String) -> SecureBytes { secure(Array(text.utf8)) }
private func plain(_ value: SecureBytes) -> [UInt8] { value.withUnsafeBytes { Array($0) } }
private func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex, prefix: .optional) }
private func phrase(_ mnemonic: Mnemonic) -> String { mnemonic.withPhrase { $0 } }
private func entropy(_ mnemonic: Mnemonic) -> [UInt8] { mnemonic.withEntropy { Array($0) } }

@Suite struct MnemonicTests {
    // MARK: Conformance vectors

    /// trezor/python-mnemonic vectors.json (english): entropy ↔ phrase, seed with "TREZOR", and the
    /// BIP-32 master key of that seed as an `xprv`.
    @Test(TestEnvironment.vectorsTrait) func trezorVectors() throws {
        let cases = try #require(try Vectors.cases("bip39_trezor_english.json")["english"] as? [[String]])
        #expect(cases.count == 24)
        for item in cases {
            let fromEntropy = try Mnemonic(entropy: secure(bytes(item[0])))
            #expect(phrase(fromEntropy) == item[1])
            let fromPhrase = try Mnemonic(phrase: secure(item[1]))
            #expect(entropy(fromPhrase) == bytes(item[0]))
            let seed = try fromPhrase.seed(passphrase: secure("TREZOR"))
            #expect(plain(seed) == bytes(item[2]), "\(item[0])")
            #expect(item.count == 4 && item[3].hasPrefix("xprv"), "\(item[0]): the vector's master key")
            let master = try HDKey.master(seed: seed)
            #expect(String(decoding: plain(try master.extendedPrivateKey()), as: UTF8.self) == item[3], "\(item[0])")
        }
    }

    /// ethers.js mnemonics (English): entropy, phrase hash and seed, including non-ASCII
    /// passphrases ("Moo é🚀…") that need NFKD. The BIP-32 nodes are for the HD wallet work.
    @Test(TestEnvironment.vectorsTrait) func ethersVectors() throws {
        let tests = try #require(try Vectors.cases("bip39_bip32_ethers_english.json")["tests"] as? [[String: Any]])
        #expect(tests.count == 40)
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let phraseBytes = bytes(try #require(test["phrase"] as? String))
            let mnemonic = try Mnemonic(phrase: secure(phraseBytes))
            #expect(entropy(mnemonic) == bytes(try #require(test["entropy"] as? String)), "\(name)")
            #expect(Array(phrase(mnemonic).utf8) == phraseBytes, "\(name)")
            #expect(OpenSSL.sha256(phraseBytes) == bytes(try #require(test["phraseHash"] as? String)), "\(name)")
            let password = bytes(try #require(test["password"] as? String))
            #expect(plain(try mnemonic.seed(passphrase: secure(password))) == bytes(try #require(test["seed"] as? String)), "\(name)")
        }
    }

    // MARK: Differential with python-mnemonic

    /// 320 random entropies with random ASCII passphrases: same phrase and seed as `mnemonic`.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func randomASCIIAgainstPython() throws {
        let seed: UInt64 = 0xB1_9390
        var rng = SeededGenerator(seed: seed)
        var cases: [(entropy: [UInt8], passphrase: String)] = []
        for _ in 0..<320 {
            let length = [16, 20, 24, 28, 32].randomElement(using: &rng)!
            let entropy = rng.bytes(length)
            let passphrase = String((0..<Int.random(in: 0...20, using: &rng)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
            })
            cases.append((entropy, passphrase))
        }
        try compareWithPython(cases, seed: seed)
    }

    /// Non-ASCII passphrases that NFKD handles by canonical decomposition (accents, Hangul,
    /// Vietnamese stacked marks, precomposed and decomposed forms, emoji, other scripts).
    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func unicodePassphrasesAgainstPython() throws {
        let seed: UInt64 = 0x0F_D00D
        var rng = SeededGenerator(seed: seed)
        let pool = ["é", "e\u{301}", "ü", "Å", "\u{212B}", "ñ", "ç", "Ω", "Ж", "я", "中", "文", "한", "글", "🚀", "😀",
                    "ế", "ệ", "İ", "ά", "ö", "a", "Z", " ", "7", "ダ", "が"]
        var cases: [(entropy: [UInt8], passphrase: String)] = []
        for _ in 0..<60 {
            let entropy = rng.bytes(16)
            let passphrase = (0..<Int.random(in: 1...10, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
            cases.append((entropy, passphrase))
        }
        try compareWithPython(cases, seed: seed)
    }

    private func compareWithPython(_ cases: [(entropy: [UInt8], passphrase: String)], seed: UInt64) throws {
        let input = ["cases": cases.map { ["entropy": Hex.encode($0.entropy, prefix: false), "passphrase": $0.passphrase] }]
        let output = try #require(try PythonOracle.run("mnemonic_oracle.py", input: input) as? [String: Any])
        let expected = try #require(output["cases"] as? [[String: String]])
        #expect(expected.count == cases.count)
        for (i, (item, reference)) in zip(cases, expected).enumerated() {
            let mnemonic = try Mnemonic(entropy: secure(item.entropy))
            #expect(phrase(mnemonic) == reference["phrase"], "seed \(seed) case \(i)")
            #expect(entropy(try Mnemonic(phrase: secure(reference["phrase"] ?? ""))) == item.entropy, "seed \(seed) case \(i)")
            let derived = try mnemonic.seed(passphrase: secure(item.passphrase))
            #expect(Hex.encode(plain(derived), prefix: false) == reference["seed"], "seed \(seed) case \(i)")
        }
    }

    /// Every scalar assigned in Python's Unicode version that the NFKD rule accepts normalizes
    /// exactly as `unicodedata.normalize("NFKD", …)` does.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func nfkdRuleIsExactForAcceptedScalars() throws {
        var accepted: [Unicode.Scalar] = []
        var refused = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), let age = scalar.properties.age,
                  age.major < 14 || (age.major == 14 && age.minor == 0) else { continue }
            if UnicodeNFKD.isSafe(scalar) { accepted.append(scalar) } else { refused += 1 }
        }
        let output = try #require(try PythonOracle.run("mnemonic_oracle.py", input: ["nfkd": accepted.map { Int($0.value) }]) as? [String: Any])
        #expect(output["unicode"] as? String == "14.0.0")
        let reference = try #require(output["nfkd"] as? [Any])
        #expect(reference.count == accepted.count)
        var mismatches: [String] = []
        for (scalar, expected) in zip(accepted, reference) {
            guard let expected = expected as? [Int] else { continue }
            guard case .success(let normalized) = UnicodeNFKD.normalize(String(scalar)) else {
                mismatches.append("U+\(String(scalar.value, radix: 16)) refused"); continue
            }
            if normalized.unicodeScalars.map({ Int($0.value) }) != expected {
                mismatches.append("U+\(String(scalar.value, radix: 16))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
        #expect(accepted.count > 100_000 && refused > 1000 && refused < 10_000, "accepted \(accepted.count), refused \(refused)")
    }

    // MARK: Own behaviour

    @Test func parsingIsWhitespaceAndCaseTolerant() throws {
        let canonical = "legal winner thank year wave sausage worth useful legal winner thank yellow"
        let messy = "  Legal\twinner  thank year\nwave sausage WORTH useful legal winner\r\nthank yellow \n"
        let a = try Mnemonic(phrase: secure(canonical)), b = try Mnemonic(phrase: secure(messy))
        #expect(entropy(a) == entropy(b) && phrase(b) == canonical)
        #expect(a.wordCount == 12)
    }

    @Test func errorsNeverEchoWords() {
        let words = "abandon abandon abandon abandon abandon abandon abandn abandon abandon abandon abandon about"
        #expect(throws: MnemonicError.unknownWord(position: 7)) { try Mnemonic(phrase: secure(words)) }
        #expect(MnemonicError.unknownWord(position: 7).description == "word 7 is not in the BIP-39 English list")
        #expect(throws: MnemonicError.wrongWordCount(11)) {
            try Mnemonic(phrase: secure("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"))
        }
        #expect(MnemonicError.wrongWordCount(11).description == "expected 12, 15, 18, 21 or 24 words, got 11")
        #expect(throws: MnemonicError.invalidChecksum) {
            try Mnemonic(phrase: secure("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"))
        }
        #expect(throws: MnemonicError.unknownWord(position: 12)) {
            try Mnemonic(phrase: secure("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abóut"))
        }
        #expect(throws: MnemonicError.invalidEntropyLength(17)) { try Mnemonic(entropy: SecureBytes(count: 17)) }
    }

    @Test func refusesPassphrasesNeedingCompatibilityMappings() throws {
        let mnemonic = try Mnemonic(entropy: SecureBytes(count: 16))
        for (text, position) in [("\u{FB01}x", 1), ("ab\u{FF21}", 3), ("x\u{200D}y", 2), ("straße", 5), ("x²", 2)] {
            #expect(throws: MnemonicError.passphraseNeedsCompatibilityNormalization(position: position), "\(text)") {
                try mnemonic.seed(passphrase: secure(text))
            }
        }
        #expect(throws: MnemonicError.passphraseNotUTF8) { try mnemonic.seed(passphrase: secure([0x61, 0xFF])) }
    }

    @Test func generateAndRedaction() throws {
        for count in Mnemonic.validWordCounts {
            let mnemonic = try Mnemonic.generate(wordCount: count)
            #expect(mnemonic.wordCount == count)
            let words = phrase(mnemonic)
            #expect(words.split(separator: " ").count == count)
            #expect(entropy(try Mnemonic(phrase: secure(words))) == entropy(mnemonic))
            #expect("\(mnemonic)" == "<mnemonic: \(count) words, redacted>")
            #expect(String(reflecting: mnemonic) == "<mnemonic: \(count) words, redacted>")
        }
        #expect(throws: MnemonicError.wrongWordCount(13)) { try Mnemonic.generate(wordCount: 13) }
    }
}
