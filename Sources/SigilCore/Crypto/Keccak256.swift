/// Keccak-256 as Ethereum uses it (the original Keccak padding 0x01, not SHA3's 0x06).
///
/// A value type: copying a hasher copies its state, so a running hash can be forked
/// (RLPx MACs need that). `finalize()` does not consume the state.
public struct Keccak256: Sendable {
    static let rate = 136
    private var state = [UInt64](repeating: 0, count: 25)
    private var buffer = [UInt8]()

    public init() {}

    public mutating func update(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        while buffer.count >= Self.rate {
            absorb(buffer[0..<Self.rate])
            buffer.removeFirst(Self.rate)
        }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        update(Array(bytes))
    }

    /// The digest of everything absorbed so far; the hasher can keep absorbing.
    public func finalize() -> [UInt8] {
        var copy = self
        var last = copy.buffer
        last.append(0x01)
        while last.count < Self.rate { last.append(0) }
        last[Self.rate - 1] |= 0x80
        copy.absorb(last[...])
        var out = [UInt8]()
        out.reserveCapacity(32)
        for i in 0..<4 {
            var lane = copy.state[i]
            for _ in 0..<8 { out.append(UInt8(truncatingIfNeeded: lane)); lane >>= 8 }
        }
        return out
    }

    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var h = Keccak256()
        h.update(bytes)
        return h.finalize()
    }

    public static func hash(_ text: String) -> [UInt8] {
        hash(Array(text.utf8))
    }

    private mutating func absorb(_ block: ArraySlice<UInt8>) {
        var i = block.startIndex
        for lane in 0..<(Self.rate / 8) {
            var v: UInt64 = 0
            for b in 0..<8 { v |= UInt64(block[i + b]) << (8 * UInt64(b)) }
            state[lane] ^= v
            i += 8
        }
        Self.permute(&state)
    }

    private static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]
    private static let rotations: [UInt64] = [
        0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
    ]

    static func permute(_ a: inout [UInt64]) {
        var c = [UInt64](repeating: 0, count: 5)
        var b = [UInt64](repeating: 0, count: 25)
        for round in 0..<24 {
            for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
            for x in 0..<5 {
                let d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
                for y in stride(from: 0, to: 25, by: 5) { a[y + x] ^= d }
            }
            for x in 0..<5 {
                for y in 0..<5 {
                    let r = rotations[x + 5 * y]
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], r)
                }
            }
            for y in stride(from: 0, to: 25, by: 5) {
                for x in 0..<5 { a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]) }
            }
            a[0] ^= roundConstants[round]
        }
    }

    @inline(__always)
    private static func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 {
        n == 0 ? v : (v << n) | (v >> (64 - n))
    }
}
