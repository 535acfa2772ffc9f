import SigilCore
import SigilTestSupport
import Testing

@Suite("RLP decoder")
struct RLPDecoderTests {
    private func bytes(_ hex: String) -> [UInt8] { RLPTestSupport.bytes(hex) }

    /// The error `decode` throws for `hex`, or nil if it was accepted.
    private func failure(_ hex: String, maxDepth: Int = RLP.maxDepth) -> RLPError? {
        do {
            _ = try RLP.decode(bytes(hex), maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ input: [UInt8]) -> RLPError? {
        do { _ = try RLP.decode(input); return nil } catch { return error }
    }

    @Test("known answers decode")
    func knownAnswers() throws {
        #expect(try RLP.decode(bytes("83646f67")) == .string("dog"))
        #expect(try RLP.decode(bytes("c88363617483646f67")) == .list([.string("cat"), .string("dog")]))
        #expect(try RLP.decode(bytes("80")) == .bytes([]))
        #expect(try RLP.decode(bytes("c0")) == .list([]))
        #expect(try RLP.decode(bytes("0f")) == .bytes([0x0f]))
        #expect(try RLP.decode(bytes("820400")).uint64() == 1024)
        #expect(try RLP.decode(bytes("8180")) == .bytes([0x80]))
        let s56 = [UInt8](repeating: 0x61, count: 56)
        #expect(try RLP.decode([0xb8, 56] + s56) == .bytes(s56))
        #expect(try RLP.decode([0xb7] + s56.dropLast()) == .bytes(Array(s56.dropLast())))
        #expect(try RLP.decode([0xf8, 56] + [UInt8](repeating: 1, count: 56))
            == .list([RLPItem](repeating: .bytes([1]), count: 56)))
    }

    @Test("a single byte < 0x80 wrapped as a 1-byte string is rejected at its header")
    func nonCanonicalSingleByte() {
        #expect(failure("8105") == RLPError(reason: .nonCanonicalSingleByte, offset: 0))
        #expect(failure("8100") == RLPError(reason: .nonCanonicalSingleByte, offset: 0))
        #expect(failure("c28105") == RLPError(reason: .nonCanonicalSingleByte, offset: 1))
        #expect(failure("c3828105") == nil) // a 2-byte string 0x81 0x05 is fine
        let error = failure("c3c28105")
        #expect(error == RLPError(reason: .nonCanonicalSingleByte, offset: 2))
        #expect(error?.description == "invalid RLP at byte 2: single byte 0x05 wrapped in a string header (must be encoded as itself)")
        #expect(error?.category == .invalidInput)
    }

    @Test("long form used for a length below 56 is rejected")
    func nonCanonicalLongForm() {
        #expect(failure("b801ff") == RLPError(reason: .nonCanonicalLengthShortForm, offset: 0))
        #expect(failure("f803112233") == RLPError(reason: .nonCanonicalLengthShortForm, offset: 0))
        #expect(failure([0xb8, 55] + [UInt8](repeating: 0x61, count: 55)) == RLPError(reason: .nonCanonicalLengthShortForm, offset: 0))
        #expect(failure("c480b80100") == RLPError(reason: .nonCanonicalLengthShortForm, offset: 2))
    }

    @Test("a long-form length with a leading zero byte is rejected at that byte")
    func leadingZeroInLength() {
        #expect(failure("b800") == RLPError(reason: .leadingZeroInLength, offset: 1))
        #expect(failure("f800") == RLPError(reason: .leadingZeroInLength, offset: 1))
        #expect(failure([0xb9, 0x00, 0x40] + [UInt8](repeating: 0, count: 64)) == RLPError(reason: .leadingZeroInLength, offset: 1))
        #expect(failure([0xc6, 0x80, 0xba, 0x00, 0x00, 0x40, 0x80]) == RLPError(reason: .leadingZeroInLength, offset: 3))
    }

    @Test("lengths past the end of the input are truncated, reported at the header")
    func truncated() {
        #expect(failure("83646f") == RLPError(reason: .truncated, offset: 0))
        #expect(failure("81") == RLPError(reason: .truncated, offset: 0))
        #expect(failure("b904") == RLPError(reason: .truncated, offset: 0))       // header itself cut short
        #expect(failure("b840ffeedd") == RLPError(reason: .truncated, offset: 0))
        #expect(failure("c5010203") == RLPError(reason: .truncated, offset: 0))
        #expect(failure("bf0f000000000000021111") == RLPError(reason: .truncated, offset: 0))
        #expect(throws: RLPError(reason: .truncated, offset: 3)) {
            try RLP.decodePrefix(self.bytes("c0c0c0830102"), from: 3)
        }
    }

    @Test("bytes after the item are rejected at the first extra byte")
    func trailingBytes() {
        #expect(failure("83646f6700") == RLPError(reason: .trailingBytes, offset: 4))
        #expect(failure("c0c0") == RLPError(reason: .trailingBytes, offset: 1))
        #expect(failure("c10102") == RLPError(reason: .trailingBytes, offset: 2))
    }

    @Test("an item running past its enclosing list is rejected at the item's header")
    func listLengthMismatch() {
        // The 0x84 string at byte 5 wants 4 bytes but the list ends at byte 9.
        #expect(failure("c88363617484646f67") == RLPError(reason: .listLengthMismatch, offset: 5))
        #expect(failure("c283616263") == RLPError(reason: .listLengthMismatch, offset: 1))
        #expect(failure("c2c20102") == RLPError(reason: .listLengthMismatch, offset: 1))
        // A long-form header cut by the list's end.
        #expect(failure("c2b9010000") == RLPError(reason: .listLengthMismatch, offset: 1))
    }

    @Test("lengths that overflow Int are rejected")
    func lengthOverflow() {
        #expect(failure("bfffffffffffffffff00") == RLPError(reason: .lengthOverflow, offset: 0))
        #expect(failure("ffffffffffffffffff00") == RLPError(reason: .lengthOverflow, offset: 0))
        // Int.max itself fits, but the end position (9 + Int.max) does not.
        #expect(failure("bf7fffffffffffffff00") == RLPError(reason: .lengthOverflow, offset: 0))
        #expect(failure("ca80bf7fffffffffffffff") == RLPError(reason: .lengthOverflow, offset: 2))
    }

    @Test("nesting deeper than the limit is rejected at the first list past it")
    func tooDeep() throws {
        let atLimit = Self.nested(depth: RLP.maxDepth)
        #expect(failure(atLimit) == nil)
        let pastLimit = Self.nested(depth: RLP.maxDepth + 1)
        // The innermost list (an empty list, 0xc0) is the last byte.
        #expect(failure(pastLimit) == RLPError(reason: .tooDeep, offset: pastLimit.count - 1))
        #expect(failure("c2c1c0", maxDepth: 2) == RLPError(reason: .tooDeep, offset: 2))
        #expect(failure("c2c1c0", maxDepth: 3) == nil)
        // Hostile: 200,000 nested lists must fail cleanly, not overflow the stack.
        let hostile = Self.nested(depth: 200_000)
        let error = try #require(failure(hostile))
        #expect(error.reason == .tooDeep)
        #expect(hostile[error.offset] >= 0xc0)
    }

    @Test("empty input")
    func emptyInput() {
        #expect(failure([]) == RLPError(reason: .emptyInput, offset: 0))
        #expect(throws: RLPError(reason: .emptyInput, offset: 1)) { try RLP.decodePrefix([0x80], from: 1) }
    }

    @Test("decodePrefix reads one item and leaves the rest")
    func decodePrefix() throws {
        // A typed-transaction envelope: type byte, then the RLP list.
        let envelope = bytes("02c88363617483646f67ff")
        let (item, end) = try RLP.decodePrefix(envelope, from: 1)
        #expect(item == .list([.string("cat"), .string("dog")]))
        #expect(end == 10)
        // A stream of items.
        let stream = bytes("8180c00f")
        var offset = 0
        var items = [RLPItem]()
        while offset < stream.count {
            let next = try RLP.decodePrefix(stream, from: offset)
            items.append(next.item)
            offset = next.end
        }
        #expect(items == [.bytes([0x80]), .list([]), .bytes([0x0f])])
    }

    @Test("integer fields: canonical bytes, leading zeros and width")
    func integerFields() throws {
        #expect(try RLPItem.bytes([]).uintBytes() == [])
        #expect(try RLPItem.bytes([0x04, 0x00]).uintBytes() == [0x04, 0x00])
        #expect(throws: RLPError(reason: .leadingZeroInInteger, offset: 0)) { try RLPItem.bytes([0x00]).uintBytes() }
        #expect(throws: RLPError(reason: .leadingZeroInInteger, offset: 0)) { try RLPItem.bytes([0x00, 0x01]).uint64() }
        #expect(throws: RLPError(reason: .expectedBytes, offset: 0)) { try RLPItem.list([]).uintBytes() }
        #expect(throws: RLPError(reason: .expectedList, offset: 0)) { try RLPItem.bytes([]).list() }
        #expect(try RLPItem.bytes([]).uint64() == 0)
        #expect(try RLPItem.bytes([UInt8](repeating: 0xff, count: 8)).uint64() == UInt64.max)
        #expect(throws: RLPError(reason: .integerTooLarge, offset: 0)) {
            try RLPItem.bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]).uint64()
        }
        #expect(try RLPItem.bytes([0x01, 0x00]).uint(as: UInt16.self) == 256)
        #expect(throws: RLPError(reason: .integerTooLarge, offset: 0)) { try RLPItem.bytes([0x01, 0x00]).uint(as: UInt8.self) }
        let description = RLPError(reason: .leadingZeroInInteger, offset: 0).description
        #expect(description.hasPrefix("invalid RLP field: integer has a leading zero byte"))
        // Round trip with the encoder side.
        for value: UInt64 in [0, 1, 0x7f, 0x80, 0xff, 0x100, 1024, UInt64.max] {
            #expect(try RLP.decode(RLP.encode(.uint(value))).uint64() == value)
        }
    }

    /// `depth` nested lists around an empty list at the bottom (the last byte, 0xc0),
    /// built from the inside out without recursion.
    static func nested(depth: Int) -> [UInt8] {
        var headers = [[UInt8]]()
        var payload = 0
        for _ in 1..<depth {
            let header = listHeader(payload)
            headers.append(header)
            payload += header.count
        }
        var out = [UInt8]()
        out.reserveCapacity(payload + 1)
        for header in headers.reversed() { out += header }
        out.append(0xc0)
        return out
    }

    private static func listHeader(_ length: Int) -> [UInt8] {
        let length = length + 1 // counts the final 0xc0 too
        if length < 56 { return [0xc0 + UInt8(length)] }
        var be = [UInt8]()
        var rest = length
        while rest > 0 { be.insert(UInt8(rest & 0xff), at: 0); rest >>= 8 }
        return [0xf7 + UInt8(be.count)] + be
    }
}
