import SigilCore
import Testing

/// The probe's init code as laid out (the count and the addresses' offset patched in, the
/// addresses appended in order) and how its answer is read. That a node runs it as meant is
/// checked against eth_getCode in SigilNetTests (`BatchChainViewTests`).
@Suite struct CodePresenceProbeTests {
    let addresses = (1...3).map { n in try! Address(bytes: [UInt8](repeating: n, count: 20)) }

    @Test func initcodeLayout() {
        let code = CodePresenceProbe.initcode(for: addresses)
        #expect(code.count == 50 + 3 * 20)
        #expect(Array(code[4...6]) == [0x61, 0x00, 0x03], "PUSH2 count in the loop test")
        #expect(Array(code[0x2C...0x2E]) == [0x61, 0x00, 0x03], "PUSH2 count for RETURN")
        #expect(Array(code[0x10...0x12]) == [0x61, 0x00, 50], "PUSH2 where the addresses start")
        #expect(code[0x02] == 0x5B && code[0x2B] == 0x5B, "the loop's and the end's JUMPDEST")
        #expect(code[49] == 0xF3, "the program ends with RETURN")
        #expect(Array(code[50...]) == addresses.flatMap(\.bytes))
        let full = CodePresenceProbe.initcode(for: Array(repeating: addresses[0], count: CodePresenceProbe.maxAddresses))
        #expect(full.count <= 49_152, "EIP-3860's init code limit")
        #expect(Array(full[5...6]) == [0x03, 0xE8])
        #expect(CodePresenceProbe.gas(for: 1_000) < 30_000_000)
    }

    @Test func decodeTakesOnlyOneFlagByteEach() {
        #expect(CodePresenceProbe.decode([0, 1, 0], count: 3) == [false, true, false])
        #expect(CodePresenceProbe.decode([], count: 0) == [])
        #expect(CodePresenceProbe.decode([0, 1], count: 3) == nil, "too short")
        #expect(CodePresenceProbe.decode([0, 1, 0, 0], count: 3) == nil, "too long")
        #expect(CodePresenceProbe.decode([0, 2, 0], count: 3) == nil, "not a flag")
    }
}
