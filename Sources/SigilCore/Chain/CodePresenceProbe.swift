/// Which of many addresses hold code, in one `eth_call` instead of one `eth_getCode` each.
///
/// The call creates no contract: it is a contract-creation call (no `to`) whose init code is a
/// small loop over the addresses appended to it, running `EXTCODESIZE` on each and returning one
/// byte per address (1: has code, 0: none). Every node runs it (no state override needed), the
/// answer is as much the peer's word as `eth_getCode`'s, and a batch of 10,000 recipients costs
/// the node ten calls instead of 10,000 requests.
public enum CodePresenceProbe {
    /// Addresses per call: 20,050 bytes of init code (the limit is 49,152, EIP-3860) and about
    /// 3 million gas, under every node's call gas cap.
    public static let maxAddresses = 1000

    /// The loop; `N` (the count) and `D` (where the addresses start) are patched in.
    /// Memory: 0..32 holds the current address (right-aligned), 32.. the answer bytes.
    private static let program: [UInt8] = [
        0x60, 0x00,             // 00 PUSH1 0          i = 0
        0x5B,                   // 02 JUMPDEST         loop:
        0x80,                   // 03 DUP1
        0x61, 0x00, 0x00,       // 04 PUSH2 N
        0x14,                   // 07 EQ
        0x61, 0x00, 0x2B,       // 08 PUSH2 end
        0x57,                   // 0B JUMPI            i == N: done
        0x80,                   // 0C DUP1
        0x60, 0x14,             // 0D PUSH1 20
        0x02,                   // 0F MUL
        0x61, 0x00, 0x00,       // 10 PUSH2 D
        0x01,                   // 13 ADD              offset of address i in the code
        0x60, 0x14,             // 14 PUSH1 20
        0x90,                   // 16 SWAP1
        0x60, 0x0C,             // 17 PUSH1 12
        0x39,                   // 19 CODECOPY         memory[12..32] = address i
        0x60, 0x00,             // 1A PUSH1 0
        0x51,                   // 1C MLOAD
        0x3B,                   // 1D EXTCODESIZE
        0x15, 0x15,             // 1E ISZERO ISZERO    1 when it has code
        0x81,                   // 20 DUP2
        0x60, 0x20,             // 21 PUSH1 32
        0x01,                   // 23 ADD
        0x53,                   // 24 MSTORE8          memory[32 + i] = has code
        0x60, 0x01,             // 25 PUSH1 1
        0x01,                   // 27 ADD              i += 1
        0x60, 0x02,             // 28 PUSH1 loop
        0x56,                   // 2A JUMP
        0x5B,                   // 2B JUMPDEST         end:
        0x61, 0x00, 0x00,       // 2C PUSH2 N
        0x60, 0x20,             // 2F PUSH1 32
        0xF3,                   // 31 RETURN           memory[32 ..< 32 + N]
    ]

    /// The init code asking about `addresses` (at most `maxAddresses`).
    public static func initcode(for addresses: [Address]) -> [UInt8] {
        precondition(addresses.count <= maxAddresses, "at most \(maxAddresses) addresses per probe")
        var code = program
        let count = UInt16(addresses.count), start = UInt16(program.count)
        for at in [0x05, 0x2D] { code[at] = UInt8(count >> 8); code[at + 1] = UInt8(count & 0xFF) }
        code[0x11] = UInt8(start >> 8); code[0x12] = UInt8(start & 0xFF)
        code.reserveCapacity(program.count + 20 * addresses.count)
        for address in addresses { code += address.bytes }
        return code
    }

    /// Gas to allow a probe of `count` addresses: the creation's intrinsic cost, then per address
    /// its calldata (320), a cold EXTCODESIZE (2,600), the loop (about 100) and the 200 a
    /// returned byte costs as deposited code, with room to spare.
    public static func gas(for count: Int) -> UInt64 { 100_000 + UInt64(count) * 3_600 }

    /// Whether each of `count` addresses has code, from the call's output; nil unless the output
    /// is exactly `count` bytes of 0 or 1 (a node that did not run the probe as written).
    public static func decode(_ output: [UInt8], count: Int) -> [Bool]? {
        guard output.count == count, output.allSatisfy({ $0 <= 1 }) else { return nil }
        return output.map { $0 == 1 }
    }
}
