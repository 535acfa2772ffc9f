/// Keccak-256 as Ethereum uses it (the original Keccak padding 0x01, not SHA3's 0x06).
///
/// A value type with no heap storage: copying a hasher copies its state, so a running hash
/// can be forked (RLPx MACs need that). `finalize()` does not consume the state.
///
/// Input is XORed straight into the 25-lane state (there is no separate block buffer);
/// `position` is the byte offset inside the current 136-byte block. Whole blocks are absorbed
/// from the caller's memory with unaligned little-endian loads into a register-resident state.
public struct Keccak256: Sendable {
    /// The sponge rate in bytes: 1600 - 2 * 256 bits.
    public static let rate = 136
    /// The digest length in bytes.
    public static let digestLength = 32

    private var lanes = KeccakLanes.zero
    private var position = 0

    /// An empty hasher.
    public init() {}

    /// Absorbs `bytes`.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Absorbs the bytes of `bytes`.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        var offset = position
        if offset > 0 {
            let take = Swift.min(remaining, Self.rate - offset)
            lanes.xor(source, count: take, at: offset)
            offset += take
            source += take
            remaining -= take
            if offset < Self.rate {
                position = offset
                return
            }
            lanes.permute()
            offset = 0
        }
        let blocks = remaining / Self.rate
        if blocks > 0 {
            lanes.absorb(source, blocks: blocks)
            source += blocks * Self.rate
            remaining -= blocks * Self.rate
        }
        if remaining > 0 { lanes.xor(source, count: remaining, at: 0) }
        position = remaining
    }

    /// The digest of everything absorbed so far; the hasher can keep absorbing.
    public func finalize() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: Self.digestLength) { buffer, count in
            finalize(into: UnsafeMutableRawBufferPointer(buffer))
            count = Self.digestLength
        }
    }

    /// Writes the digest of everything absorbed so far into the first 32 bytes of `output`
    /// (which must hold at least 32). The hasher can keep absorbing.
    public func finalize(into output: UnsafeMutableRawBufferPointer) {
        precondition(output.count >= Self.digestLength, "Keccak256 output buffer shorter than 32 bytes")
        var last = lanes
        last.xorByte(0x01, at: position)
        last.xorByte(0x80, at: Self.rate - 1)
        last.permute()
        last.store(digestTo: output.baseAddress!)
    }

    /// The Keccak-256 digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The Keccak-256 digest of the UTF-8 bytes of `text`.
    public static func hash(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The Keccak-256 digest of the bytes of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: digestLength) { buffer, count in
            hash(bytes, into: UnsafeMutableRawBufferPointer(buffer))
            count = digestLength
        }
    }

    /// Writes the Keccak-256 digest of `bytes` into the first 32 bytes of `output` (which must
    /// hold at least 32); allocates nothing. `output` may overlap `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        var hasher = Keccak256()
        hasher.update(bytes)
        hasher.finalize(into: output)
    }
}

/// The Keccak-f[1600] state: 25 lanes, lane (x, y) at index x + 5y.
///
/// Stored as a homogeneous tuple (guaranteed contiguous) so lanes can be addressed through a
/// pointer; the permutation copies them into `KeccakRegisters` so they live in registers.
struct KeccakLanes: Sendable {
    typealias Words = (
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
        UInt64, UInt64, UInt64, UInt64, UInt64
    )
    var words: Words

    static let zero = KeccakLanes(words: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    @inline(__always)
    private mutating func withLanes<R>(_ body: (UnsafeMutablePointer<UInt64>) -> R) -> R {
        withUnsafeMutablePointer(to: &words) {
            $0.withMemoryRebound(to: UInt64.self, capacity: 25, body)
        }
    }

    /// XORs one byte into the state at byte offset `index` (little-endian lanes).
    mutating func xorByte(_ byte: UInt8, at index: Int) {
        withLanes { $0[index &>> 3] ^= UInt64(byte) &<< UInt64((index & 7) &* 8) }
    }

    /// XORs `count` bytes from `source` into the state starting at byte offset `index`;
    /// `index + count` must not exceed the rate.
    mutating func xor(_ source: UnsafeRawPointer, count: Int, at index: Int) {
        withLanes { lane in
            var i = 0
            var k = index
            while i < count && k & 7 != 0 {
                lane[k &>> 3] ^= UInt64(source.load(fromByteOffset: i, as: UInt8.self)) &<< UInt64((k & 7) &* 8)
                i &+= 1; k &+= 1
            }
            while count &- i >= 8 {
                lane[k &>> 3] ^= UInt64(littleEndian: source.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i &+= 8; k &+= 8
            }
            while i < count {
                lane[k &>> 3] ^= UInt64(source.load(fromByteOffset: i, as: UInt8.self)) &<< UInt64((k & 7) &* 8)
                i &+= 1; k &+= 1
            }
        }
    }

    /// Applies Keccak-f[1600].
    mutating func permute() {
        withLanes { lane in
            var s = KeccakRegisters(lane)
            s.permute()
            s.store(lane)
        }
    }

    /// Absorbs `blocks` consecutive 136-byte blocks from `source`, keeping the state in registers.
    mutating func absorb(_ source: UnsafeRawPointer, blocks: Int) {
        withLanes { lane in
            var s = KeccakRegisters(lane)
            var p = source
            for _ in 0..<blocks {
                s.absorb(p)
                s.permute()
                p += Keccak256.rate
            }
            s.store(lane)
        }
    }

    /// Writes the first 32 bytes of the state (the digest) to `output`, little-endian.
    mutating func store(digestTo output: UnsafeMutableRawPointer) {
        withLanes { lane in
            for i in 0..<4 {
                output.storeBytes(of: lane[i].littleEndian, toByteOffset: i &* 8, as: UInt64.self)
            }
        }
    }
}

/// The state as 25 named lanes, for the unrolled permutation (the optimizer keeps a local
/// value of this type entirely in registers/stack slots; no arrays, no bounds checks).
///
/// Lane complementing: lanes 1, 2, 8, 12, 17 and 20 are held bitwise-inverted while in
/// registers (inverted on load, restored on store). Theta, rho, pi and the input XOR commute
/// with that, and chi can then be written with `&`/`|` and only five NOTs per round instead
/// of 25 (the transform from the Keccak team's implementation notes). XORing input into an
/// inverted lane is still correct: ~a ^ w == ~(a ^ w).
private struct KeccakRegisters {
    var a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12: UInt64
    var a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24: UInt64

    @inline(__always)
    init(_ p: UnsafeMutablePointer<UInt64>) {
        a0 = p[0]; a1 = ~p[1]; a2 = ~p[2]; a3 = p[3]; a4 = p[4]
        a5 = p[5]; a6 = p[6]; a7 = p[7]; a8 = ~p[8]; a9 = p[9]
        a10 = p[10]; a11 = p[11]; a12 = ~p[12]; a13 = p[13]; a14 = p[14]
        a15 = p[15]; a16 = p[16]; a17 = ~p[17]; a18 = p[18]; a19 = p[19]
        a20 = ~p[20]; a21 = p[21]; a22 = p[22]; a23 = p[23]; a24 = p[24]
    }

    @inline(__always)
    func store(_ p: UnsafeMutablePointer<UInt64>) {
        p[0] = a0; p[1] = ~a1; p[2] = ~a2; p[3] = a3; p[4] = a4
        p[5] = a5; p[6] = a6; p[7] = a7; p[8] = ~a8; p[9] = a9
        p[10] = a10; p[11] = a11; p[12] = ~a12; p[13] = a13; p[14] = a14
        p[15] = a15; p[16] = a16; p[17] = ~a17; p[18] = a18; p[19] = a19
        p[20] = ~a20; p[21] = a21; p[22] = a22; p[23] = a23; p[24] = a24
    }

    /// XORs one 136-byte block (17 little-endian lanes) from `p` into the state.
    @inline(__always)
    mutating func absorb(_ p: UnsafeRawPointer) {
        @inline(__always) func w(_ i: Int) -> UInt64 {
            UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
        }
        a0 ^= w(0); a1 ^= w(1); a2 ^= w(2); a3 ^= w(3); a4 ^= w(4)
        a5 ^= w(5); a6 ^= w(6); a7 ^= w(7); a8 ^= w(8); a9 ^= w(9)
        a10 ^= w(10); a11 ^= w(11); a12 ^= w(12); a13 ^= w(13); a14 ^= w(14)
        a15 ^= w(15); a16 ^= w(16)
    }

    /// Keccak-f[1600]: 24 rounds, fully unrolled with the round constants inlined.
    @inline(__always)
    mutating func permute() {
        round(0x0000000000000001); round(0x0000000000008082); round(0x800000000000808A)
        round(0x8000000080008000); round(0x000000000000808B); round(0x0000000080000001)
        round(0x8000000080008081); round(0x8000000000008009); round(0x000000000000008A)
        round(0x0000000000000088); round(0x0000000080008009); round(0x000000008000000A)
        round(0x000000008000808B); round(0x800000000000008B); round(0x8000000000008089)
        round(0x8000000000008003); round(0x8000000000008002); round(0x8000000000000080)
        round(0x000000000000800A); round(0x800000008000000A); round(0x8000000080008081)
        round(0x8000000000008080); round(0x0000000080000001); round(0x8000000080008008)
    }

    /// One round: theta, rho and pi combined into the `b` lanes of each output row, then chi
    /// (in its lane-complemented form) and iota. Output row y takes b[y][x] = rotl(a[x', y'] ^ d[x'], r[x', y']) where pi maps
    /// (x', y') to (y', 2x' + 3y').
    @inline(__always)
    private mutating func round(_ rc: UInt64) {
        let c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20, c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21
        let c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22, c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23
        let c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24
        let d0 = c4 ^ rotl(c1, 1), d1 = c0 ^ rotl(c2, 1), d2 = c1 ^ rotl(c3, 1)
        let d3 = c2 ^ rotl(c4, 1), d4 = c3 ^ rotl(c0, 1)

        let b00 = a0 ^ d0, b01 = rotl(a6 ^ d1, 44), b02 = rotl(a12 ^ d2, 43)
        let b03 = rotl(a18 ^ d3, 21), b04 = rotl(a24 ^ d4, 14)
        let b10 = rotl(a3 ^ d3, 28), b11 = rotl(a9 ^ d4, 20), b12 = rotl(a10 ^ d0, 3)
        let b13 = rotl(a16 ^ d1, 45), b14 = rotl(a22 ^ d2, 61)
        let b20 = rotl(a1 ^ d1, 1), b21 = rotl(a7 ^ d2, 6), b22 = rotl(a13 ^ d3, 25)
        let b23 = rotl(a19 ^ d4, 8), b24 = rotl(a20 ^ d0, 18)
        let b30 = rotl(a4 ^ d4, 27), b31 = rotl(a5 ^ d0, 36), b32 = rotl(a11 ^ d1, 10)
        let b33 = rotl(a17 ^ d2, 15), b34 = rotl(a23 ^ d3, 56)
        let b40 = rotl(a2 ^ d2, 62), b41 = rotl(a8 ^ d3, 55), b42 = rotl(a14 ^ d4, 39)
        let b43 = rotl(a15 ^ d0, 41), b44 = rotl(a21 ^ d1, 2)

        a0 = b00 ^ (b01 | b02) ^ rc; a1 = b01 ^ (~b02 | b03); a2 = b02 ^ (b03 & b04)
        a3 = b03 ^ (b04 | b00); a4 = b04 ^ (b00 & b01)
        a5 = b10 ^ (b11 | b12); a6 = b11 ^ (b12 & b13); a7 = b12 ^ (b13 | ~b14)
        a8 = b13 ^ (b14 | b10); a9 = b14 ^ (b10 & b11)
        a10 = b20 ^ (b21 | b22); a11 = b21 ^ (b22 & b23); a12 = b22 ^ (~b23 & b24)
        a13 = ~b23 ^ (b24 | b20); a14 = b24 ^ (b20 & b21)
        a15 = b30 ^ (b31 & b32); a16 = b31 ^ (b32 | b33); a17 = b32 ^ (~b33 | b34)
        a18 = ~b33 ^ (b34 & b30); a19 = b34 ^ (b30 | b31)
        a20 = b40 ^ (~b41 & b42); a21 = ~b41 ^ (b42 | b43); a22 = b42 ^ (b43 & b44)
        a23 = b43 ^ (b44 | b40); a24 = b44 ^ (b40 & b41)
    }

    @inline(__always)
    private func rotl(_ v: UInt64, _ n: UInt64) -> UInt64 {
        (v &<< n) | (v &>> (64 &- n))
    }
}
