import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// NFC and NFD from the ENSIP-15 nf tables: known answers from the Unicode Character Database,
/// and the reference cases of ens-normalize.js (../shared/vectors/ens_normalize_nf_tests.json).
@Suite struct ENSNormalFormTests {
    @Test func normalForms() {
        // "é" precomposed (00E9) and decomposed (0065 0301); Hangul "한" (D55C = 1112 1161 11AB).
        #expect(ENSNormalForm.nfd("\u{E9}").unicodeScalars.map(\.value) == [0x65, 0x301])
        #expect(ENSNormalForm.nfc("e\u{301}").unicodeScalars.map(\.value) == [0xE9])
        #expect(ENSNormalForm.nfd("\u{D55C}").unicodeScalars.map(\.value) == [0x1112, 0x1161, 0x11AB])
        #expect(ENSNormalForm.nfc("\u{1112}\u{1161}\u{11AB}").unicodeScalars.map(\.value) == [0xD55C])
        // Canonical order: dot below (ccc 220) before acute (ccc 230).
        #expect(ENSNormalForm.nfd("a\u{301}\u{323}").unicodeScalars.map(\.value) == [0x61, 0x323, 0x301])
    }

    @Test(TestEnvironment.vectorsTrait)
    func normalFormCases() throws {
        let file = try #require(try Vectors.json("ens_normalize_nf_tests.json") as? [String: [[String]]])
        var total = 0
        var failures: [String] = []
        for (section, cases) in file.sorted(by: { $0.key < $1.key }) {
            for test in cases {
                total += 1
                let (input, nfd, nfc) = (test[0], test[1], test[2])
                if ENSNormalForm.nfd(input) != nfd { failures.append("\(section) NFD \(ENSNameVectorTests.hex(input))") }
                if ENSNormalForm.nfc(input) != nfc { failures.append("\(section) NFC \(ENSNameVectorTests.hex(input))") }
            }
        }
        #expect(total == 20_034)
        print("ENSIP-15 NF vectors: \(total - failures.count)/\(total) passed")
        #expect(failures.isEmpty, "\(failures.count) failed: \(failures.prefix(20).joined(separator: "\n"))")
    }
}
