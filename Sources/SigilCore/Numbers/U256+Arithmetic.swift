// Arithmetic on U256: limb-wise add/subtract with carries, schoolbook multiplication on
// 64-bit limbs, Knuth's algorithm D for division, shifts and bitwise operators.

extension U256 {
    // MARK: Addition and subtraction

    /// The sum modulo 2^256, and whether it wrapped.
    public func addingReportingOverflow(_ other: U256) -> (partialValue: U256, overflow: Bool) {
        let (r0, c0) = w0.addingReportingOverflow(other.w0)
        let (r1, c1) = Self.add3(w1, other.w1, c0)
        let (r2, c2) = Self.add3(w2, other.w2, c1)
        let (r3, c3) = Self.add3(w3, other.w3, c2)
        return (U256(w0: r0, w1: r1, w2: r2, w3: r3), c3)
    }

    /// The difference modulo 2^256, and whether it wrapped (i.e. `other > self`).
    public func subtractingReportingOverflow(_ other: U256) -> (partialValue: U256, overflow: Bool) {
        let (r0, b0) = w0.subtractingReportingOverflow(other.w0)
        let (r1, b1) = Self.sub3(w1, other.w1, b0)
        let (r2, b2) = Self.sub3(w2, other.w2, b1)
        let (r3, b3) = Self.sub3(w3, other.w3, b2)
        return (U256(w0: r0, w1: r1, w2: r2, w3: r3), b3)
    }

    private static func add3(_ a: UInt64, _ b: UInt64, _ carry: Bool) -> (UInt64, Bool) {
        let (s, c1) = a.addingReportingOverflow(b)
        let (t, c2) = s.addingReportingOverflow(carry ? 1 : 0)
        return (t, c1 || c2)
    }

    private static func sub3(_ a: UInt64, _ b: UInt64, _ borrow: Bool) -> (UInt64, Bool) {
        let (d, b1) = a.subtractingReportingOverflow(b)
        let (e, b2) = d.subtractingReportingOverflow(borrow ? 1 : 0)
        return (e, b1 || b2)
    }

    // MARK: Multiplication

    /// The full 512-bit product as a high and a low half.
    public func multipliedFullWidth(by other: U256) -> (high: U256, low: U256) {
        let a = limbs, b = other.limbs
        var r = InlineArray<8, UInt64>(repeating: 0)
        for i in 0..<4 {
            var carry: UInt64 = 0
            let ai = a[i]
            for j in 0..<4 {
                // ai * b[j] + r[i+j] + carry < 2^128: it cannot overflow the (high, low) pair.
                let (high, low) = ai.multipliedFullWidth(by: b[j])
                let (s1, c1) = low.addingReportingOverflow(r[i + j])
                let (s2, c2) = s1.addingReportingOverflow(carry)
                r[i + j] = s2
                carry = high &+ (c1 ? 1 : 0) &+ (c2 ? 1 : 0)
            }
            r[i + 4] = carry
        }
        return (U256(w0: r[4], w1: r[5], w2: r[6], w3: r[7]), U256(w0: r[0], w1: r[1], w2: r[2], w3: r[3]))
    }

    /// The product modulo 2^256, and whether it wrapped.
    public func multipliedReportingOverflow(by other: U256) -> (partialValue: U256, overflow: Bool) {
        let (high, low) = multipliedFullWidth(by: other)
        return (low, !high.isZero)
    }

    /// The product with a 64-bit factor modulo 2^256, and the limb that carried out.
    func multipliedReportingCarry(by factor: UInt64) -> (partialValue: U256, carry: UInt64) {
        var out = InlineArray<4, UInt64>(repeating: 0)
        let a = limbs
        var carry: UInt64 = 0
        for i in 0..<4 {
            let (high, low) = a[i].multipliedFullWidth(by: factor)
            let (sum, c) = low.addingReportingOverflow(carry)
            out[i] = sum
            carry = high &+ (c ? 1 : 0)
        }
        return (U256(limbs: out), carry)
    }

    // MARK: Division

    /// The quotient and remainder of division by a 64-bit divisor. Traps if `divisor` is 0.
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: U256, remainder: UInt64) {
        precondition(divisor != 0, "U256 division by zero")
        var q = InlineArray<4, UInt64>(repeating: 0)
        let a = limbs
        var remainder: UInt64 = 0
        for i in stride(from: 3, through: 0, by: -1) {
            // remainder < divisor, so the 128-bit division cannot overflow.
            let (qi, r) = divisor.dividingFullWidth((remainder, a[i]))
            q[i] = qi
            remainder = r
        }
        return (U256(limbs: q), remainder)
    }

    /// The quotient and remainder (Knuth, TAOCP vol. 2, 4.3.1, algorithm D, on 64-bit limbs).
    /// Traps if `divisor` is 0, like `Int`.
    public func quotientAndRemainder(dividingBy divisor: U256) -> (quotient: U256, remainder: U256) {
        precondition(!divisor.isZero, "U256 division by zero")
        if self < divisor { return (.zero, self) }
        if let small = divisor.uint64Value {
            let (q, r) = quotientAndRemainder(dividingBy: small)
            return (q, U256(r))
        }
        let v = divisor.limbs
        var n = 4
        while v[n - 1] == 0 { n -= 1 }  // n ≥ 2 here
        let m = 4 - n
        let shift = v[n - 1].leadingZeroBitCount

        // Normalize: shift both so the divisor's top limb has its high bit set.
        var vn = InlineArray<4, UInt64>(repeating: 0)
        for i in 0..<n {
            vn[i] = v[i] << shift
            if shift > 0 && i > 0 { vn[i] |= v[i - 1] >> (64 - shift) }
        }
        let u = limbs
        var un = InlineArray<5, UInt64>(repeating: 0)
        for i in 0..<4 {
            un[i] = u[i] << shift
            if shift > 0 && i > 0 { un[i] |= u[i - 1] >> (64 - shift) }
        }
        un[4] = shift > 0 ? u[3] >> (64 - shift) : 0

        var q = InlineArray<4, UInt64>(repeating: 0)
        let top = vn[n - 1], next = vn[n - 2]
        for j in stride(from: m, through: 0, by: -1) {
            // Estimate the quotient limb from the top two limbs of the remainder; un[j+n] ≤ top.
            var qhat: UInt64
            var rhat: UInt64
            var rhatOverflow = false
            if un[j + n] >= top {
                qhat = .max
                (rhat, rhatOverflow) = un[j + n - 1].addingReportingOverflow(top)
            } else {
                (qhat, rhat) = top.dividingFullWidth((un[j + n], un[j + n - 1]))
            }
            // Correct the estimate (at most twice) using the next limb.
            while !rhatOverflow {
                let (ph, pl) = qhat.multipliedFullWidth(by: next)
                guard ph > rhat || (ph == rhat && pl > un[j + n - 2]) else { break }
                qhat -= 1
                (rhat, rhatOverflow) = rhat.addingReportingOverflow(top)
            }
            // Multiply and subtract qhat * vn from un[j...j+n].
            var carry: UInt64 = 0
            var borrow: UInt64 = 0
            for i in 0..<n {
                let (ph, pl) = qhat.multipliedFullWidth(by: vn[i])
                let (p, c) = pl.addingReportingOverflow(carry)
                carry = ph &+ (c ? 1 : 0)
                let (t1, b1) = un[i + j].subtractingReportingOverflow(p)
                let (t2, b2) = t1.subtractingReportingOverflow(borrow)
                un[i + j] = t2
                borrow = (b1 || b2) ? 1 : 0
            }
            let (t1, b1) = un[j + n].subtractingReportingOverflow(carry)
            let (t2, b2) = t1.subtractingReportingOverflow(borrow)
            un[j + n] = t2
            if b1 || b2 {
                // The estimate was one too large: add the divisor back.
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let (s1, o1) = un[i + j].addingReportingOverflow(vn[i])
                    let (s2, o2) = s1.addingReportingOverflow(c)
                    un[i + j] = s2
                    c = (o1 || o2) ? 1 : 0
                }
                un[j + n] &+= c
            }
            q[j] = qhat
        }
        // Unnormalize the remainder.
        var r = InlineArray<4, UInt64>(repeating: 0)
        for i in 0..<n {
            r[i] = un[i] >> shift
            if shift > 0 { r[i] |= un[i + 1] << (64 - shift) }
        }
        return (U256(limbs: q), U256(limbs: r))
    }

    // MARK: Trapping operators

    /// The sum; traps on overflow like `Int`.
    public static func + (lhs: U256, rhs: U256) -> U256 {
        let (value, overflow) = lhs.addingReportingOverflow(rhs)
        precondition(!overflow, "U256 addition overflow")
        return value
    }

    /// The difference; traps if `rhs > lhs`.
    public static func - (lhs: U256, rhs: U256) -> U256 {
        let (value, overflow) = lhs.subtractingReportingOverflow(rhs)
        precondition(!overflow, "U256 subtraction underflow")
        return value
    }

    /// The product; traps on overflow.
    public static func * (lhs: U256, rhs: U256) -> U256 {
        let (value, overflow) = lhs.multipliedReportingOverflow(by: rhs)
        precondition(!overflow, "U256 multiplication overflow")
        return value
    }

    /// The quotient, rounded toward zero; traps on a zero divisor.
    public static func / (lhs: U256, rhs: U256) -> U256 { lhs.quotientAndRemainder(dividingBy: rhs).quotient }

    /// The remainder; traps on a zero divisor.
    public static func % (lhs: U256, rhs: U256) -> U256 { lhs.quotientAndRemainder(dividingBy: rhs).remainder }

    public static func += (lhs: inout U256, rhs: U256) { lhs = lhs + rhs }
    public static func -= (lhs: inout U256, rhs: U256) { lhs = lhs - rhs }
    public static func *= (lhs: inout U256, rhs: U256) { lhs = lhs * rhs }

    /// The sum modulo 2^256.
    public static func &+ (lhs: U256, rhs: U256) -> U256 { lhs.addingReportingOverflow(rhs).partialValue }
    /// The difference modulo 2^256.
    public static func &- (lhs: U256, rhs: U256) -> U256 { lhs.subtractingReportingOverflow(rhs).partialValue }
    /// The product modulo 2^256.
    public static func &* (lhs: U256, rhs: U256) -> U256 { lhs.multipliedReportingOverflow(by: rhs).partialValue }

    // MARK: Checked arithmetic for user-facing values

    /// The sum, or `NumberError.overflow` past 2^256 - 1.
    public func checkedAdd(_ other: U256) throws(NumberError) -> U256 {
        let (value, overflow) = addingReportingOverflow(other)
        if overflow { throw .overflow }
        return value
    }

    /// The difference, or `NumberError.underflow` if `other > self`.
    public func checkedSub(_ other: U256) throws(NumberError) -> U256 {
        let (value, overflow) = subtractingReportingOverflow(other)
        if overflow { throw .underflow }
        return value
    }

    /// The product, or `NumberError.overflow` past 2^256 - 1.
    public func checkedMul(_ other: U256) throws(NumberError) -> U256 {
        let (value, overflow) = multipliedReportingOverflow(by: other)
        if overflow { throw .overflow }
        return value
    }

    // MARK: Shifts and bitwise operators

    /// Shifts left by `count` bits, dropping bits past 2^255; a negative count shifts right,
    /// and counts of 256 or more give 0 (Swift's "smart shift").
    public static func << (lhs: U256, count: Int) -> U256 {
        if count < 0 { return lhs >> (count == .min ? Int.max : -count) }
        if count >= 256 { return .zero }
        let limbShift = count / 64, bitShift = count % 64
        let a = lhs.limbs
        var out = InlineArray<4, UInt64>(repeating: 0)
        for i in limbShift..<4 {
            out[i] = a[i - limbShift] << bitShift
            if bitShift > 0 && i - limbShift > 0 { out[i] |= a[i - limbShift - 1] >> (64 - bitShift) }
        }
        return U256(limbs: out)
    }

    /// Shifts right by `count` bits; a negative count shifts left, and counts of 256 or more give 0.
    public static func >> (lhs: U256, count: Int) -> U256 {
        if count < 0 { return lhs << (count == .min ? Int.max : -count) }
        if count >= 256 { return .zero }
        let limbShift = count / 64, bitShift = count % 64
        let a = lhs.limbs
        var out = InlineArray<4, UInt64>(repeating: 0)
        for i in 0..<(4 - limbShift) {
            out[i] = a[i + limbShift] >> bitShift
            if bitShift > 0 && i + limbShift + 1 < 4 { out[i] |= a[i + limbShift + 1] << (64 - bitShift) }
        }
        return U256(limbs: out)
    }

    public static func <<= (lhs: inout U256, count: Int) { lhs = lhs << count }
    public static func >>= (lhs: inout U256, count: Int) { lhs = lhs >> count }

    public static func & (lhs: U256, rhs: U256) -> U256 {
        U256(w0: lhs.w0 & rhs.w0, w1: lhs.w1 & rhs.w1, w2: lhs.w2 & rhs.w2, w3: lhs.w3 & rhs.w3)
    }

    public static func | (lhs: U256, rhs: U256) -> U256 {
        U256(w0: lhs.w0 | rhs.w0, w1: lhs.w1 | rhs.w1, w2: lhs.w2 | rhs.w2, w3: lhs.w3 | rhs.w3)
    }

    public static func ^ (lhs: U256, rhs: U256) -> U256 {
        U256(w0: lhs.w0 ^ rhs.w0, w1: lhs.w1 ^ rhs.w1, w2: lhs.w2 ^ rhs.w2, w3: lhs.w3 ^ rhs.w3)
    }

    public static prefix func ~ (value: U256) -> U256 {
        U256(w0: ~value.w0, w1: ~value.w1, w2: ~value.w2, w3: ~value.w3)
    }
}
