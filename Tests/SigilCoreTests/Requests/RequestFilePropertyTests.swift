import SigilCore
import SigilTestSupport
import Testing

/// Mutates valid request files and raw unsigned payloads byte by byte: parsing never crashes,
/// and whatever is accepted round-trips exactly.
@Suite("RequestFile properties")
struct RequestFilePropertyTests {
    private static func mutate(_ input: [UInt8], _ random: inout RequestTestRandom) -> [UInt8] {
        var bytes = input
        let interesting = Array("0x\"{}[],:1afAF ".utf8)
        for _ in 0..<random.int(1...4) {
            guard !bytes.isEmpty else { bytes = [UInt8(random.int(0...255))]; continue }
            let index = random.int(0...(bytes.count - 1))
            switch random.int(0...5) {
            case 0: bytes[index] = UInt8(random.int(0...255))
            case 1: bytes[index] = interesting[random.int(0...(interesting.count - 1))]
            case 2: bytes.remove(at: index)
            case 3: bytes.insert(interesting[random.int(0...(interesting.count - 1))], at: index)
            case 4: bytes[index] ^= 1 << UInt8(random.int(0...7))
            default: bytes.removeSubrange(index...)
            }
        }
        return bytes
    }

    @Test func mutatedFilesNeverCrashAndAcceptedOnesRoundTrip() throws {
        let seed: UInt64 = 0x7E57_F11E
        var random = RequestTestRandom(seed: seed)
        var accepted = 0
        let iterations = 10_000
        for index in 0..<iterations {
            let type = TransactionType.allCases[index % 5]
            let original = Array(RequestFile.serialize(random.validRequest(type)).utf8)
            let mutated = Self.mutate(original, &random)
            guard let request = try? RequestFile.parse(mutated) else { continue }
            accepted += 1
            let again = try RequestFile.parse(RequestFile.serialize(request))
            #expect(again == request, "seed \(seed) iteration \(index): \(String(decoding: mutated, as: UTF8.self))")
            _ = TransactionPreview(request)
        }
        #expect(accepted > 0 && accepted < iterations, "seed \(seed): accepted \(accepted)")
    }

    @Test func mutatedRawUnsignedNeverCrashAndAcceptedOnesReencode() throws {
        let seed: UInt64 = 0x7A11_0001
        var random = RequestTestRandom(seed: seed)
        var accepted = 0
        for index in 0..<10_000 {
            let type = TransactionType.allCases[index % 5]
            let original = try random.validRequest(type).rawUnsigned()
            let mutated = Self.mutate(original, &random)
            guard let request = try? TransactionRequest(rawUnsigned: mutated) else { continue }
            accepted += 1
            #expect(try request.rawUnsigned() == mutated, "seed \(seed) iteration \(index): \(mutated.hexString)")
        }
        #expect(accepted > 0, "seed \(seed)")
    }
}
