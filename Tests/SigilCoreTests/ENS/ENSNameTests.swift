import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Known answers from ENSIP-15 and EIP-137 (expected values from the specifications' text and
/// examples, not from running this code).
@Suite struct ENSNameTests {
    private func reason(of name: String) -> ENSNameError.Reason? {
        do {
            _ = try ENSName.normalize(name)
            return nil
        } catch let error as ENSNameError {
            return error.reason
        } catch {
            return nil
        }
    }

    @Test func asciiIsLowercasedAndKeptOtherwise() throws {
        #expect(try ENSName.normalize("Nick.ETH") == "nick.eth")
        #expect(try ENSName.normalize("vitalik.eth") == "vitalik.eth")
        #expect(try ENSName.normalize("") == "")
        #expect(try ENSName.normalize("__a.eth") == "__a.eth")   // underscores may lead
        #expect(try ENSName.normalize("$abc") == "$abc")
    }

    @Test func emojiLoseFE0FWhenNormalizedAndKeepItBeautified() throws {
        // ENSIP-15: emoji are matched with FE0F optional and normalized without it.
        #expect(try ENSName.normalize("\u{2764}\u{FE0F}") == "\u{2764}")
        #expect(try ENSName.normalize("\u{2764}") == "\u{2764}")
        #expect(try ENSName.beautify("\u{2764}.eth") == "\u{2764}\u{FE0F}.eth")
        // Keycap 1: "1 FE0F 20E3", normalized "1 20E3".
        #expect(try ENSName.normalize("1\u{FE0F}\u{20E3}") == "1\u{20E3}")
        // A lone FE0F is ignored: a label of only that is empty.
        #expect(reason(of: "\u{FE0F}") == .emptyLabel)
    }

    @Test func beautifyShowsXiAsCapitalOutsideGreek() throws {
        #expect(try ENSName.normalize("ξ.eth") == "ξ.eth")
        #expect(try ENSName.beautify("ξ.eth") == "Ξ.eth")
    }

    @Test func refusals() {
        #expect(reason(of: "a..eth") == .emptyLabel)
        #expect(reason(of: ".eth") == .emptyLabel)
        #expect(reason(of: "a_b.eth") == .underscorePlacement)
        #expect(reason(of: "ab--c.eth") == .labelExtension)
        #expect(reason(of: "xn--ab.eth") == .labelExtension)
        #expect(reason(of: "a b") == .disallowedCharacter)
        // Latin "ad" + Cyrillic "і" (U+0456) + Latin "das": one label, two scripts.
        #expect(reason(of: "ad\u{456}das.eth") == .illegalMixture)
        // All Cyrillic, but every letter has a Latin look-alike ("apple").
        #expect(reason(of: "\u{430}\u{440}\u{440}\u{4CF}\u{435}") == .wholeScriptConfusable)
        // The apostrophe is mapped to U+2019, a fenced character, which cannot lead.
        #expect(reason(of: "'a") == .fencedPlacement)
        #expect(reason(of: "\u{303}") == .leadingCombiningMark)
        #expect(reason(of: "\u{1F4A9}\u{303}") == .combiningMarkAfterEmoji)
        // Arabic alef with madda (decomposes to 0627 0653) followed by two fathatan.
        #expect(reason(of: "\u{622}\u{64D}\u{64D}") == .duplicateNonSpacingMark)
    }

    @Test func errorDescriptionsNameTheLabelAndEscapeControls() throws {
        let error = try #require(throws: ENSNameError.self) { try ENSName.normalize("ok.a\u{0}\u{1B}[2Jb.eth") }
        #expect(error.reason == .disallowedCharacter)
        #expect(error.codePoint == 0)
        #expect(error.category == .invalidInput)
        #expect(error.reasonName == "disallowed-character")
        #expect(error.description.contains("{0000}"))
        #expect(error.description.contains("{001B}"))
        #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 })
        #expect(!error.description.contains("\n"))
        let mixture = try #require(throws: ENSNameError.self) { try ENSName.normalize("ad\u{456}das") }
        #expect(mixture.description.contains("Latin"))
        #expect(mixture.description.contains("{0456}"))
    }

    @Test func namehashPerEIP137() throws {
        // EIP-137 "namehash algorithm" and ENSIP-1 test vectors.
        #expect(ENSName.namehash("") == [UInt8](repeating: 0, count: 32))
        #expect(Hex.encode(ENSName.namehash("eth")) == "0x93cdeb708b7545dc668eb9280176169d1c33cfd8ed6f04690a0bcc88a93fc4ae")
        #expect(Hex.encode(ENSName.namehash("foo.eth")) == "0xde9b09fd7c5f901e23a3f19fecc54828e9c848539801e86591bd9801b019f84f")
        // labelhash("eth") is keccak256("eth") = 0x4f5b812789fc606be1b3b16908db13fc7a9adf7ca72641f84d75b47069d3d7f0.
        #expect(Hex.encode(ENSName.labelhash("eth")) == "0x4f5b812789fc606be1b3b16908db13fc7a9adf7ca72641f84d75b47069d3d7f0")
        #expect(ENSName.namehash(try ENSName.normalize("Foo.ETH")) == ENSName.namehash("foo.eth"))
    }

    @Test func dnsEncoding() throws {
        #expect(try ENSName.dnsEncoded("") == [0])
        #expect(try ENSName.dnsEncoded("a.eth") == [1, 0x61, 3, 0x65, 0x74, 0x68, 0])
        #expect(throws: ENSNameError.self) { try ENSName.dnsEncoded(String(repeating: "a", count: 256)) }
        #expect(throws: ENSNameError.self) { try ENSName.dnsEncoded("a..eth") }
    }
}
