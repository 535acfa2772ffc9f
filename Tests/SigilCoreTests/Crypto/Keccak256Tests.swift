import Foundation
import SigilCore
import SigilTestSupport
import Testing

@Suite("Keccak256")
struct Keccak256Tests {
    // MARK: Known answers

    /// Well-known Keccak-256 digests (Keccak team / Ethereum constants).
    static let knownAnswers: [(message: [UInt8], digest: String)] = [
        ([], "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        (Array("abc".utf8), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        (Array("The quick brown fox jumps over the lazy dog".utf8),
         "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15"),
        (Array("The quick brown fox jumps over the lazy dog.".utf8),
         "578951e24efd62a3d63a86f7cd19aaa53c898fe287d2552133220370240b572d"),
        (Array("testing".utf8), "5f16f4c7f149ac4f9510d9cf8cf384038ad348b3bcdc01915f95de12df9d1b02"),
        // Empty RLP list (the empty uncles hash) and RLP empty string (the empty trie root).
        ([0xC0], "1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"),
        ([0x80], "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"),
        ([UInt8](repeating: 0x61, count: 1_000_000),
         "fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96"),
    ]

    @Test("known answers", arguments: 0..<knownAnswers.count)
    func knownAnswer(index: Int) {
        let (message, digest) = Self.knownAnswers[index]
        #expect(Keccak256.hash(message).plainHex == digest, "message length \(message.count)")
        var streaming = Keccak256()
        for chunk in message.chunked(by: 1_000) { streaming.update(chunk) }
        #expect(streaming.finalize().plainHex == digest, "streamed, message length \(message.count)")
    }

    @Test("string hashing uses UTF-8, and function selectors are the first 4 bytes")
    func strings() {
        #expect(Keccak256.hash("abc") == Keccak256.hash(Array("abc".utf8)))
        #expect(Keccak256.hash("") == Keccak256.hash([UInt8]()))
        #expect(Keccak256.hash("héllo wörld ✓") == Keccak256.hash(Array("héllo wörld ✓".utf8)))
        #expect(Keccak256.hash("transfer(address,uint256)").prefix(4).map { $0 }.plainHex == "a9059cbb")
        #expect(Keccak256.hash("balanceOf(address)").prefix(4).map { $0 }.plainHex == "70a08231")
    }

    @Test("pointer and caller-buffer variants match the array API")
    func pointerVariants() {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let expected = Keccak256.hash(message)
        message.withUnsafeBytes { bytes in
            #expect(Keccak256.hash(bytes) == expected)
            var out = [UInt8](repeating: 0xEE, count: 40)
            out.withUnsafeMutableBytes { Keccak256.hash(bytes, into: $0) }
            #expect(Array(out.prefix(32)) == expected)
            #expect(out.suffix(8).allSatisfy { $0 == 0xEE }, "wrote past 32 bytes")
        }
        // Hashing a buffer into itself.
        var inPlace = Array(message.prefix(64))
        inPlace.withUnsafeMutableBytes { Keccak256.hash(UnsafeRawBufferPointer($0), into: $0) }
        #expect(Array(inPlace.prefix(32)) == Keccak256.hash(Array(message.prefix(64))))
    }

    // MARK: Oracle: every short length and the rate boundaries

    @Test("every length 0...300 and rate-boundary lengths match the Python oracle",
          .enabled(if: TestEnvironment.oraclesEnabled))
    func lengthsAgainstOracle() throws {
        let lengths = Array(0...300) + [407, 408, 409, 543, 544, 545, 1087, 1088, 1089, 4096]
        let messages = lengths.map { n in (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ n) } }
        let expected = try Self.oracle(messages)
        for (message, digest) in zip(messages, expected) {
            #expect(Keccak256.hash(message).plainHex == digest, "length \(message.count)")
        }
    }

    // MARK: Streaming and forking

    @Test("streaming in random chunk splits equals one-shot")
    func streamingSplits() {
        var rng = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        for _ in 0..<300 {
            let message = rng.bytes(Int.random(in: 0...1_200, using: &rng))
            let oneShot = Keccak256.hash(message)
            var hasher = Keccak256()
            var index = 0
            while index < message.count {
                let take = Swift.min(message.count - index, Int.random(in: 0...300, using: &rng))
                let chunk = Array(message[index..<(index + take)])
                if Bool.random(using: &rng) {
                    hasher.update(chunk)
                } else {
                    chunk.withUnsafeBytes { hasher.update($0) }
                }
                index += take
            }
            #expect(hasher.finalize() == oneShot, "seed \(rng.seed), length \(message.count)")
        }
    }

    @Test("finalize does not consume; a copied hasher forks independently")
    func forking() {
        var rng = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        for _ in 0..<100 {
            let prefix = rng.bytes(Int.random(in: 0...400, using: &rng))
            let left = rng.bytes(Int.random(in: 0...400, using: &rng))
            let right = rng.bytes(Int.random(in: 0...400, using: &rng))
            var a = Keccak256()
            a.update(prefix)
            #expect(a.finalize() == Keccak256.hash(prefix), "seed \(rng.seed)")
            var b = a
            a.update(left)
            b.update(right)
            #expect(a.finalize() == Keccak256.hash(prefix + left), "seed \(rng.seed)")
            #expect(b.finalize() == Keccak256.hash(prefix + right), "seed \(rng.seed)")
            // Finalizing twice and continuing after finalize.
            #expect(a.finalize() == a.finalize())
            a.update(right)
            #expect(a.finalize() == Keccak256.hash(prefix + left + right), "seed \(rng.seed)")
        }
    }

    // MARK: Differential

    @Test("1,000 random inputs (0...4096 bytes) match the Python oracle byte for byte",
          .enabled(if: TestEnvironment.oraclesEnabled))
    func randomDifferential() throws {
        var rng = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        let messages = (0..<1_000).map { _ in rng.bytes(Int.random(in: 0...4_096, using: &rng)) }
        let expected = try Self.oracle(messages)
        try #require(expected.count == messages.count)
        var mismatches = 0
        for (message, digest) in zip(messages, expected) {
            var streamed = Keccak256()
            for chunk in message.chunked(by: 97) { streamed.update(chunk) }
            let oneShot = Keccak256.hash(message).plainHex
            if oneShot != digest || streamed.finalize().plainHex != digest { mismatches += 1 }
        }
        #expect(mismatches == 0, "seed \(rng.seed): \(mismatches) of \(messages.count) digests differ")
    }

    static func oracle(_ messages: [[UInt8]]) throws -> [String] {
        let output = try PythonOracle.run("keccak.py", input: messages.map(\.plainHex))
        return try #require(output as? [String])
    }
}

extension Array where Element == UInt8 {
    fileprivate func chunked(by size: Int) -> [[UInt8]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

extension Array where Element == UInt8 {
    /// Lowercase hex without the 0x prefix, the oracle's format.
    fileprivate var plainHex: String { Hex.encode(self, prefix: false) }
}
