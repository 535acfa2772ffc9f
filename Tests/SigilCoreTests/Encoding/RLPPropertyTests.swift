import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Shared helpers for the RLP test files (prefixed to stay out of other suites' way).
enum RLPTestSupport {
    static func bytes(_ hex: String) -> [UInt8] {
        do { return try Hex.decode(hex, prefix: .optional) } catch { fatalError("bad hex in test: \(hex)") }
    }

    /// A nested structure for JSON: hex strings (no prefix) for byte strings, arrays for lists.
    static func json(_ item: RLPItem) -> Any {
        switch item {
        case .bytes(let bytes): return Hex.encode(bytes, prefix: false)
        case .list(let items): return items.map(json)
        }
    }

    /// The inverse of `json`, accepting hex with or without `0x`; nil if malformed.
    static func item(fromJSON value: Any) -> RLPItem? {
        if let text = value as? String {
            guard let bytes = try? Hex.decode(text, prefix: .optional) else { return nil }
            return .bytes(bytes)
        }
        if let array = value as? [Any] {
            var items = [RLPItem]()
            for element in array {
                guard let item = item(fromJSON: element) else { return nil }
                items.append(item)
            }
            return .list(items)
        }
        return nil
    }

    /// A byte string whose length favours the encoding's boundaries (0, 1, 55, 56, ...).
    static func randomBytes(using rng: inout SeededGenerator) -> [UInt8] {
        let length: Int
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: length = 0
        case 1, 2: length = 1
        case 3: length = [54, 55, 56, 57].randomElement(using: &rng)!
        case 4: length = Int.random(in: 58...300, using: &rng)
        case 5:
            length = Int.random(in: 0..<8, using: &rng) == 0
                ? Int.random(in: 250...1100, using: &rng) : Int.random(in: 56...60, using: &rng)
        default: length = Int.random(in: 2...54, using: &rng)
        }
        if length == 1 {
            // Half below 0x80 (encoded as itself), half at or above (needs a header).
            let byte = Int.random(in: 0..<2, using: &rng) == 0
                ? UInt8.random(in: 0...0x7f, using: &rng) : UInt8.random(in: 0x80...0xff, using: &rng)
            return [byte]
        }
        return randomFill(length, using: &rng)
    }

    /// `length` uniformly random bytes, eight per generator step (debug builds are slow per call).
    static func randomFill(_ length: Int, using rng: inout SeededGenerator) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(length)
        while out.count < length {
            var word = rng.next()
            for _ in 0..<min(8, length - out.count) {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }

    /// A random item nested at most `depth` lists deep.
    static func randomItem(depth: Int, using rng: inout SeededGenerator) -> RLPItem {
        guard depth > 0, Int.random(in: 0..<3, using: &rng) != 0 else {
            return .bytes(randomBytes(using: &rng))
        }
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:
            return .list([])
        case 1:
            // One string sized so the list payload lands on 54...57 bytes.
            let length = Int.random(in: 53...56, using: &rng)
            return .list([.bytes([UInt8](repeating: 0xaa, count: length))])
        default:
            let count = Int.random(in: 1...6, using: &rng)
            return .list((0..<count).map { _ in randomItem(depth: depth - 1, using: &rng) })
        }
    }

    /// A corrupted copy of a valid encoding: bit flip, truncation, insertion, deletion or
    /// duplication of a byte, or a changed header byte.
    static func mutate(_ input: [UInt8], using rng: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
        let index = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
        case 1: bytes.removeSubrange(Int.random(in: 0..<bytes.count, using: &rng)...)
        case 2: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...bytes.count, using: &rng))
        case 3: bytes.remove(at: index)
        case 4: bytes.insert(bytes[index], at: index)
        default: bytes[index] = [0x80, 0x81, 0xb7, 0xb8, 0xb9, 0xbf, 0xc0, 0xc1, 0xf7, 0xf8, 0xf9, 0xff].randomElement(using: &rng)!
        }
        return bytes
    }

    /// An encoding of `item` that, at random nodes, uses a non-canonical form: a single byte
    /// below 0x80 behind a 0x81 header, a long-form header for a short length, or a long-form
    /// length with a leading zero. `sloppy` says whether any such form was used.
    static func sloppyEncode(_ item: RLPItem, using rng: inout SeededGenerator) -> (bytes: [UInt8], sloppy: Bool) {
        func bigEndian(_ value: Int) -> [UInt8] {
            var be = [UInt8]()
            var rest = value
            while rest > 0 { be.insert(UInt8(rest & 0xff), at: 0); rest >>= 8 }
            return be
        }
        func header(_ length: Int, base: UInt8, sloppy: inout Bool) -> [UInt8] {
            var lengthBytes = bigEndian(length)
            let canonicalLong = length >= 56
            if Int.random(in: 0..<12, using: &rng) == 0 {
                sloppy = true
                // Short length in long form, or a leading zero in a long-form length.
                if canonicalLong || lengthBytes.isEmpty || Bool.random(using: &rng) { lengthBytes.insert(0, at: 0) }
                return [base + 55 + UInt8(lengthBytes.count)] + lengthBytes
            }
            return canonicalLong ? [base + 55 + UInt8(lengthBytes.count)] + lengthBytes : [base + UInt8(length)]
        }
        func walk(_ item: RLPItem, _ sloppy: inout Bool) -> [UInt8] {
            switch item {
            case .bytes(let bytes):
                if bytes.count == 1, bytes[0] < 0x80 {
                    guard Int.random(in: 0..<6, using: &rng) == 0 else { return bytes }
                    sloppy = true
                    return [0x81, bytes[0]]
                }
                return header(bytes.count, base: 0x80, sloppy: &sloppy) + bytes
            case .list(let items):
                var payload = [UInt8]()
                for child in items { payload += walk(child, &sloppy) }
                return header(payload.count, base: 0xc0, sloppy: &sloppy) + payload
            }
        }
        var sloppy = false
        let bytes = walk(item, &sloppy)
        return (bytes, sloppy)
    }

    /// Decodes and, if accepted, demands the re-encoding equal the input (canonical ⇔ accepted);
    /// if rejected, demands an offset inside the input. Returns whether it was accepted and a
    /// failure message (nil when the property holds).
    static func checkCanonical(_ input: [UInt8]) -> (accepted: Bool, failure: String?) {
        do {
            let item = try RLP.decode(input)
            let again = RLP.encode(item)
            return (true, again == input ? nil
                : "accepted \(Hex.encode(input)) but it re-encodes to \(Hex.encode(again))")
        } catch {
            return (false, (0...input.count).contains(error.offset) ? nil
                : "offset \(error.offset) outside the input of \(input.count) bytes: \(error)")
        }
    }
}

@Suite("RLP properties")
struct RLPPropertyTests {
    @Test("random nested items: encoding matches pyrlp and pyrlp decodes it back", .enabled(if: TestEnvironment.oraclesEnabled))
    func differentialAgainstPyrlp() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        let items = (0..<1_200).map { _ in RLPTestSupport.randomItem(depth: 5, using: &rng) }
        let encodings = items.map { RLP.encode($0) }
        let output = try PythonOracle.run("rlp_oracle.py", input: [
            "encode": items.map(RLPTestSupport.json),
            "decode": encodings.map { Hex.encode($0, prefix: false) },
        ])
        let reply = try #require(output as? [String: Any], "seed \(seed)")
        let encoded = try #require(reply["encoded"] as? [String], "seed \(seed)")
        let decoded = try #require(reply["decoded"] as? [Any], "seed \(seed)")
        try #require(encoded.count == items.count && decoded.count == items.count, "seed \(seed)")
        var failures = 0
        for index in items.indices where failures < 5 {
            let ours = Hex.encode(encodings[index], prefix: false)
            let roundTrip = RLPTestSupport.item(fromJSON: decoded[index])
            if ours != encoded[index] || roundTrip != items[index] {
                failures += 1
                Issue.record("seed \(seed) case \(index): sigil \(ours), pyrlp \(encoded[index]), pyrlp decoded \(String(describing: roundTrip))")
            }
            // And our own decoder must read its encoding back.
            if (try? RLP.decode(encodings[index])) != items[index] {
                failures += 1
                Issue.record("seed \(seed) case \(index): Sigil does not decode its own encoding \(ours)")
            }
        }
    }

    @Test("mutated encodings: Sigil accepts exactly what pyrlp strict accepts", .enabled(if: TestEnvironment.oraclesEnabled))
    func acceptanceAgainstPyrlp() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var inputs = (0..<2_000).map { _ in
            RLPTestSupport.mutate(RLP.encode(RLPTestSupport.randomItem(depth: 4, using: &rng)), using: &rng)
        }
        // Structurally intact but non-canonical encodings: both sides must reject them.
        var sloppyIndices = Set<Int>()
        for _ in 0..<2_000 {
            let item = RLPTestSupport.randomItem(depth: 4, using: &rng)
            let (bytes, sloppy) = RLPTestSupport.sloppyEncode(item, using: &rng)
            if sloppy { sloppyIndices.insert(inputs.count) } else { #expect(bytes == RLP.encode(item), "seed \(seed)") }
            inputs.append(bytes)
        }
        #expect(sloppyIndices.count > 500, "seed \(seed)")
        let output = try PythonOracle.run("rlp_oracle.py", input: ["decode": inputs.map { Hex.encode($0, prefix: false) }])
        let decoded = try #require((output as? [String: Any])?["decoded"] as? [Any], "seed \(seed)")
        try #require(decoded.count == inputs.count, "seed \(seed)")
        var failures = 0
        var accepted = 0
        for (index, input) in inputs.enumerated() where failures < 5 {
            let theirs = decoded[index] is NSNull ? nil : RLPTestSupport.item(fromJSON: decoded[index])
            let ours = try? RLP.decode(input)
            if ours != nil { accepted += 1 }
            if ours != nil && sloppyIndices.contains(index) {
                failures += 1
                Issue.record("seed \(seed): non-canonical \(Hex.encode(input)) was accepted")
            }
            if ours != theirs {
                failures += 1
                Issue.record("seed \(seed) input \(Hex.encode(input)): sigil \(String(describing: ours)), pyrlp \(String(describing: theirs))")
            }
        }
        // Some mutations (e.g. a flipped payload bit) stay valid; make sure both sides were exercised.
        #expect(accepted > 100 && accepted < inputs.count - 100, "seed \(seed): \(accepted) of \(inputs.count) accepted")
    }

    @Test("20,000 random byte strings: decode never crashes, accepted ⇔ canonical")
    func randomBytes() {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var failures = 0
        for _ in 0..<20_000 where failures < 5 {
            let length = Int.random(in: 0...(Int.random(in: 0..<4, using: &rng) == 0 ? 200 : 12), using: &rng)
            let input = RLPTestSupport.randomFill(length, using: &rng)
            if let message = RLPTestSupport.checkCanonical(input).failure {
                failures += 1
                Issue.record("seed \(seed): \(message)")
            }
        }
    }

    @Test("20,000 mutated valid encodings: decode never crashes, accepted ⇔ canonical")
    func mutations() {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        var failures = 0
        var accepted = 0
        for _ in 0..<20_000 where failures < 5 {
            var input = RLP.encode(RLPTestSupport.randomItem(depth: 5, using: &rng))
            for _ in 0..<Int.random(in: 1...3, using: &rng) { input = RLPTestSupport.mutate(input, using: &rng) }
            let (wasAccepted, failure) = RLPTestSupport.checkCanonical(input)
            if wasAccepted { accepted += 1 }
            if let message = failure {
                failures += 1
                Issue.record("seed \(seed): \(message)")
            }
        }
        #expect(accepted > 0, "seed \(seed): no mutation stayed valid, the property was not exercised")
    }

    @Test("random items round-trip through encode and decode; encodedLength is exact")
    func roundTrip() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<2_000 {
            let item = RLPTestSupport.randomItem(depth: 6, using: &rng)
            let encoded = RLP.encode(item)
            #expect(RLP.encodedLength(item) == encoded.count, "seed \(seed)")
            #expect(try RLP.decode(encoded) == item, "seed \(seed)")
        }
    }
}
