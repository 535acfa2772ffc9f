import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Random EIP-712 documents against eth-account 0.14.0
/// (`encode_typed_data(full_message=…)` + `Account.sign_message`): identical digests and signatures.
@Suite struct TypedDataDifferentialTests {
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func randomDocumentsMatchEthAccount() throws {
        let seed = ProcessInfo.processInfo.environment["SIGIL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: .min ... .max)
        var generator = TypedDataTestSupport(seed: seed)
        var texts: [String] = []
        var keys: [PrivateKey] = []
        for _ in 0..<250 {
            texts.append(generator.document().serialized())
            keys.append(generator.privateKey())
        }
        let cases = zip(texts, keys).map { text, key in
            ["document": text, "key": key.withUnsafeSecret { Hex.encode($0, prefix: false) }]
        }
        let output = try PythonOracle.run("messages_oracle.py", input: ["op": "typed", "cases": cases])
        let answers = try #require(output as? [[String: String]])
        try #require(answers.count == texts.count)
        var arrays = 0, nestedStructs = 0
        for (i, answer) in answers.enumerated() {
            let context = "case \(i), seed \(seed): \(texts[i])"
            let typed: TypedData
            do {
                typed = try TypedData(parsing: texts[i])
            } catch {
                Issue.record("we refused: \(error); \(context)")
                continue
            }
            guard answer["error"] == nil else {
                Issue.record("eth-account refused: \(answer["error"]!); \(context)")
                continue
            }
            #expect(Hex.encode(typed.signingHash, prefix: false) == answer["digest"], "\(context)")
            let signature = try typed.sign(with: keys[i])
            #expect(Hex.encode(signature.bytes, prefix: false) == answer["signature"], "\(context)")
            #expect(typed.verify(signature: signature, address: keys[i].address), "\(context)")
            if texts[i].contains("[]") || texts[i].contains("]\"") { arrays += 1 }
            if typed.typeNames.count > 2 { nestedStructs += 1 }
        }
        // The generator must really exercise arrays and nested structs.
        #expect(arrays > 50 && nestedStructs > 50, "arrays \(arrays), nested \(nestedStructs)")
    }
}
