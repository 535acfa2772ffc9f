import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Shared helpers for mutating encodings.
enum ABIRobustnessSupport {
    /// A corrupted copy of an encoding: a flipped bit, a hostile word (huge, self-pointing,
    /// past the end, misaligned), a truncation, extra bytes, or a dropped word.
    static func mutate(_ input: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return rng.bytes(Int.random(in: 1...64, using: &rng)) }
        let words = bytes.count / 32
        switch Int.random(in: 0..<7, using: &rng) {
        case 0:
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1, 2:
            guard words > 0 else { return bytes }
            let w = Int.random(in: 0..<words, using: &rng)
            let hostile: [U256] = [
                .max, U256.one << 255, U256(UInt64.max), U256(1 << 32), U256(UInt64(bytes.count)),
                U256(UInt64(w * 32)), U256(UInt64(bytes.count + 32)), U256(UInt64(Int.random(in: 0...(bytes.count + 64), using: &rng))),
                .zero, U256(0x20), U256(0x21), U256(UInt64(Int.random(in: 0...3, using: &rng) * 32)),
            ]
            bytes.replaceSubrange((w * 32)..<(w * 32 + 32), with: hostile.randomElement(using: &rng)!.bigEndianBytes)
        case 3:
            bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
        case 4:
            bytes += rng.bytes([1, 31, 32, 64].randomElement(using: &rng)!)
        case 5:
            guard words > 0 else { return bytes }
            let w = Int.random(in: 0..<words, using: &rng)
            bytes.removeSubrange((w * 32)..<(w * 32 + 32))
        default:
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
        }
        return bytes
    }
}

@Suite struct ABIDecoderRobustnessTests {
    /// 12,000 mutated encodings and random byte strings: decode or throw, never crash, and fast.
    @Test func mutatedAndRandomInputs() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        let clock = ContinuousClock()
        var slowest = Duration.zero
        var accepted = 0, rejected = 0
        for round in 0..<12_000 {
            var types = ABITestSupport.randomTypeList(using: &rng)
            if types.isEmpty { types = [ABITestSupport.randomType(depth: 3, using: &rng)] }
            let data: [UInt8]
            if round % 4 == 0 {
                data = rng.bytes(32 * Int.random(in: 0...12, using: &rng) + (Bool.random(using: &rng) ? 0 : Int.random(in: 1...31, using: &rng)))
            } else {
                let values = types.map { ABITestSupport.randomValue($0, using: &rng) }
                var encoded = try ABIEncoder.encode(values, as: types)
                for _ in 0..<Int.random(in: 1...3, using: &rng) { encoded = ABIRobustnessSupport.mutate(encoded, using: &rng) }
                data = encoded
            }
            let start = clock.now
            let result = Result { () throws(ABIError) in try ABIDecoder.decode(data, as: types) }
            slowest = max(slowest, clock.now - start)
            switch result {
            case .success(let values):
                accepted += 1
                // Whatever decodes is well-typed: it encodes again, to no more than the input's size.
                let again = try ABIEncoder.encode(values, as: types)
                #expect(again.count <= 2 * data.count + 512, "seed \(seed): decoded values re-encode far larger than the input")
            case .failure(let error):
                rejected += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(accepted > 500 && rejected > 5000, "seed \(seed): accepted \(accepted), rejected \(rejected)")
        #expect(slowest < .milliseconds(200), "seed \(seed): slowest decode took \(slowest)")
    }

    private func word(_ value: U256) -> [UInt8] { value.bigEndianBytes }
    private func word(_ value: Int) -> [UInt8] { U256(UInt64(value)).bigEndianBytes }

    @Test func hugeLengthsAreRejectedBeforeAllocating() throws {
        let types = [try ABIType(parsing: "uint256[]")]
        for length in [U256(UInt64.max), U256.max, U256(1 << 40), U256(3)] {
            let data = word(0x20) + word(length) + word(1) + word(2)
            #expect(throws: ABIError.self) { try ABIDecoder.decode(data, as: types) }
        }
        let bytesType = [ABIType.bytes]
        #expect(throws: ABIError.self) { try ABIDecoder.decode(word(0x20) + word(U256.one << 255), as: bytesType) }
        #expect(throws: ABIError.self) { try ABIDecoder.decode(word(0x20) + word(33) + word(0), as: bytesType) }
    }

    @Test func offsetsOutOfRangeOrMisalignedAreRejected() throws {
        let types: [ABIType] = [.string]
        let good = word(0x20) + word(2) + [0x68, 0x69] + [UInt8](repeating: 0, count: 30)
        #expect(try ABIDecoder.decode(good, as: types) == [.string("hi")])
        for offset in [U256.max, U256(UInt64(good.count)), U256(0x21), U256(1 << 62)] {
            var bad = good
            bad.replaceSubrange(0..<32, with: word(offset))
            let error = try #require(throws: ABIError.self) { try ABIDecoder.decode(bad, as: types) }
            #expect(error.description.contains("at byte 0"), "\(error)")
        }
    }

    @Test func dirtyBitsAndPaddingAreRejected() throws {
        func rejects(_ type: String, _ data: [UInt8]) throws -> String {
            let error = try #require(throws: ABIError.self) { try ABIDecoder.decode(data, as: [try ABIType(parsing: type)]) }
            return error.description
        }
        #expect(try rejects("uint8", word(256)).contains("uint8"))
        #expect(try rejects("address", word(U256.one << 160)).contains("address"))
        #expect(try rejects("bool", word(2)).contains("bool"))
        #expect(try rejects("int8", word(128)).contains("int8"))
        #expect(try ABIDecoder.decode(word(U256.max), as: [.int(bits: 8)]) == [.int(I256(-1))])
        #expect(try rejects("bytes2", [0xab, 0xcd, 0x01] + [UInt8](repeating: 0, count: 29)).contains("padding"))
        #expect(try rejects("bytes", word(0x20) + word(1) + [0xab, 0x01] + [UInt8](repeating: 0, count: 30)).contains("at byte 65"))
        #expect(try rejects("string", word(0x20) + word(1) + [0xff] + [UInt8](repeating: 0, count: 31)).contains("UTF-8"))
        #expect(try rejects("uint256", word(1) + [0]).contains("unused"))
        #expect(try ABIDecoder.decode(word(1) + [0], as: [.uint(bits: 256)], allowTrailingBytes: true) == [.uint(1)])
    }

    /// Five levels of arrays whose eight elements all point at the same child: 8^5 leaves
    /// from 1.5 KB. Rejected at once instead of decoded.
    @Test func aliasedOffsetsCannotExplode() throws {
        let levels = 5, width = 8
        var data = word(0x20)
        for level in 0..<levels {
            data += word(width)
            if level == levels - 1 {
                for i in 0..<width { data += word(i) }
            } else {
                for _ in 0..<width { data += word(width * 32) }  // each element: the next level's array
            }
        }
        let type = try ABIType(parsing: "uint256" + String(repeating: "[]", count: levels))
        let start = ContinuousClock.now
        let error = try #require(throws: ABIError.self) { try ABIDecoder.decode(data, as: [type]) }
        #expect(error.description.contains("aliased"))
        #expect(ContinuousClock.now - start < .milliseconds(100))
    }

    @Test func offsetsIntoTheirOwnHeadAreRejected() throws {
        // (bytes) whose offset points at itself (its length word would be the offset).
        let own = try #require(throws: ABIError.self) { try ABIDecoder.decode(word(0) + word(0), as: [.bytes]) }
        #expect(own.description.contains("points into the head"), "\(own)")
        // uint256[][] whose inner offset (0) points at itself.
        let data = word(0x20) + word(1) + word(U256.zero)
        #expect(throws: ABIError.self) { try ABIDecoder.decode(data, as: [try ABIType(parsing: "uint256[][]")]) }
        // (uint256,string): the string's offset 0x20 points into the head (the offset word itself).
        #expect(throws: ABIError.self) { try ABIDecoder.decode(word(1) + word(0x20) + word(0), as: [.uint(bits: 256), .string]) }
        #expect(try ABIDecoder.decode(word(1) + word(0x40) + word(0), as: [.uint(bits: 256), .string]) == [.uint(1), .string("")])
    }
}
