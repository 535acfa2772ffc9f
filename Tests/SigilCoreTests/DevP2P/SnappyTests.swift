import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Helpers for the Snappy tests (prefixed to stay out of other suites' way).
enum SnappyTestSupport {
    static func bytes(_ hex: String) -> [UInt8] {
        do { return try Hex.decode(hex.replacingOccurrences(of: " ", with: ""), prefix: .optional) } catch { fatalError("bad hex in test: \(hex)") }
    }

    /// Inputs of many sizes and shapes: empty, random bytes, repetitive text, long runs, and
    /// mixtures, some longer than one 64 KiB fragment.
    static func corpus(using rng: inout SeededGenerator) -> [[UInt8]] {
        let words = ["the ", "eth ", "peer ", "0x00", "transaction ", "snappy ", "\n", "devp2p ", "aaaa", "fork "]
        var inputs: [[UInt8]] = [[], [0], [0xff], Array("a".utf8), Array("abcd".utf8)]
        let sizes = [2, 3, 4, 5, 14, 15, 16, 17, 59, 60, 61, 64, 65, 100, 255, 256, 257, 1000, 4096,
                     65_535, 65_536, 65_537, 70_000, 150_000]
        for (index, size) in sizes.enumerated() {
            switch index % 4 {
            case 0:
                inputs.append(rng.bytes(size))
            case 1:
                var text = [UInt8]()
                while text.count < size { text += Array(words.randomElement(using: &rng)!.utf8) }
                inputs.append(Array(text.prefix(size)))
            case 2:
                var run = [UInt8]()
                while run.count < size {
                    run += [UInt8](repeating: UInt8.random(in: 0...255, using: &rng), count: Int.random(in: 1...3000, using: &rng))
                }
                inputs.append(Array(run.prefix(size)))
            default:
                var mixed = [UInt8]()
                while mixed.count < size {
                    let piece = Int.random(in: 1...200, using: &rng)
                    if Bool.random(using: &rng) {
                        mixed += rng.bytes(piece)
                    } else if mixed.count > 10 {
                        let start = Int.random(in: 0..<(mixed.count - 4), using: &rng)
                        mixed += mixed[start..<min(mixed.count, start + piece)]
                    }
                }
                inputs.append(Array(mixed.prefix(size)))
            }
        }
        for _ in 0..<20 { inputs.append(rng.bytes(Int.random(in: 0...300, using: &rng))) }
        return inputs
    }
}

@Suite("Snappy")
struct SnappyTests {
    typealias Support = SnappyTestSupport

    // MARK: - Known answers (hand-built blocks)

    @Test("literal with the length in the tag")
    func shortLiteral() throws {
        #expect(try Snappy.decompress(Support.bytes("0308616263")) == Array("abc".utf8))
        #expect(Snappy.compress(Array("abc".utf8)) == Support.bytes("0308616263"))
    }

    @Test("empty input is a zero length and no elements")
    func empty() throws {
        #expect(Snappy.compress([]) == [0x00])
        #expect(try Snappy.decompress([0x00]) == [])
        #expect(try Snappy.decompressedLength([0x00]) == 0)
    }

    @Test("literal lengths in 1, 2, 3 and 4 extra bytes")
    func longLiterals() throws {
        let hundred = [UInt8](repeating: 0x41, count: 100)
        // 60<<2 = 0xf0, then length-1 = 99 in one byte.
        #expect(try Snappy.decompress([0x64, 0xf0, 0x63] + hundred) == hundred)
        let three = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        // varint 300 = ac 02; 61<<2 = 0xf4, 299 = 0x012b little-endian.
        #expect(try Snappy.decompress([0xac, 0x02, 0xf4, 0x2b, 0x01] + three) == three)
        let seventy = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        // varint 70000 = f0 a2 04; 62<<2 = 0xf8, 69999 = 0x01116f little-endian.
        #expect(try Snappy.decompress([0xf0, 0xa2, 0x04, 0xf8, 0x6f, 0x11, 0x01] + seventy) == seventy)
        // 63<<2 = 0xfc with a 4-byte length (4 = five bytes), valid though not minimal.
        #expect(try Snappy.decompress([0x05, 0xfc, 0x04, 0x00, 0x00, 0x00] + Array("hello".utf8)) == Array("hello".utf8))
    }

    @Test("copy with a 1-byte offset, including the offset's high bits in the tag")
    func copyOneByteOffset() throws {
        // "abcd", then tag 0x01 (len 4, offset high bits 0), offset 4.
        #expect(try Snappy.decompress(Support.bytes("080c6162636401 04")) == Array("abcdabcd".utf8))
        // 300 literal bytes, then len 11 ((11-4)<<2 = 0x1c), offset 0x123 (high bits 1 → 0x20): tag 0x3d.
        let literal = (0..<300).map { UInt8(truncatingIfNeeded: $0) }
        let block = [0xb7, 0x02, 0xf4, 0x2b, 0x01] + literal + [0x3d, 0x23]
        #expect(try Snappy.decompress(block) == literal + Array(literal[(300 - 0x123)..<(300 - 0x123 + 11)]))
    }

    @Test("copy with a 2-byte offset, overlapping its own output")
    func copyTwoByteOffset() throws {
        // "ab", then tag 2|(7<<2) = 0x1e (len 8), offset 2: a repeating pattern.
        #expect(try Snappy.decompress(Support.bytes("0a 04 6162 1e 0200")) == Array("ababababab".utf8))
    }

    @Test("copy with a 4-byte offset")
    func copyFourByteOffset() throws {
        // "xyz", then tag 3|(5<<2) = 0x17 (len 6), offset 3 as 4 bytes.
        #expect(try Snappy.decompress(Support.bytes("09 08 78797a 17 03000000")) == Array("xyzxyzxyz".utf8))
    }

    @Test("a run: copy at offset 1 repeats one byte")
    func run() throws {
        // "a", then tag 1|(7<<2) = 0x1d (len 11), offset 1.
        #expect(try Snappy.decompress(Support.bytes("0c 00 61 1d 01")) == [UInt8](repeating: 0x61, count: 12))
        // A long run compresses to a few copies.
        let long = [UInt8](repeating: 7, count: 10_000)
        let compressed = Snappy.compress(long)
        #expect(compressed.count < 600)
        #expect(try Snappy.decompress(compressed) == long)
    }

    // MARK: - Malformed blocks

    @Test("malformed blocks are rejected with the matching error", arguments: [
        ("", SnappyError.emptyInput),
        ("80", .badLengthHeader("length varint is cut off")),
        ("ffffffffff01", .badLengthHeader("length varint longer than 5 bytes")),
        ("ffffffff1f", .badLengthHeader("length over 32 bits")),
        ("81808008", .lengthTooLarge(declared: 16_777_217, maximum: 16 << 20)),
        ("e80700", .lengthExceedsInput(declared: 1000, elementBytes: 1)),
        ("ffffff0f00", .lengthTooLarge(declared: 0x1ff_ffff, maximum: 16 << 20)),
        ("05106162", .truncatedElement(offset: 1)),
        ("28f410", .truncatedElement(offset: 1)),
        ("0500", .truncatedElement(offset: 1)),
        ("080061 01", .truncatedElement(offset: 3)),
        ("080061 1e01", .truncatedElement(offset: 3)),
        ("080061 17010000", .truncatedElement(offset: 3)),
        ("050061 0100", .badCopyOffset(offset: 3, distance: 0, produced: 1)),
        ("050061 0102", .badCopyOffset(offset: 3, distance: 2, produced: 1)),
        ("050061 1e0500", .badCopyOffset(offset: 3, distance: 5, produced: 1)),
        ("01046162", .outputOverflow(offset: 1, declared: 1)),
        ("030061 0101", .outputOverflow(offset: 3, declared: 3)),
        ("05046162", .lengthMismatch(declared: 5, produced: 2)),
        ("05", .lengthExceedsInput(declared: 5, elementBytes: 0)),
    ])
    func malformed(hex: String, expected: SnappyError) {
        let block = Support.bytes(hex.replacingOccurrences(of: " ", with: ""))
        #expect(throws: expected) { try Snappy.decompress(block) }
        #expect(!expected.description.contains("\n"))
        #expect(expected.description.hasPrefix("invalid Snappy block: "))
    }

    @Test("the maximum length is checked before decoding")
    func maximumLength() throws {
        let compressed = Snappy.compress([UInt8](repeating: 1, count: 1000))
        #expect(throws: SnappyError.lengthTooLarge(declared: 1000, maximum: 999)) {
            try Snappy.decompress(compressed, maximumLength: 999)
        }
        #expect(try Snappy.decompress(compressed, maximumLength: 1000).count == 1000)
        #expect(try Snappy.decompressedLength(compressed) == 1000)
    }

    // MARK: - Round trips and the reference

    @Test("compress then decompress gives back every corpus input")
    func roundTrip() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        for input in Support.corpus(using: &rng) {
            let back = try Snappy.decompress(Snappy.compress(input))
            #expect(back == input, "seed \(seed), input of \(input.count) bytes")
        }
    }

    @Test("differential against cramjam: ours → reference and reference → ours",
          .enabled(if: TestEnvironment.oraclesEnabled))
    func differential() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        let inputs = Support.corpus(using: &rng)
        let ours = inputs.map(Snappy.compress)
        let reply = try PythonOracle.run("snappy_oracle.py", input: [
            "compress": inputs.map { Hex.encode($0, prefix: false) },
            "decompress": ours.map { Hex.encode($0, prefix: false) },
        ]) as? [String: Any]
        let referenceCompressed = try #require(reply?["compressed"] as? [String])
        let referenceDecompressed = try #require(reply?["decompressed"] as? [Any])
        #expect(referenceCompressed.count == inputs.count && referenceDecompressed.count == inputs.count)
        var oursTotal = 0, referenceTotal = 0
        for (index, input) in inputs.enumerated() {
            let context = "seed \(seed), input \(index) of \(input.count) bytes"
            // Our block, decoded by the reference.
            #expect((referenceDecompressed[index] as? String).map(Support.bytes) == input, "\(context): reference rejected or misread our block")
            // The reference's block, decoded by us.
            let theirs = Support.bytes(referenceCompressed[index])
            #expect(try Snappy.decompress(theirs) == input, "\(context): we misread the reference's block")
            oursTotal += ours[index].count
            referenceTotal += theirs.count
        }
        // A reasonable ratio: within a few percent of the reference over the corpus.
        #expect(Double(oursTotal) <= Double(referenceTotal) * 1.05 + 64, "ours \(oursTotal) bytes, reference \(referenceTotal)")
    }

    @Test("the reference rejects what we reject (malformed blocks)",
          .enabled(if: TestEnvironment.oraclesEnabled))
    func referenceAgreesOnMalformed() throws {
        let blocks = ["80", "05106162", "080061 1e01", "050061 0100", "050061 0102", "01046162", "05046162", "0500"]
            .map { $0.replacingOccurrences(of: " ", with: "") }
        let reply = try PythonOracle.run("snappy_oracle.py", input: ["decompress": blocks]) as? [String: Any]
        let results = try #require(reply?["decompressed"] as? [Any])
        for (block, result) in zip(blocks, results) {
            #expect(result is NSNull, "reference accepted \(block)")
            #expect(throws: SnappyError.self) { try Snappy.decompress(Support.bytes(block)) }
        }
    }
}
