import SigilCore
import SigilTestSupport
import Testing

@Suite("RLP encoder")
struct RLPEncoderTests {
    private func hex(_ item: RLPItem) -> String { Hex.encode(RLP.encode(item)) }

    @Test("known answers: strings, lists, integers")
    func knownAnswers() {
        #expect(hex(.string("dog")) == "0x83646f67")
        // ["cat", "dog"]: both are 3-byte strings, so each gets header 0x83.
        #expect(hex(.list([.string("cat"), .string("dog")])) == "0xc88363617483646f67")
        #expect(hex(.bytes([])) == "0x80")
        #expect(hex(.list([])) == "0xc0")
        #expect(hex(.uint(0 as UInt64)) == "0x80")
        #expect(hex(.uint(15 as UInt64)) == "0x0f")
        #expect(hex(.uint(1024 as UInt64)) == "0x820400")
        #expect(hex(.list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])])) == "0xc7c0c1c0c3c0c1c0")
    }

    @Test("single bytes: below 0x80 as themselves, from 0x80 with a header")
    func singleBytes() {
        #expect(hex(.bytes([0x00])) == "0x00")
        #expect(hex(.bytes([0x7f])) == "0x7f")
        #expect(hex(.bytes([0x80])) == "0x8180")
        #expect(hex(.bytes([0xff])) == "0x81ff")
    }

    @Test("string lengths 55 and 56 switch from short to long form")
    func stringBoundary() {
        let s55 = [UInt8](repeating: 0x61, count: 55)
        let s56 = [UInt8](repeating: 0x61, count: 56)
        #expect(RLP.encode(.bytes(s55)) == [0xb7] + s55)
        #expect(RLP.encode(.bytes(s56)) == [0xb8, 56] + s56)
        let s1024 = [UInt8](repeating: 0x62, count: 1024)
        #expect(RLP.encode(.bytes(s1024)) == [0xb9, 0x04, 0x00] + s1024)
        let s70000 = [UInt8](repeating: 0x63, count: 70_000)
        #expect(RLP.encode(.bytes(s70000)).prefix(4) == [0xba, 0x01, 0x11, 0x70])
    }

    @Test("list payloads of 55 and 56 bytes switch from short to long form")
    func listBoundary() {
        // One string of 54 bytes encodes to 55 bytes (header 0xb6).
        let payload55 = RLPItem.list([.bytes([UInt8](repeating: 1, count: 54))])
        #expect(RLP.encode(payload55) == [0xf7, 0xb6] + [UInt8](repeating: 1, count: 54))
        let payload56 = RLPItem.list([.bytes([UInt8](repeating: 1, count: 55))])
        #expect(RLP.encode(payload56) == [0xf8, 56, 0xb7] + [UInt8](repeating: 1, count: 55))
        // 56 single-byte items: payload of 56 bytes.
        let bytes56 = RLPItem.list([RLPItem](repeating: .bytes([0x01]), count: 56))
        #expect(RLP.encode(bytes56) == [0xf8, 56] + [UInt8](repeating: 1, count: 56))
    }

    @Test("nested long lists are written with correct lengths at every level")
    func nestedLongLists() {
        let inner = RLPItem.list([RLPItem](repeating: .bytes([UInt8](repeating: 7, count: 60)), count: 5)) // 5 * 62 = 310
        let outer = RLPItem.list([inner, .bytes([]), inner])
        let element: [UInt8] = [0xb8, 60] + [UInt8](repeating: 7, count: 60)
        let innerEncoding: [UInt8] = [0xf9, 0x01, 0x36] + element.repeated(5)
        #expect(RLP.encode(inner) == innerEncoding)
        let payload = innerEncoding + [0x80] + innerEncoding
        #expect(RLP.encode(outer) == [0xf9, 0x02, 0x73] + payload)
        #expect(RLP.encodedLength(outer) == 3 + payload.count)
    }

    @Test("encode(into:) appends after existing bytes")
    func appends() {
        var out: [UInt8] = [0x02]
        RLP.encode(.list([.string("dog")]), into: &out)
        RLP.encode(.string("cat"), into: &out)
        #expect(out == [0x02, 0xc4, 0x83, 0x64, 0x6f, 0x67, 0x83, 0x63, 0x61, 0x74])
    }

    @Test("integers are minimal big-endian for every width")
    func integers() {
        #expect(RLPItem.uint(0 as UInt8) == .bytes([]))
        #expect(RLPItem.uint(0x80 as UInt8) == .bytes([0x80]))
        #expect(RLPItem.uint(0x0100 as UInt16) == .bytes([0x01, 0x00]))
        #expect(RLPItem.uint(UInt32.max) == .bytes([0xff, 0xff, 0xff, 0xff]))
        #expect(RLPItem.uint(UInt64(1) << 56) == .bytes([1, 0, 0, 0, 0, 0, 0, 0]))
        #expect(RLPItem.uint(UInt(100_000)) == .bytes([0x01, 0x86, 0xa0]))
        #expect(RLPItem.uint(UInt128.max) == .bytes([UInt8](repeating: 0xff, count: 16)))
    }

    @Test("uintBytes strips leading zeros of a 32-byte value")
    func uintBytes() {
        var word = [UInt8](repeating: 0, count: 32)
        #expect(RLPItem.uintBytes(word) == .bytes([]))
        word[30] = 0x04
        #expect(RLPItem.uintBytes(word) == .bytes([0x04, 0x00]))
        #expect(RLPItem.uintBytes([0x00, 0x7f]) == .bytes([0x7f]))
        #expect(hex(.uintBytes([0x00, 0x7f])) == "0x7f")
        #expect(RLPItem.uintBytes([]) == .bytes([]))
    }

    @Test("accessors")
    func accessors() {
        #expect(RLPItem.string("a").bytesValue == [0x61])
        #expect(RLPItem.string("a").listValue == nil)
        #expect(RLPItem.list([]).listValue == [])
        #expect(RLPItem.list([]).bytesValue == nil)
        #expect(RLPItem.list([.string("dog"), .list([])]).description == "[\"0x646f67\", []]")
    }
}

private extension Array {
    func repeated(_ times: Int) -> [Element] { Array([[Element]](repeating: self, count: times).joined()) }
}
