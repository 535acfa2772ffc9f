import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Receipt encoding round trips over every type and outcome, strict decoding, and the bloom.
@Suite struct ReceiptTests {
    static func randomReceipt(using rng: inout SeededGenerator) -> Receipt {
        let logs = (0..<Int.random(in: 0...4, using: &rng)).map { _ in
            Log(address: try! Address(bytes: rng.bytes(20)), topics: (0..<Int.random(in: 0...4, using: &rng)).map { _ in rng.bytes(32) },
                data: rng.bytes(Int.random(in: 0...100, using: &rng)))
        }
        let type = UInt8.random(in: 0...4, using: &rng)
        let outcome: Receipt.Outcome = type == 0 && Int.random(in: 0..<4, using: &rng) == 0
            ? .stateRoot(rng.bytes(32)) : .status(Bool.random(using: &rng))
        return Receipt(type: type, outcome: outcome, cumulativeGasUsed: UInt64.random(in: 0...UInt64.max, using: &rng) >> UInt64.random(in: 0...63, using: &rng),
                       logsBloom: Receipt.bloom(of: logs), logs: logs)
    }

    @Test func encodingRoundTrips() throws {
        var rng = SeededGenerator(seed: ChainTestSupport.seed("receipt round trips"))
        var types = Set<UInt8>()
        for _ in 0..<500 {
            let receipt = Self.randomReceipt(using: &rng)
            let encoded = receipt.encoded
            #expect(try Receipt(encoded: encoded) == receipt)
            #expect(receipt.bloomMatchesLogs)
            if receipt.type == 0 { #expect(encoded[0] >= 0xc0) } else { #expect(encoded[0] == receipt.type) }
            types.insert(receipt.type)
        }
        #expect(types == [0, 1, 2, 3, 4])
    }

    @Test func strictDecoding() throws {
        let good = Receipt(type: 2, outcome: .status(true), cumulativeGasUsed: 21_000, logsBloom: Receipt.bloom(of: []), logs: [])
        let body = Array(good.encoded.dropFirst())
        #expect(throws: ReceiptError.emptyInput) { try Receipt(encoded: []) }
        #expect(throws: ReceiptError.unsupportedType(5)) { try Receipt(encoded: [5] + body) }
        #expect(throws: ReceiptError.unsupportedType(0)) { try Receipt(encoded: [0] + body) }
        // Trailing bytes, a status of 2, a 255-byte bloom, a leading zero in the gas figure.
        #expect(throws: ReceiptError.self) { try Receipt(encoded: good.encoded + [0]) }
        let fields: (RLPItem, RLPItem, RLPItem) -> [UInt8] = { status, gas, bloom in
            [2] + RLP.encode(.list([status, gas, bloom, .list([])]))
        }
        let bloom = RLPItem.bytes([UInt8](repeating: 0, count: 256))
        #expect(try Receipt(encoded: fields(.bytes([1]), .uint(UInt64(21_000)), bloom)) == good)
        #expect(throws: ReceiptError.invalidField(name: "status", problem: "1 bytes; expected empty, 0x01 or a 32-byte state root")) {
            try Receipt(encoded: fields(.bytes([2]), .uint(UInt64(21_000)), bloom))
        }
        #expect(throws: ReceiptError.invalidField(name: "logsBloom", problem: "not 256 bytes")) {
            try Receipt(encoded: fields(.bytes([1]), .uint(UInt64(21_000)), .bytes([UInt8](repeating: 0, count: 255))))
        }
        #expect(throws: ReceiptError.self) { try Receipt(encoded: fields(.bytes([1]), .bytes([0, 1]), bloom)) }
        let badLog = [2] + RLP.encode(.list([.bytes([1]), .uint(UInt64(1)), bloom, .list([.list([.bytes([1]), .list([]), .bytes([])])])]))
        #expect(throws: ReceiptError.invalidField(name: "logs[0].address", problem: "not 20 bytes")) { try Receipt(encoded: badLog) }
    }

    @Test func bloomSetsThreeBitsPerItem() throws {
        // One address alone sets at most 3 bits; the bloom is the OR over items.
        let address = try Address(parsing: "0x0000000000000000000000000000000000000001")
        let single = Receipt.bloom(of: [Log(address: address, topics: [], data: [])])
        let bits = single.reduce(0) { $0 + $1.nonzeroBitCount }
        #expect((1...3).contains(bits))
        // Hand-computed for this address: keccak256 gives the three 11-bit indices.
        let hash = Keccak256.hash(address.bytes)
        var expected = [UInt8](repeating: 0, count: 256)
        for pair in [0, 2, 4] {
            let bit = (Int(hash[pair]) << 8 | Int(hash[pair + 1])) % 2048
            expected[255 - bit / 8] |= UInt8(1) << (bit % 8)
        }
        #expect(single == expected)
        let topic = [UInt8](repeating: 0xab, count: 32)
        let both = Receipt.bloom(of: [Log(address: address, topics: [topic], data: [1, 2])])
        #expect(zip(both, single).allSatisfy { $0 & $1 == $1 })   // adding a topic only sets bits
        #expect(both != single)
        #expect(Receipt.bloom(of: []) == [UInt8](repeating: 0, count: 256))
    }
}
