import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

fileprivate let fieldPrimeHex = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f"

/// Hand-picked 256-bit inputs around the limb and modulus boundaries.
fileprivate let fieldEdgeHex: [String] = [
    String(repeating: "0", count: 64),
    String(repeating: "0", count: 63) + "1",
    String(repeating: "0", count: 63) + "2",
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2e",  // p - 1
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2d",  // p - 2
    fieldPrimeHex,                                                        // p (≡ 0)
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc30",  // p + 1 (≡ 1)
    String(repeating: "f", count: 64),                                   // 2^256 - 1
    "8" + String(repeating: "0", count: 63),                             // 2^255
    String(repeating: "0", count: 48) + String(repeating: "f", count: 16),
    String(repeating: "0", count: 32) + "1" + String(repeating: "0", count: 31),
    String(repeating: "0", count: 55) + "1000003d1",                     // 2^32 + 977
    "7fffffffffffffffffffffffffffffffffffffffffffffffffffffff7ffffe17",  // (p - 1) / 2
    String(repeating: "f", count: 16) + String(repeating: "0", count: 48),
]

fileprivate func fieldElement(_ hex: String) throws -> FieldElement {
    try #require(FieldElement(bigEndian: try Hex.decode(hex, prefix: .forbidden)))
}

fileprivate func randomFieldHex(_ rng: inout SeededGenerator) -> String {
    // One in eight inputs is an edge value, so edges meet random partners too.
    if rng.next() % 8 == 0 { return fieldEdgeHex[Int(rng.next() % UInt64(fieldEdgeHex.count))] }
    return Hex.encode((0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }, prefix: false)
}

@Suite("Secp256k1Field")
struct Secp256k1FieldTests {
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func arithmeticMatchesPythonIntegers() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["SIGIL_TEST_SEED"] ?? "") ?? 0xF1E1_D000_5EED
        var rng = SeededGenerator(seed: seed)
        var cases = [[String]]()
        for a in fieldEdgeHex { for b in fieldEdgeHex { cases.append([a, b]) } }
        while cases.count < 6000 { cases.append([randomFieldHex(&rng), randomFieldHex(&rng)]) }
        let output = try #require(try PythonOracle.run("vanity_oracle.py", input: ["op": "field", "cases": cases])
            as? [[String: String]])
        try #require(output.count == cases.count)
        var failures = 0
        for (pair, expected) in zip(cases, output) where failures < 10 {
            let a = try fieldElement(pair[0]), b = try fieldElement(pair[1])
            func hex(_ x: FieldElement) -> String { Hex.encode(x.bigEndianBytes, prefix: false) }
            let got = ["add": hex(a + b), "sub": hex(a - b), "mul": hex(a * b), "sqr": hex(a.squared()),
                       "inv": hex(a.inverse())]
            for (op, value) in got where value != expected[op] {
                failures += 1
                Issue.record("seed \(seed): \(op)(\(pair[0]), \(pair[1])) = \(value), expected \(expected[op] ?? "?")")
            }
        }
        #expect(failures == 0)
    }

    @Test func algebraicIdentitiesHold() throws {
        var rng = SeededGenerator(seed: 0xA1_9EB4A)
        for _ in 0..<2000 {
            let a = try fieldElement(randomFieldHex(&rng)), b = try fieldElement(randomFieldHex(&rng))
            let c = try fieldElement(randomFieldHex(&rng))
            #expect((a + b) - b == a)
            #expect(a - a == .zero)
            #expect(a + (-a) == .zero)
            #expect(a.squared() == a * a)
            #expect(a * (b + c) == a * b + a * c)
            if !a.isZero { #expect(a * a.inverse() == .one) }
        }
        #expect(FieldElement.zero.inverse() == .zero)
    }

    @Test func bytesRoundTripAndReduce() throws {
        var rng = SeededGenerator(seed: 0xB17E5)
        for _ in 0..<1000 {
            let bytes = (0..<32).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let element = try #require(FieldElement(bigEndian: bytes))
            #expect(element.bigEndianBytes == bytes)  // random values are below p (but for 2^-224)
        }
        #expect(try fieldElement(fieldPrimeHex) == .zero)
        #expect(try fieldElement(String(repeating: "f", count: 64)).bigEndianBytes.hexString
            == "0x" + String(repeating: "0", count: 55) + "1000003d0")
        #expect(FieldElement(bigEndian: [UInt8](repeating: 0, count: 31)) == nil)
    }
}
