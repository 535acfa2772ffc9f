import Foundation
import SigilCore
import SigilTestSupport
import Testing

private func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex, prefix: .optional) }
private func secure(_ value: [UInt8]) -> SecureBytes { value.withUnsafeBytes { SecureBytes(copying: $0) } }
private func secure(_ text: String) -> SecureBytes { secure(Array(text.utf8)) }
private func text(_ value: SecureBytes) -> String { value.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }
private func xprv(_ key: HDKey) throws -> String { text(try key.extendedPrivateKey()) }
private func chainCode(_ key: HDKey) -> [UInt8] { key.withUnsafeChainCode { Array($0) } }
private func secret(_ key: HDKey) -> [UInt8]? { key.privateKey?.withUnsafeSecret { Array($0) } }
private func master(_ seedHex: String) throws -> HDKey { try HDKey.master(seed: secure(bytes(seedHex))) }

@Suite struct HDKeyTests {
    // MARK: BIP-32 test vectors

    /// Vectors 1–4: every chain entry's xprv and xpub from the seed; parsing round-trips; and
    /// for each normal step, CKDpub from the parent's xpub gives the same xpub.
    @Test(TestEnvironment.vectorsTrait) func bip32DerivationVectors() throws {
        let file = try #require(try Vectors.json("bip32_test_vectors.json") as? [String: Any])
        let vectors = try #require(file["vectors"] as? [[String: Any]])
        var checked = 0
        for vector in vectors where vector["chains"] != nil {
            let root = try master(try #require(vector["seed_hex"] as? String))
            let chains = try #require(vector["chains"] as? [[String: String]])
            for chain in chains {
                let label = "vector \(vector["vector"] ?? "?") \(chain["path"] ?? "?")"
                let path = try DerivationPath(parsing: try #require(chain["path"]))
                #expect(try DerivationPath(parsing: try #require(chain["path_as_written"])) == path, "\(label)")
                let node = try root.derive(path: path)
                let expectedPub = try #require(chain["ext_pub"]), expectedPrv = try #require(chain["ext_prv"])
                #expect(node.extendedPublicKey == expectedPub, "\(label)")
                #expect(try xprv(node) == expectedPrv, "\(label)")
                #expect(Int(node.depth) == path.components.count)
                let parsedPrv = try HDKey(parsing: secure(expectedPrv))
                #expect(parsedPrv.isPrivate)
                #expect(try xprv(parsedPrv) == expectedPrv, "\(label)")
                #expect(parsedPrv.extendedPublicKey == expectedPub, "\(label)")
                let parsedPub = try HDKey(parsing: expectedPub)
                #expect(!parsedPub.isPrivate && parsedPub.extendedPublicKey == expectedPub, "\(label)")
                #expect(node.neutered().extendedPublicKey == expectedPub)
                if let last = path.components.last, !last.isHardened {
                    let parent = try root.derive(path: DerivationPath(components: path.components.dropLast()))
                    let viaPublic = try parent.neutered().derive(child: last.childNumber)
                    #expect(viaPublic.extendedPublicKey == expectedPub, "CKDpub \(label)")
                }
                checked += 1
            }
        }
        #expect(checked >= 17)
    }

    /// Vector 5: all 16 invalid keys are rejected, each for the reason the BIP gives.
    @Test(TestEnvironment.vectorsTrait) func bip32InvalidKeys() throws {
        let file = try #require(try Vectors.json("bip32_test_vectors.json") as? [String: Any])
        let vectors = try #require(file["vectors"] as? [[String: Any]])
        let invalid = try #require(vectors.first { $0["invalid_keys"] != nil }?["invalid_keys"] as? [[String: String]])
        #expect(invalid.count == 16)
        for item in invalid {
            let key = try #require(item["key"]), reason = try #require(item["reason"])
            let matches: (HDKeyError) -> Bool
            switch reason {
            case "pubkey version / prvkey mismatch": matches = { $0 == .versionKeyMismatch(version: "xpub", key: "private") }
            case "prvkey version / pubkey mismatch": matches = { $0 == .versionKeyMismatch(version: "xprv", key: "public") }
            case "invalid pubkey prefix 04": matches = { $0 == .invalidPublicKeyPrefix(0x04) }
            case "invalid prvkey prefix 04": matches = { $0 == .invalidPrivateKeyPrefix(0x04) }
            case "invalid pubkey prefix 01": matches = { $0 == .invalidPublicKeyPrefix(0x01) }
            case "invalid prvkey prefix 01": matches = { $0 == .invalidPrivateKeyPrefix(0x01) }
            case "zero depth with non-zero parent fingerprint": matches = { $0 == .zeroDepthWithParent }
            case "zero depth with non-zero index": matches = { $0 == .zeroDepthWithChildNumber }
            case "unknown extended key version":
                matches = { if case .unknownVersion = $0 { true } else { false } }
            case "private key 0 not in 1..n-1", "private key n not in 1..n-1": matches = { $0 == .privateKeyOutOfRange }
            case let r where r.hasPrefix("invalid pubkey 0"): matches = { $0 == .invalidPublicKey }
            case "invalid checksum": matches = { $0 == .encoding(.checksumMismatch) }
            default: Issue.record("unmapped reason \(reason)"); continue
            }
            do {
                _ = try HDKey(parsing: secure(key))
                Issue.record("accepted invalid key (\(reason))")
            } catch {
                #expect(matches(error), "\(reason): got \(error)")
                #expect(error.category == .invalidInput)
            }
        }
    }

    // MARK: ethers.js BIP-39 + BIP-32 nodes

    @Test(TestEnvironment.vectorsTrait) func ethersNodes() throws {
        let tests = try #require(try Vectors.cases("bip39_bip32_ethers_english.json")["tests"] as? [[String: Any]])
        #expect(tests.count == 40)
        var nodes = 0
        for test in tests {
            let name = test["name"] as? String ?? "?"
            let mnemonic = try Mnemonic(phrase: secure(bytes(try #require(test["phrase"] as? String))))
            let seed = try mnemonic.seed(passphrase: secure(bytes(try #require(test["password"] as? String))))
            let root = try HDKey.master(seed: seed)
            for node in try #require(test["nodes"] as? [[String: Any]]) {
                let label = "\(name) \(node["path"] ?? "?")"
                let key = try root.derive(path: DerivationPath(parsing: try #require(node["path"] as? String)))
                #expect(try xprv(key) == node["xpriv"] as? String, "\(label)")
                #expect(key.extendedPublicKey == node["xpub"] as? String, "\(label)")
                #expect(chainCode(key) == bytes(try #require(node["chainCode"] as? String)), "\(label)")
                #expect(key.fingerprint == bytes(try #require(node["fingerprint"] as? String)), "\(label)")
                #expect(key.parentFingerprint == bytes(try #require(node["parentFingerprint"] as? String)), "\(label)")
                #expect(Int(key.depth) == node["depth"] as? Int, "\(label)")
                #expect(Int(key.childNumber) == node["index"] as? Int, "\(label)")
                #expect(key.publicKey.compressed == bytes(try #require(node["publicKey"] as? String)), "\(label)")
                #expect(secret(key) == bytes(try #require(node["privateKey"] as? String)), "\(label)")
                nodes += 1
            }
        }
        #expect(nodes == 240)
    }

    // MARK: Ethereum BIP-44 examples

    @Test(TestEnvironment.vectorsTrait) func ethereumDerivationExamples() throws {
        let tests = try #require(try Vectors.cases("hd_ethereum_bip44_derivation.json")["tests"] as? [[String: Any]])
        #expect(tests.count == 10)
        for test in tests {
            let id = test["id"] as? String ?? "?"
            let mnemonic = try Mnemonic(phrase: secure(try #require(test["mnemonic"] as? String)))
            let seed = try mnemonic.seed(passphrase: secure(test["passphrase"] as? String ?? ""))
            let key = try HDKey.master(seed: seed).derive(path: DerivationPath(parsing: try #require(test["path"] as? String)))
            #expect(key.address.description == test["address"] as? String, "\(id)")
            if let privateKey = test["private_key"] as? String {
                #expect(secret(key) == bytes(privateKey), "\(id)")
            }
            if let publicKey = test["public_key_uncompressed_xy"] as? String {
                #expect(key.publicKey.raw == bytes(publicKey), "\(id)")
            }
        }
    }

    // MARK: Behaviour

    @Test func publicNodesCannotDeriveHardenedChildren() throws {
        let root = try master("000102030405060708090a0b0c0d0e0f")
        let pub = root.neutered()
        #expect(!pub.isPrivate && pub.privateKey == nil)
        #expect(throws: HDKeyError.hardenedFromPublic(childNumber: DerivationPath.hardenedOffset)) {
            try pub.derive(child: DerivationPath.hardenedOffset)
        }
        #expect(throws: HDKeyError.notPrivate) { try pub.extendedPrivateKey() }
        #expect(pub.neutered() === pub)
        // Normal children agree between CKDpriv and CKDpub.
        let viaPrivate = try root.derive(path: DerivationPath(parsing: "m/1/2/3"))
        let viaPublic = try pub.derive(path: DerivationPath(parsing: "m/1/2/3"))
        #expect(viaPrivate.publicKey == viaPublic.publicKey && chainCode(viaPrivate) == chainCode(viaPublic))
    }

    @Test func seedLengthIsChecked() {
        #expect(throws: HDKeyError.invalidSeedLength(15)) { try HDKey.master(seed: SecureBytes(count: 15)) }
        #expect(throws: HDKeyError.invalidSeedLength(65)) { try HDKey.master(seed: SecureBytes(count: 65)) }
        #expect(throws: Never.self) { try HDKey.master(seed: SecureBytes(count: 16)) }
    }

    @Test func depthStopsAt255() throws {
        var node = try master("000102030405060708090a0b0c0d0e0f").neutered()
        for _ in 0..<255 { node = try node.derive(child: 0) }
        #expect(node.depth == 255)
        #expect(throws: HDKeyError.depthOverflow) { try node.derive(child: 0) }
    }

    @Test func parsingTrimsWhitespaceAndRejectsGarbage() throws {
        let xpub = "xpub661MyMwAqRbcFtXgS5sYJABqqG9YLmC4Q1Rdap9gSE8NqtwybGhePY2gZ29ESFjqJoCu1Rupje8YtGqsefD265TMg7usUDFdp6W1EGMcet8"
        #expect(try HDKey(parsing: " \(xpub)\n").extendedPublicKey == xpub)
        #expect(throws: HDKeyError.encoding(.invalidCharacter(position: 5))) { try HDKey(parsing: "xpub0") }
        #expect(throws: HDKeyError.wrongLength(3)) { try HDKey(parsing: Base58.encodeCheck([1, 2, 3])) }
    }

    @Test func descriptionsAreRedacted() throws {
        let root = try master("000102030405060708090a0b0c0d0e0f")
        let xprvText = try xprv(root)
        let rendered = [root.description, String(describing: root), String(reflecting: root),
                        "\(try root.extendedPrivateKey())", root.neutered().description]
        for line in rendered {
            #expect(!line.contains(xprvText) && !line.contains(chainCode(root).hexString))
            #expect(!line.contains(try #require(secret(root)).hexString))
        }
        #expect(root.description.contains("private") && root.description.contains(root.fingerprint.hexString))
    }

    @Test func errorDescriptions() {
        #expect(HDKeyError.unknownVersion(0x0435_8394).description == "unknown extended key version 0x04358394 (expected xprv or xpub)")
        #expect(HDKeyError.invalidPublicKeyPrefix(4).description == "extended public key must start with 0x02 or 0x03, found 0x04")
        #expect(HDKeyError.invalidPrivateKeyPrefix(1).description == "extended private key data must start with 0x00, found 0x01")
        #expect(HDKeyError.hardenedFromPublic(childNumber: 0x8000_0005).description.contains("5'"))
        #expect(HDKeyError.encoding(.checksumMismatch).description.contains("checksum"))
    }

    @Test func ripemd160KnownAnswers() {
        // From the RIPEMD-160 specification's test set.
        #expect(OpenSSL.ripemd160([]).hexString == "0x9c1185a5c5e9fc54612808977ee8f548b2258d31")
        #expect(OpenSSL.ripemd160(Array("a".utf8)).hexString == "0x0bdc9d2d256b3ee9daae347be6f4dc835a467ffe")
        #expect(OpenSSL.ripemd160(Array("abc".utf8)).hexString == "0x8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")
        #expect(OpenSSL.ripemd160(Array("message digest".utf8)).hexString == "0x5d0689ef49d2fae572b881b123a85ffa21595f36")
    }

    // MARK: Differential with eth-account

    /// 240 random mnemonics (all word counts, random ASCII passphrases) × 3 paths each: the
    /// default Ethereum path at a random index and two random paths of depth 1–6 mixing hardened
    /// and normal steps. Addresses and private keys must equal eth-account's `from_mnemonic`.
    /// Also 300 random inputs to RIPEMD-160 against pycryptodome, in the same oracle call.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func randomAgainstEthAccount() throws {
        let seed: UInt64 = 0x4D_0032
        var rng = SeededGenerator(seed: seed)
        var cases: [(phrase: String, passphrase: String, path: DerivationPath)] = []
        for _ in 0..<240 {
            let length = [16, 20, 24, 28, 32].randomElement(using: &rng)!
            let entropy = rng.bytes(length)
            let phrase = try Mnemonic(entropy: secure(entropy)).withPhrase { $0 }
            let passphrase = Bool.random(using: &rng) ? "" : String((0..<Int.random(in: 1...12, using: &rng)).map { _ in
                Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &rng)))
            })
            cases.append((phrase, passphrase, try DerivationPath.ethereum(index: UInt32.random(in: 0...1000, using: &rng))))
            for _ in 0..<2 {
                let components = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                    let index = Bool.random(using: &rng) ? UInt32.random(in: 0...100, using: &rng)
                        : UInt32.random(in: 0..<DerivationPath.hardenedOffset, using: &rng)
                    return try! DerivationPath.Component(index: index, hardened: Bool.random(using: &rng))
                }
                cases.append((phrase, passphrase, try DerivationPath(components: components)))
            }
        }
        let digestInputs = (0..<300).map { _ in
            rng.bytes(Int.random(in: 0...200, using: &rng))
        }
        let request: [String: Any] = [
            "cases": cases.map { ["phrase": $0.phrase, "passphrase": $0.passphrase, "path": $0.path.description] },
            "ripemd160": digestInputs.map(\.hexString),
        ]
        let output = try #require(try PythonOracle.run("hd_oracle.py", input: request) as? [String: Any])
        let expected = try #require(output["cases"] as? [[String: String]])
        try #require(expected.count == cases.count)
        var roots: [String: HDKey] = [:]
        for (item, reference) in zip(cases, expected) {
            let rootKey = item.phrase + "\u{0}" + item.passphrase
            let root: HDKey
            if let cached = roots[rootKey] { root = cached } else {
                let mnemonic = try Mnemonic(phrase: secure(item.phrase))
                root = try HDKey.master(seed: mnemonic.seed(passphrase: secure(item.passphrase)))
                roots[rootKey] = root
            }
            let key = try root.derive(path: item.path)
            let label = "seed \(seed), path \(item.path), phrase \(item.phrase), passphrase \(item.passphrase)"
            #expect(key.address.description == reference["address"], "\(label)")
            #expect(secret(key)?.hexString == reference["private_key"], "\(label)")
        }
        let digests = try #require(output["ripemd160"] as? [String])
        try #require(digests.count == digestInputs.count)
        for (input, digest) in zip(digestInputs, digests) {
            #expect(Hex.encode(OpenSSL.ripemd160(input), prefix: false) == digest, "seed \(seed), input \(input.hexString)")
        }
    }
}
