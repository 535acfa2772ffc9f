/// An element of the secp256k1 base field: integers modulo p = 2^256 - 2^32 - 977.
///
/// Four little-endian 64-bit limbs, always fully reduced (< p), so equality is limb equality.
/// Used by the vanity search to step public keys in affine coordinates; nothing here handles
/// secrets (public-key coordinates only), and nothing is constant-time.
struct FieldElement: Equatable, Sendable {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64

    /// 2^256 mod p = 2^32 + 977.
    static let c: UInt64 = 0x1_0000_03D1

    static let zero = FieldElement(l0: 0, l1: 0, l2: 0, l3: 0)
    static let one = FieldElement(l0: 1, l1: 0, l2: 0, l3: 0)
    /// p itself (not a reduced element; for tests and range checks).
    static let modulus = FieldElement(
        l0: 0xFFFF_FFFE_FFFF_FC2F, l1: 0xFFFF_FFFF_FFFF_FFFF, l2: 0xFFFF_FFFF_FFFF_FFFF, l3: 0xFFFF_FFFF_FFFF_FFFF)

    @inline(__always)
    init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3
    }

    /// The element from 32 big-endian bytes, reduced mod p; nil if `bytes` is not 32 long.
    init?(bigEndian bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 32 else { return nil }
        func limb(_ offset: Int) -> UInt64 {
            UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        self.init(l0: limb(24), l1: limb(16), l2: limb(8), l3: limb(0))
        self = reducedOnce()
    }

    /// The element from 32 big-endian bytes; nil if not 32 long.
    init?(bigEndian bytes: [UInt8]) {
        guard let value = bytes.withUnsafeBytes({ FieldElement(bigEndian: $0) }) else { return nil }
        self = value
    }

    /// Writes the 32 big-endian bytes to `out` (which must hold 32 bytes from `offset`).
    @inline(__always)
    func store(bigEndianTo out: UnsafeMutableRawPointer, at offset: Int = 0) {
        out.storeBytes(of: l3.bigEndian, toByteOffset: offset, as: UInt64.self)
        out.storeBytes(of: l2.bigEndian, toByteOffset: offset + 8, as: UInt64.self)
        out.storeBytes(of: l1.bigEndian, toByteOffset: offset + 16, as: UInt64.self)
        out.storeBytes(of: l0.bigEndian, toByteOffset: offset + 24, as: UInt64.self)
    }

    /// The 32 big-endian bytes.
    var bigEndianBytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            store(bigEndianTo: UnsafeMutableRawPointer(buffer.baseAddress!))
            count = 32
        }
    }

    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// Subtracts p once if the value (any 256-bit number) is ≥ p: x ≥ p exactly when x + c
    /// overflows 2^256, and then x + c mod 2^256 = x - p.
    @inline(__always)
    func reducedOnce() -> FieldElement {
        let (s0, o0) = l0.addingReportingOverflow(Self.c)
        let (s1, o1) = l1.addingReportingOverflow(o0 ? 1 : 0)
        let (s2, o2) = l2.addingReportingOverflow(o1 ? 1 : 0)
        let (s3, o3) = l3.addingReportingOverflow(o2 ? 1 : 0)
        return o3 ? FieldElement(l0: s0, l1: s1, l2: s2, l3: s3) : self
    }

    @inline(__always)
    static func + (a: FieldElement, b: FieldElement) -> FieldElement {
        let (s0, o0) = a.l0.addingReportingOverflow(b.l0)
        let (t1, p1) = a.l1.addingReportingOverflow(b.l1)
        let (s1, q1) = t1.addingReportingOverflow(o0 ? 1 : 0)
        let (t2, p2) = a.l2.addingReportingOverflow(b.l2)
        let (s2, q2) = t2.addingReportingOverflow(p1 || q1 ? 1 : 0)
        let (t3, p3) = a.l3.addingReportingOverflow(b.l3)
        let (s3, q3) = t3.addingReportingOverflow(p2 || q2 ? 1 : 0)
        var sum = FieldElement(l0: s0, l1: s1, l2: s2, l3: s3)
        if p3 || q3 {
            // a + b - 2^256 < 2^256 - 2c, so adding c (= 2^256 mod p) cannot overflow.
            sum = sum.addingSmall(Self.c)
        }
        return sum.reducedOnce()
    }

    @inline(__always)
    static func - (a: FieldElement, b: FieldElement) -> FieldElement {
        let (d0, o0) = a.l0.subtractingReportingOverflow(b.l0)
        let (t1, p1) = a.l1.subtractingReportingOverflow(b.l1)
        let (d1, q1) = t1.subtractingReportingOverflow(o0 ? 1 : 0)
        let (t2, p2) = a.l2.subtractingReportingOverflow(b.l2)
        let (d2, q2) = t2.subtractingReportingOverflow(p1 || q1 ? 1 : 0)
        let (t3, p3) = a.l3.subtractingReportingOverflow(b.l3)
        let (d3, q3) = t3.subtractingReportingOverflow(p2 || q2 ? 1 : 0)
        let difference = FieldElement(l0: d0, l1: d1, l2: d2, l3: d3)
        guard p3 || q3 else { return difference }
        // Wrapped: the true result is difference - 2^256 + p = difference - c, and
        // difference ≥ 2^256 - p + 1 > c, so this cannot borrow past the top limb.
        let (e0, r0) = d0.subtractingReportingOverflow(Self.c)
        let (e1, r1) = d1.subtractingReportingOverflow(r0 ? 1 : 0)
        let (e2, r2) = d2.subtractingReportingOverflow(r1 ? 1 : 0)
        return FieldElement(l0: e0, l1: e1, l2: e2, l3: d3 &- (r2 ? 1 : 0))
    }

    /// -a mod p.
    static prefix func - (a: FieldElement) -> FieldElement { .zero - a }

    /// Adds a value below 2^64 to a number whose sum is known to stay below 2^256.
    @inline(__always)
    private func addingSmall(_ v: UInt64) -> FieldElement {
        let (s0, o0) = l0.addingReportingOverflow(v)
        let (s1, o1) = l1.addingReportingOverflow(o0 ? 1 : 0)
        let (s2, o2) = l2.addingReportingOverflow(o1 ? 1 : 0)
        return FieldElement(l0: s0, l1: s1, l2: s2, l3: l3 &+ (o2 ? 1 : 0))
    }

    /// a·b + c + d as a 128-bit (hi, lo) pair; cannot overflow.
    @inline(__always)
    private static func mulAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
        let (h, l) = a.multipliedFullWidth(by: b)
        let (l1, o1) = l.addingReportingOverflow(c)
        let (l2, o2) = l1.addingReportingOverflow(d)
        return (h &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0), l2)
    }

    @inline(__always)
    static func * (a: FieldElement, b: FieldElement) -> FieldElement {
        var c: UInt64
        var r0, r1, r2, r3, r4, r5, r6, r7: UInt64
        (c, r0) = mulAdd(a.l0, b.l0, 0, 0)
        (c, r1) = mulAdd(a.l0, b.l1, c, 0)
        (c, r2) = mulAdd(a.l0, b.l2, c, 0)
        (r4, r3) = mulAdd(a.l0, b.l3, c, 0)

        (c, r1) = mulAdd(a.l1, b.l0, r1, 0)
        (c, r2) = mulAdd(a.l1, b.l1, r2, c)
        (c, r3) = mulAdd(a.l1, b.l2, r3, c)
        (r5, r4) = mulAdd(a.l1, b.l3, r4, c)

        (c, r2) = mulAdd(a.l2, b.l0, r2, 0)
        (c, r3) = mulAdd(a.l2, b.l1, r3, c)
        (c, r4) = mulAdd(a.l2, b.l2, r4, c)
        (r6, r5) = mulAdd(a.l2, b.l3, r5, c)

        (c, r3) = mulAdd(a.l3, b.l0, r3, 0)
        (c, r4) = mulAdd(a.l3, b.l1, r4, c)
        (c, r5) = mulAdd(a.l3, b.l2, r5, c)
        (r7, r6) = mulAdd(a.l3, b.l3, r6, c)
        return reduce(r0, r1, r2, r3, r4, r5, r6, r7)
    }

    /// a² (with the cross products computed once).
    @inline(__always)
    func squared() -> FieldElement {
        // Cross products a_i·a_j for i < j, doubled, plus the squares on the diagonal.
        var c: UInt64
        var r1, r2, r3, r4, r5, r6, r7: UInt64
        (c, r1) = Self.mulAdd(l0, l1, 0, 0)
        (c, r2) = Self.mulAdd(l0, l2, c, 0)
        (r4, r3) = Self.mulAdd(l0, l3, c, 0)
        (c, r3) = Self.mulAdd(l1, l2, r3, 0)
        (r5, r4) = Self.mulAdd(l1, l3, r4, c)
        (r6, r5) = Self.mulAdd(l2, l3, r5, 0)
        // Double r1...r6 into r1...r7.
        r7 = r6 >> 63
        r6 = r6 << 1 | r5 >> 63
        r5 = r5 << 1 | r4 >> 63
        r4 = r4 << 1 | r3 >> 63
        r3 = r3 << 1 | r2 >> 63
        r2 = r2 << 1 | r1 >> 63
        r1 = r1 << 1
        // Add the diagonal squares.
        let (h0, r0) = l0.multipliedFullWidth(by: l0)
        let (h1, s1) = l1.multipliedFullWidth(by: l1)
        let (h2, s2) = l2.multipliedFullWidth(by: l2)
        let (h3, s3) = l3.multipliedFullWidth(by: l3)
        var o: Bool
        var carry: UInt64
        (r1, o) = r1.addingReportingOverflow(h0); carry = o ? 1 : 0
        (r2, o) = r2.addingReportingOverflow(s1); var k = o ? UInt64(1) : 0
        (r2, o) = r2.addingReportingOverflow(carry); carry = k &+ (o ? 1 : 0)
        (r3, o) = r3.addingReportingOverflow(h1); k = o ? 1 : 0
        (r3, o) = r3.addingReportingOverflow(carry); carry = k &+ (o ? 1 : 0)
        (r4, o) = r4.addingReportingOverflow(s2); k = o ? 1 : 0
        (r4, o) = r4.addingReportingOverflow(carry); carry = k &+ (o ? 1 : 0)
        (r5, o) = r5.addingReportingOverflow(h2); k = o ? 1 : 0
        (r5, o) = r5.addingReportingOverflow(carry); carry = k &+ (o ? 1 : 0)
        (r6, o) = r6.addingReportingOverflow(s3); k = o ? 1 : 0
        (r6, o) = r6.addingReportingOverflow(carry); carry = k &+ (o ? 1 : 0)
        r7 = r7 &+ h3 &+ carry
        return Self.reduce(r0, r1, r2, r3, r4, r5, r6, r7)
    }

    /// Reduces the 512-bit r7…r0 mod p using 2^256 ≡ c.
    @inline(__always)
    private static func reduce(
        _ r0: UInt64, _ r1: UInt64, _ r2: UInt64, _ r3: UInt64,
        _ r4: UInt64, _ r5: UInt64, _ r6: UInt64, _ r7: UInt64
    ) -> FieldElement {
        var c: UInt64
        var t0, t1, t2, t3: UInt64
        (c, t0) = mulAdd(r4, Self.c, r0, 0)
        (c, t1) = mulAdd(r5, Self.c, r1, c)
        (c, t2) = mulAdd(r6, Self.c, r2, c)
        (c, t3) = mulAdd(r7, Self.c, r3, c)
        // c < 2^34 now: fold c·2^256 ≡ c·c (< 2^68) back in.
        let (h, l) = c.multipliedFullWidth(by: Self.c)
        var o: Bool
        var carry: UInt64
        (t0, o) = t0.addingReportingOverflow(l); carry = o ? 1 : 0
        (t1, o) = t1.addingReportingOverflow(h); let k = o ? UInt64(1) : 0
        (t1, o) = t1.addingReportingOverflow(carry); carry = k &+ (o ? 1 : 0)
        (t2, o) = t2.addingReportingOverflow(carry); carry = o ? 1 : 0
        (t3, o) = t3.addingReportingOverflow(carry)
        var result = FieldElement(l0: t0, l1: t1, l2: t2, l3: t3)
        if o {
            // Wrapped past 2^256: the remainder is tiny, so adding c cannot overflow again.
            result = result.addingSmall(Self.c)
        }
        return result.reducedOnce()
    }

    /// a^(2^n).
    @inline(__always)
    func squared(times n: Int) -> FieldElement {
        var x = self
        for _ in 0..<n { x = x.squared() }
        return x
    }

    /// a^(p-2) = a^-1 for a ≠ 0 (and 0 for 0): 255 squarings and 15 multiplications, with
    /// the exponent's long runs of ones built up as a^(2^k - 1).
    func inverse() -> FieldElement {
        let a = self
        let x2 = a.squared() * a
        let x3 = x2.squared() * a
        let x6 = x3.squared(times: 3) * x3
        let x9 = x6.squared(times: 3) * x3
        let x11 = x9.squared(times: 2) * x2
        let x22 = x11.squared(times: 11) * x11
        let x44 = x22.squared(times: 22) * x22
        let x88 = x44.squared(times: 44) * x44
        let x176 = x88.squared(times: 88) * x88
        let x220 = x176.squared(times: 44) * x44
        let x223 = x220.squared(times: 3) * x3
        // p - 2 = (223 ones) 0 (22 ones) 0000 1 0 11 0 1
        var t = x223.squared(times: 23) * x22
        t = t.squared(times: 5) * a
        t = t.squared(times: 3) * x2
        t = t.squared(times: 2) * a
        return t
    }
}
