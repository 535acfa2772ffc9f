import SigilCore
import SigilTestSupport
import Testing

@Suite struct ContractAddressTests {
    func address(_ text: String) -> Address { try! Address(parsing: text) }
    func bytes(_ hex: String) -> [UInt8] { try! Hex.decode(hex) }

    /// The seven examples of EIP-1014.
    @Test(arguments: [
        ("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "0x00", "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38"),
        ("0xdeadbeef00000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "0x00", "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3"),
        ("0xdeadbeef00000000000000000000000000000000", "0x000000000000000000000000feed000000000000000000000000000000000000", "0x00", "0xD04116cDd17beBE565EB2422F2497E06cC1C9833"),
        ("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "0xdeadbeef", "0x70f2b2914A2a4b783FaEFb75f459A580616Fcb5e"),
        ("0x00000000000000000000000000000000deadbeef", "0x00000000000000000000000000000000000000000000000000000000cafebabe", "0xdeadbeef", "0x60f3f640a8508fC6a86d45DF051962668E1e8AC7"),
        ("0x00000000000000000000000000000000deadbeef", "0x00000000000000000000000000000000000000000000000000000000cafebabe",
         "0xdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef", "0x1d8bfDC5D46DC4f61D6b6115972536eBE6A8854C"),
        ("0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000000", "0x", "0xE33C0C7F7df4809055C3ebA6c09CFe4BaF1BD9e0"),
    ])
    func eip1014Examples(deployer: String, salt: String, initCode: String, expected: String) throws {
        let computed = try ContractAddress.create2(deployer: address(deployer), salt: bytes(salt), initCode: bytes(initCode))
        #expect(computed.checksummed == expected)
        let viaHash = try ContractAddress.create2(deployer: address(deployer), salt: bytes(salt), initCodeHash: Keccak256.hash(bytes(initCode)))
        #expect(viaHash == computed)
    }

    @Test func create2RefusesWrongLengths() {
        #expect(throws: ContractAddressError.wrongLength(what: "salt", count: 31)) {
            try ContractAddress.create2(deployer: .zero, salt: [UInt8](repeating: 0, count: 31), initCode: [])
        }
        #expect(throws: ContractAddressError.wrongLength(what: "init code hash", count: 0)) {
            try ContractAddress.create2(deployer: .zero, salt: [UInt8](repeating: 0, count: 32), initCodeHash: [])
        }
    }

    /// CREATE with nonces around RLP's one-byte boundary (0 is the empty string, 0x7f a
    /// single byte, 0x80 a length-prefixed string) and large ones, against eth-utils' keccak
    /// and pyrlp. 0x6ac7…dbf0 with nonce 0 is the widely quoted example (0xcd23…cd8d).
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func createMatchesReference() throws {
        var rng = SeededGenerator(seed: SeededGenerator.seedFromEnvironment())
        var cases: [(Address, UInt64)] = [(address("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0"), 0)]
        for nonce: UInt64 in [1, 0x7f, 0x80, 0xff, 0x100, 0xffff, 1 << 32, .max - 1] { cases.append((try Address(bytes: rng.bytes(20)), nonce)) }
        for _ in 0..<40 { cases.append((try Address(bytes: rng.bytes(20)), rng.next() >> UInt64.random(in: 0...63, using: &rng))) }
        var create2: [(Address, [UInt8], [UInt8])] = []
        for _ in 0..<40 { create2.append((try Address(bytes: rng.bytes(20)), rng.bytes(32), rng.bytes(Int.random(in: 0...300, using: &rng)))) }
        let request: [String: Any] = [
            "create": cases.map { c -> [String: String] in ["deployer": Hex.encode(c.0.bytes), "nonce": String(c.1)] },
            "create2": create2.map { c -> [String: String] in ["deployer": Hex.encode(c.0.bytes), "salt": Hex.encode(c.1), "initCode": Hex.encode(c.2)] },
            "checksum": cases.map { c -> String in Hex.encode(c.0.bytes) },
        ]
        let reply = try #require(try PythonOracle.run("abi_tools_oracle.py", input: request) as? [String: Any])
        let created = try #require(reply["create"] as? [String])
        #expect(created.first == "0xcd234A471b72ba2F1Ccf0A70FCABA648a5eeCD8d")
        for (c, theirs) in zip(cases, created) {
            #expect(ContractAddress.create(deployer: c.0, nonce: c.1).checksummed == theirs, "nonce \(c.1)")
        }
        for (c, theirs) in zip(create2, try #require(reply["create2"] as? [String])) {
            #expect(try ContractAddress.create2(deployer: c.0, salt: c.1, initCode: c.2).checksummed == theirs)
        }
        for (c, theirs) in zip(cases, try #require(reply["checksum"] as? [String])) {
            #expect(c.0.checksummed == theirs)
        }
    }
}
