import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Strict header decoding and the fork-field rules, on headers built here.
@Suite struct BlockHeaderTests {
    static func sample(fields: Int) -> BlockHeader {
        var header = BlockHeader(
            parentHash: [UInt8](repeating: 1, count: 32), ommersHash: [UInt8](repeating: 2, count: 32), beneficiary: .zero,
            stateRoot: [UInt8](repeating: 3, count: 32), transactionsRoot: MerklePatriciaTrie.emptyRoot,
            receiptsRoot: MerklePatriciaTrie.emptyRoot, logsBloom: [UInt8](repeating: 0, count: 256), difficulty: 0,
            number: 1234, gasLimit: 30_000_000, gasUsed: 0, timestamp: 1_700_000_000, extraData: [0xde, 0xad],
            mixHash: [UInt8](repeating: 4, count: 32), nonce: [UInt8](repeating: 0, count: 8))
        if fields >= 16 { header.baseFeePerGas = 7 }
        if fields >= 17 { header.withdrawalsRoot = MerklePatriciaTrie.emptyRoot }
        if fields >= 20 { header.blobGasUsed = 0; header.excessBlobGas = 131_072; header.parentBeaconBlockRoot = [UInt8](repeating: 5, count: 32) }
        if fields >= 21 { header.requestsHash = [UInt8](repeating: 6, count: 32) }
        return header
    }

    @Test(arguments: [15, 16, 17, 20, 21])
    func everyShapeRoundTrips(fields: Int) throws {
        let header = Self.sample(fields: fields)
        #expect(header.fieldCount == fields)
        try header.validate()
        let decoded = try BlockHeader(rlp: header.rlp)
        #expect(decoded == header)
        #expect(try RLP.decode(header.rlp).list().count == fields)
        #expect(header.hash == Keccak256.hash(header.rlp))
    }

    @Test func strictDecodingNamesTheField() throws {
        var items = try RLP.decode(Self.sample(fields: 21).rlp).list()
        func decode(_ list: [RLPItem]) -> HeaderError? {
            do { _ = try BlockHeader(rlp: RLP.encode(.list(list))); return nil } catch { return error }
        }
        #expect(decode(Array(items.prefix(18))) == .fieldCount(18))
        #expect(decode(Array(items.prefix(14))) == .fieldCount(14))
        var bad = items
        bad[3] = .bytes([UInt8](repeating: 3, count: 31))
        #expect(decode(bad) == .invalidField(name: "stateRoot", problem: "31 bytes, expected 32"))
        bad = items
        bad[8] = .bytes([0, 1])
        #expect(decode(bad).map { if case .invalidField(let name, _) = $0 { return name }; return "" } == "number")
        bad = items
        bad[7] = .bytes([UInt8](repeating: 1, count: 33))
        #expect(decode(bad).map { if case .invalidField(let name, _) = $0 { return name }; return "" } == "difficulty")
        bad = items
        bad[14] = .list([])
        #expect(decode(bad).map { if case .invalidField(let name, _) = $0 { return name }; return "" } == "nonce")
        // Trailing bytes, and a byte string instead of a list.
        #expect(throws: HeaderError.self) { try BlockHeader(rlp: Self.sample(fields: 15).rlp + [0]) }
        #expect(throws: HeaderError.notAList) { try BlockHeader(rlp: RLP.encode(.bytes([1, 2, 3]))) }
        items[6] = .bytes([UInt8](repeating: 0, count: 255))
        #expect(decode(items) == .invalidField(name: "logsBloom", problem: "255 bytes, expected 256"))
        #expect(HeaderError.invalidField(name: "stateRoot", problem: "31 bytes, expected 32").description
                == "block header field stateRoot: 31 bytes, expected 32")
    }

    @Test func forkFieldGapsAreReported() throws {
        var header = Self.sample(fields: 21)
        header.withdrawalsRoot = nil
        #expect(throws: HeaderError.missingField(name: "withdrawalsRoot", requiredBy: "requestsHash")) { try header.validate() }
        #expect(header.fieldCount == 16)   // encodes as its gap-free prefix
        header = Self.sample(fields: 20)
        header.excessBlobGas = nil
        #expect(throws: HeaderError.missingField(name: "excessBlobGas", requiredBy: "parentBeaconBlockRoot")) { try header.validate() }
        #expect(header.fieldCount == 17)
        header = Self.sample(fields: 15)
        header.nonce = [0]
        #expect(throws: HeaderError.invalidField(name: "nonce", problem: "1 bytes, expected 8")) { try header.validate() }
    }
}
