import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// ENSIP-15 normalization against the reference cases of ens-normalize.js
/// (../shared/vectors/ens_normalize_validate_tests.json, read in place).
@Suite struct ENSNameVectorTests {
    @Test(TestEnvironment.vectorsTrait)
    func allValidateCases() throws {
        let file = try #require(try Vectors.json("ens_normalize_validate_tests.json") as? [[String: Any]])
        let version = try #require(file.first)
        #expect(version["name"] as? String == "version")
        #expect(version["unicode"] as? String == ENSName.unicodeVersion)
        let cases = file.dropFirst()
        #expect(cases.count == 38_613)
        var passed = 0
        var reasonsChecked = 0
        var failures: [String] = []
        let start = Date()
        for test in cases {
            let name = try #require(test["name"] as? String)
            let expectError = test["error"] as? Bool ?? false
            let expected = test["norm"] as? String ?? name
            let outcome: String
            do {
                let normalized = try ENSName.normalize(name)
                if expectError {
                    outcome = "accepted as \(Self.hex(normalized)), expected an error"
                } else if normalized != expected {
                    outcome = "gave \(Self.hex(normalized)), expected \(Self.hex(expected))"
                } else if (try? ENSName.normalize(normalized)) != normalized {
                    outcome = "gave \(Self.hex(normalized)), which does not normalize to itself"
                } else {
                    passed += 1
                    continue
                }
            } catch let error as ENSNameError {
                if expectError {
                    #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                            "raw control character in: \(error.description.debugDescription)")
                    let comment = test["comment"] as? String ?? ""
                    if let reasons = Self.reasons.first(where: { comment.hasPrefix($0.key) })?.value {
                        reasonsChecked += 1
                        if !reasons.contains(error.reason) {
                            failures.append("\(Self.hex(name)): refused for \(error.reason), reference says \(comment)")
                            continue
                        }
                    }
                    passed += 1
                    continue
                }
                outcome = "refused (\(error.description)), expected \(Self.hex(expected))"
            }
            failures.append("\(Self.hex(name)): \(outcome)")
        }
        let seconds = Date().timeIntervalSince(start)
        print("ENSIP-15 validate vectors: \(passed)/\(cases.count) passed in \(String(format: "%.2f", seconds)) s"
              + " (reason of \(reasonsChecked) refusals compared with the reference's comment)")
        #expect(reasonsChecked > 17_000)
        #expect(passed == cases.count, "\(failures.count) failed, first: \(failures.prefix(20).joined(separator: "\n"))")
    }

    @Test(TestEnvironment.vectorsTrait)
    func namehashCases() throws {
        let file = try Vectors.cases("ens_namehash_eip137.json")
        let erc = try #require(file["erc137_test_vectors"] as? [[String: String]])
        #expect(erc.count == 3)
        for test in erc {
            let name = try #require(test["name"])
            #expect(Hex.encode(ENSName.namehash(try ENSName.normalize(name))) == test["namehash"], "\(name)")
        }
        let named = try #require(file["ethers_named_cases"] as? [[String: String]])
        let sampled = try #require(file["ethers_sampled_cases"] as? [[String: String]])
        #expect(named.count == 7 && sampled.count == 187)
        var hashed = 0, refused = 0
        for test in named + sampled {
            let input = try #require(test["ensName"])
            let label = test["name"] ?? ""
            if test["error"] != nil, !input.isEmpty {
                #expect(throws: ENSNameError.self, "\(label)") { try ENSName.normalize(input) }
                refused += 1
                continue
            }
            let expected = try #require(test["namehash"], "\(label)")
            let normalized = try ENSName.normalize(input)
            #expect(Hex.encode(ENSName.namehash(normalized)) == expected, "\(label)")
            hashed += 1
        }
        #expect(hashed + refused == 194)
        let dns = try #require(file["dns_encode_examples"] as? [[String: String]])
        #expect(dns.count == 2)
        for test in dns {
            let name = try #require(test["ensName"])
            #expect(Hex.encode(try ENSName.dnsEncoded(ENSName.normalize(name))) == test["dnsEncoded"], "\(name)")
        }
    }

    /// The reference's error messages (the start of a case's `comment`) and our reasons for them.
    static let reasons: [String: Set<ENSNameError.Reason>] = [
        "disallowed character": [.disallowedCharacter],
        "illegal mixture": [.illegalMixture],
        "illegal placement": [.fencedPlacement, .leadingCombiningMark, .combiningMarkAfterEmoji],
        "underscore allowed only at start": [.underscorePlacement],
        "whole-script confusable": [.wholeScriptConfusable],
        "invalid label extension": [.labelExtension],
        "duplicate non-spacing marks": [.duplicateNonSpacingMark],
        "excessive non-spacing marks": [.excessiveNonSpacingMarks],
        "empty label": [.emptyLabel],
    ]

    static func hex(_ text: String) -> String {
        "\"" + text.unicodeScalars.map { $0.value < 0x80 && $0.value >= 0x20 ? String($0) : "{\(String($0.value, radix: 16, uppercase: true))}" }.joined() + "\""
    }
}
