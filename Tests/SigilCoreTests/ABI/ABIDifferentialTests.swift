import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Sigil against eth-abi 6.0.0 and eth-utils (Tests/Oracles/abi_oracle.py), on random types and values.
@Suite struct ABIDifferentialTests {
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func encodingAndDecodingMatchEthABI() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var cases: [(types: [ABIType], values: [ABIValue])] = []
        for _ in 0..<1200 {
            let types = ABITestSupport.randomTypeList(using: &rng)
            cases.append((types, types.map { ABITestSupport.randomValue($0, using: &rng) }))
        }
        let request: [String: Any] = ["encode": cases.map { c in
            ["types": c.types.map(ABITestSupport.canonical), "values": c.values.map(ABITestSupport.json)]
        }]
        let reply = try #require(try PythonOracle.run("abi_oracle.py", input: request) as? [String: Any])
        let encoded = try #require(reply["encoded"] as? [Any])
        try #require(encoded.count == cases.count)
        var nested = 0
        for (c, theirs) in zip(cases, encoded) {
            let label = "seed \(seed), types \(c.types.map(ABITestSupport.canonical))"
            let hex = try #require(theirs as? String, "eth-abi refused \(label)")
            let reference = ABITestSupport.bytes(hex)
            #expect(try ABIEncoder.encode(c.values, as: c.types) == reference, "\(label)")
            #expect(try ABIDecoder.decode(reference, as: c.types) == c.values, "\(label)")
            if c.types.contains(where: { if case .tuple = $0 { return true }; if case .array = $0 { return true }; return false }) { nested += 1 }
        }
        #expect(nested > 300, "too few nested cases (\(nested)) for seed \(seed)")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func selectorsMatchEthUtils() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var canonical: [String] = []
        var human: [String] = []
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
        func identifier() -> String {
            String((0..<Int.random(in: 1...10, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
        }
        func spaced(_ type: ABIType) -> String {
            let sp = Bool.random(using: &rng) ? " " : ""
            switch type {
            case .uint(256) where Bool.random(using: &rng): return "uint"
            case .int(256) where Bool.random(using: &rng): return "int"
            case .fixedArray(let e, let n): return spaced(e) + "[\(n)]"
            case .array(let e): return spaced(e) + "[]"
            case .tuple(let cs):
                return (Bool.random(using: &rng) ? "tuple(" : "(") + sp + cs.map { spaced($0) }.joined(separator: sp + "," + sp) + sp + ")"
            default: return ABITestSupport.canonical(type)
            }
        }
        for _ in 0..<1000 {
            let name = identifier()
            let types = ABITestSupport.randomTypeList(using: &rng)
            canonical.append(name + "(" + types.map(ABITestSupport.canonical).joined(separator: ",") + ")")
            let params = types.map { t -> String in
                var p = spaced(t)
                if Bool.random(using: &rng) { p += (t.isDynamic && Bool.random(using: &rng) ? " memory " : " ") + identifier() }
                return p
            }
            let prefix = Int.random(in: 0..<4, using: &rng) == 0 ? "function " : ""
            let suffix = Int.random(in: 0..<4, using: &rng) == 0 ? " external view returns (uint256)" : ""
            human.append(prefix + name + "( " + params.joined(separator: ", ") + " )" + suffix)
        }
        let reply = try #require(try PythonOracle.run("abi_oracle.py", input: ["selectors": canonical]) as? [String: Any])
        let selectors = try #require(reply["selectors"] as? [String])
        try #require(selectors.count == canonical.count)
        for (i, expected) in selectors.enumerated() {
            let function = try ABIFunction(parsing: human[i])
            #expect(function.signature == canonical[i], "seed \(seed): \(human[i])")
            #expect(Hex.encode(function.selector, prefix: false) == expected, "seed \(seed): \(human[i])")
        }
    }

    /// Mutated encodings: whenever Sigil accepts one, eth-abi accepts it with the same values,
    /// and whenever eth-abi rejects one, Sigil does too (Sigil is the stricter decoder).
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func strictDecoderAgreesWithEthABI() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var cases: [(types: [ABIType], data: [UInt8])] = []
        for _ in 0..<2000 {
            var types = ABITestSupport.randomTypeList(using: &rng)
            if types.isEmpty { types = [ABITestSupport.randomType(depth: 2, using: &rng)] }
            let values = types.map { ABITestSupport.randomValue($0, using: &rng) }
            let data = try ABIEncoder.encode(values, as: types)
            cases.append((types, ABIRobustnessSupport.mutate(data, using: &rng)))
        }
        let request: [String: Any] = ["decode": cases.map { ["types": $0.types.map(ABITestSupport.canonical), "data": Hex.encode($0.data, prefix: false)] }]
        let reply = try #require(try PythonOracle.run("abi_oracle.py", input: request) as? [String: Any])
        let decoded = try #require(reply["decoded"] as? [Any])
        var accepted = 0
        for (c, theirs) in zip(cases, decoded) {
            let label = "seed \(seed), types \(c.types.map(ABITestSupport.canonical)), data \(Hex.encode(c.data))"
            guard let ours = try? ABIDecoder.decode(c.data, as: c.types) else { continue }
            accepted += 1
            let reference = try #require(theirs as? [Any], "Sigil accepted what eth-abi rejected: \(label)")
            #expect(try canonicalJSON(ours.map(ABITestSupport.json)) == canonicalJSON(reference), "\(label)")
        }
        #expect(accepted > 100, "seed \(seed): only \(accepted) mutated encodings decoded")
    }

    private func canonicalJSON(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
    }
}
