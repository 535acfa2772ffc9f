import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Random mutations of valid documents: parsing either succeeds (and then hashing, encoding
/// and the summary work) or throws a `TypedDataError` with a path; it never crashes or hangs.
@Suite struct TypedDataFuzzTests {
    static let replacements: [JSONValue] = [
        .null, .bool(true), .number("0"), .number("-1"), .number("1.5"), .number("1e400"),
        .number("115792089237316195423570985008687907853269984665640564039457584007913129639936"),
        .string(""), .string("0x"), .string("0x00"), .string("xyz"), .string("-0x5"), .string("uint256[]"),
        .string("Person[2][]"), .string("EIP712Domain"), .string("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827"),
        .array([]), .array([.number("1")]), .object([]), .object([("name", .string("a")), ("type", .string("bool"))]),
    ]

    /// One structural mutation at a random node of `value`.
    static func mutate(_ value: JSONValue, _ g: inout TypedDataTestSupport, depth: Int = 0) -> JSONValue {
        let here = g.chance(0.25) || depth > 6
        switch value {
        case .object(var members) where !members.isEmpty && !here:
            let i = g.int(0...(members.count - 1))
            switch g.int(0...5) {
            case 0: members.remove(at: i)
            case 1: members.append(("extra\(g.int(0...9))", replacements.randomElement(using: &g.rng)!))
            case 2: members.append(members[i])  // repeated key
            case 3: members[i].0 += g.chance(0.5) ? "x" : "[]"
            default: members[i].1 = mutate(members[i].1, &g, depth: depth + 1)
            }
            return .object(members)
        case .array(var items) where !items.isEmpty && !here:
            let i = g.int(0...(items.count - 1))
            switch g.int(0...4) {
            case 0: items.remove(at: i)
            case 1: items.append(items[i])
            case 2: items.swapAt(i, g.int(0...(items.count - 1)))
            default: items[i] = mutate(items[i], &g, depth: depth + 1)
            }
            return .array(items)
        case .string(let text) where g.chance(0.5):
            switch g.int(0...4) {
            case 0: return .string(String(text.dropLast()))
            case 1: return .string(text + ["[]", "[3]", "0", "]", "(", " ", "é"].randomElement(using: &g.rng)!)
            case 2: return .string(text.uppercased())
            case 3: return .string("0x" + text)
            default: return .string(String(text.reversed()))
            }
        case .number(let text) where g.chance(0.5):
            return g.chance(0.5) ? .number("-" + text) : .number(text + "0000000000000000000000000000000000000000000000000000000000000000000000000000")
        default:
            return replacements.randomElement(using: &g.rng)!
        }
    }

    /// Exercises everything a caller can reach on a parsed document.
    static func exercise(_ typed: TypedData) -> Int {
        var total = typed.signingHash.count + typed.domainSeparator.count + typed.encodedMessage.count + typed.encodedDomain.count
        for name in typed.typeNames { total += typed.encodeType(name)?.utf8.count ?? 0 }
        for line in typed.summary { total += line.display.utf8.count }
        return total
    }

    @Test func mutationsNeverCrash() throws {
        let seed = ProcessInfo.processInfo.environment["SIGIL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: .min ... .max)
        var g = TypedDataTestSupport(seed: seed)
        var accepted = 0, refused = 0, jsonRefused = 0
        let start = ContinuousClock.now
        for round in 0..<6000 {
            var document = g.document()
            for _ in 0..<g.int(1...3) { document = Self.mutate(document, &g) }
            var text = document.serialized()
            if round % 5 == 0, !text.isEmpty {
                // Text-level damage: a flipped, deleted or inserted byte, or a truncation.
                var bytes = Array(text.utf8)
                let i = g.int(0...(bytes.count - 1))
                switch g.int(0...3) {
                case 0: bytes[i] ^= UInt8(1 << g.int(0...7))
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(Array("{}[],:\"0x-".utf8).randomElement(using: &g.rng)!, at: i)
                default: bytes.removeSubrange(i...)
                }
                text = String(decoding: bytes, as: UTF8.self)
            }
            do {
                let typed = try TypedData(parsing: text)
                #expect(Self.exercise(typed) > 0)
                #expect(typed.signingHash == Keccak256.hash([0x19, 0x01] + typed.domainSeparator + (typed.messageHash ?? [])))
                accepted += 1
            } catch {
                #expect(!error.description.isEmpty, "seed \(seed)")
                if error.description.hasPrefix("invalid JSON") { jsonRefused += 1 } else { refused += 1 }
            }
        }
        let elapsed = ContinuousClock.now - start
        print("TypedData fuzz: 6000 mutations, \(accepted) accepted, \(refused) refused by TypedData, \(jsonRefused) invalid JSON, \(elapsed), seed \(seed)")
        // Both outcomes must really occur, or the mutator is not doing its job.
        #expect(accepted > 10 && refused > 2000, "accepted \(accepted), refused \(refused), seed \(seed)")
    }
}
