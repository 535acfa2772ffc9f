import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Random U256 values for the Numbers tests; seed with
/// `SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")` so a failure can be replayed.
extension SeededGenerator {
    /// A value biased toward edges: 0, 1, max, powers of two and their neighbours, and
    /// uniformly random values of a random bit length 0...256.
    mutating func u256() -> U256 {
        let bits = Int.random(in: 0...256, using: &self)
        switch Int.random(in: 0..<10, using: &self) {
        case 0: return [U256.zero, .one, .max][Int.random(in: 0..<3, using: &self)]
        case 1: return U256.one << Int.random(in: 0...255, using: &self)
        case 2: return (U256.one << bits) &- .one  // 2^bits - 1 (max for 256)
        default:
            let value = U256(w0: next(), w1: next(), w2: next(), w3: next())
            return bits == 0 ? .zero : value >> (256 - bits)
        }
    }
}

/// Limbs as decimal strings, the form the Python oracle speaks (no 256-bit text needed).
func oracleLimbs(_ value: U256) -> [String] {
    [String(value.w0), String(value.w1), String(value.w2), String(value.w3)]
}

@Suite struct U256ArithmeticTests {
    let two64 = U256(w0: 0, w1: 1, w2: 0, w3: 0)

    @Test func additionCarriesAcrossLimbs() {
        #expect(U256(UInt64.max) + 1 == two64)
        #expect(U256.max.addingReportingOverflow(.one) == (U256.zero, true))
        #expect(U256.max.addingReportingOverflow(.zero) == (U256.max, false))
        #expect(U256(w0: .max, w1: .max, w2: .max, w3: 0) + 1 == U256(w0: 0, w1: 0, w2: 0, w3: 1))
    }

    @Test func subtractionBorrowsAcrossLimbs() {
        #expect(two64 - 1 == U256(UInt64.max))
        #expect(U256.zero.subtractingReportingOverflow(.one) == (U256.max, true))
        #expect(U256(5).subtractingReportingOverflow(5) == (U256.zero, false))
    }

    @Test func multiplication() {
        #expect(U256(UInt64.max) * U256(UInt64.max) == U256(w0: 1, w1: UInt64.max - 1, w2: 0, w3: 0))
        let (high, low) = U256.max.multipliedFullWidth(by: .max)
        // (2^256-1)^2 = 2^512 - 2^257 + 1
        #expect(high == U256.max - 1)
        #expect(low == .one)
        #expect(U256.max.multipliedReportingOverflow(by: 2) == (U256.max - 1, true))
        #expect((U256.one << 128).multipliedReportingOverflow(by: U256.one << 127) == (U256.one << 255, false))
        #expect((U256.one << 128).multipliedReportingOverflow(by: U256.one << 128) == (.zero, true))
    }

    @Test func division() {
        #expect(U256(100).quotientAndRemainder(dividingBy: U256(7)) == (14, 2))
        #expect(U256.max.quotientAndRemainder(dividingBy: U256.max) == (1, 0))
        #expect(U256(3).quotientAndRemainder(dividingBy: U256.max) == (0, 3))
        #expect(U256.max / (U256.one << 255) == 1)
        #expect(U256.max % (U256.one << 255) == (U256.one << 255) - 1)
        // A case where the quotient digit estimate must be corrected (divisor top limb small).
        let divisor = U256(w0: 0, w1: 1, w2: 1, w3: 0)
        let (q, r) = U256.max.quotientAndRemainder(dividingBy: divisor)
        #expect(q * divisor + r == U256.max)
        #expect(r < divisor)
        #expect(U256.max.quotientAndRemainder(dividingBy: UInt64(10)).remainder == 5)
    }

    /// Inputs that drive algorithm D through its rare branches (found by a search over
    /// edge-value limbs; expected values from Python's divmod). Random inputs almost never
    /// reach the add-back step (probability about 2^-64).
    @Test(arguments: [
        // add-back: the estimate survives the two-limb correction and is still one too large
        (U256(w0: 0, w1: 0, w2: 0, w3: 1), U256(w0: 1, w1: 0, w2: 1 << 63, w3: 0),
         U256(w0: 1, w1: 0, w2: 0, w3: 0), U256(w0: .max, w1: .max, w2: (1 << 63) - 1, w3: 0)),
        // two-limb correction of the estimate
        (U256(w0: 0, w1: 0, w2: 0, w3: 1), U256(w0: 1, w1: 1 << 63, w2: 0, w3: 0),
         U256(w0: .max, w1: 1, w2: 0, w3: 0), U256(w0: 1, w1: (1 << 63) - 2, w2: 0, w3: 0)),
        // top remainder limb equal to the divisor's top limb: qhat starts at 2^64 - 1
        (U256(w0: 0, w1: 0, w2: 0, w3: 1 << 63), U256(w0: 1, w1: 0, w2: 1 << 63, w3: 0),
         U256(w0: .max, w1: 0, w2: 0, w3: 0), U256(w0: 1, w1: .max, w2: (1 << 63) - 1, w3: 0)),
    ])
    func divisionCorrectionBranches(dividend: U256, divisor: U256, quotient: U256, remainder: U256) {
        let result = dividend.quotientAndRemainder(dividingBy: divisor)
        #expect(result.quotient == quotient)
        #expect(result.remainder == remainder)
    }

    @Test func checkedOperationsThrow() throws {
        #expect(throws: NumberError.overflow) { try U256.max.checkedAdd(.one) }
        #expect(throws: NumberError.underflow) { try U256.one.checkedSub(2) }
        #expect(throws: NumberError.overflow) { try (U256.one << 128).checkedMul(U256.one << 128) }
        #expect(try U256(2).checkedMul(3) == 6)
        #expect(try U256(2).checkedSub(2) == 0)
        #expect(NumberError.overflow.description == "number is larger than 2^256-1")
        #expect(NumberError.underflow.description == "result would be negative")
        #expect(NumberError.overflow.category == .invalidInput)
    }

    @Test func trappingOperatorsTrap() async {
        await #expect(processExitsWith: .failure) { _ = U256.max + 1 }
        await #expect(processExitsWith: .failure) { _ = U256.zero - 1 }
        await #expect(processExitsWith: .failure) { _ = U256.max * 2 }
        await #expect(processExitsWith: .failure) { _ = U256.one / U256.zero }
    }

    @Test func shiftsAndBitwise() {
        #expect((U256.one << 255) >> 255 == .one)
        #expect(U256.one << 256 == .zero)
        #expect(U256.max >> 256 == .zero)
        #expect(U256.one << -1 == .zero)
        #expect(U256(4) >> -2 == 16)
        #expect(U256(1) << 64 == two64)
        #expect(U256.max >> 192 == U256(UInt64.max))
        #expect((U256.max ^ U256.max) == .zero)
        #expect((U256.max & two64) == two64)
        #expect((U256.zero | two64) == two64)
        #expect(~U256.zero == .max)
    }

    /// ≥ 2,000 random pairs against Python ints in one oracle call.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func differentialAgainstPython() throws {
        var random = SeededGenerator.fromEnvironment("SIGIL_TEST_SEED")
        let seed = random.seed
        var cases: [(U256, U256, Int)] = []
        for _ in 0..<2_500 {
            cases.append((random.u256(), random.u256(), Int.random(in: 0...300, using: &random)))
        }
        let input: [String: Any] = ["op": "arith", "cases": cases.map { [oracleLimbs($0.0), oracleLimbs($0.1), $0.2] }]
        let output = try #require(try PythonOracle.run("u256.py", input: input) as? [[String: Any]])
        try #require(output.count == cases.count)
        var failures = 0
        for ((a, b, shift), expected) in zip(cases, output) where failures < 10 {
            func check(_ name: String, _ actual: Any, _ want: Any?) {
                let same: Bool
                switch (actual, want) {
                case (let x as [String], let y as [String]): same = x == y
                case (let x as Bool, let y as Bool): same = x == y
                case (let x as Int, let y as Int): same = x == y
                case (let x as String, let y as String): same = x == y
                default: same = false
                }
                if !same {
                    failures += 1
                    Issue.record("seed \(seed): \(name) of a=\(oracleLimbs(a)) b=\(oracleLimbs(b)) shift=\(shift): got \(actual), Python \(String(describing: want))")
                }
            }
            let add = a.addingReportingOverflow(b), sub = a.subtractingReportingOverflow(b)
            let mul = a.multipliedReportingOverflow(by: b), full = a.multipliedFullWidth(by: b)
            check("add", oracleLimbs(add.partialValue), expected["add"])
            check("addOverflow", add.overflow, expected["addOverflow"])
            check("sub", oracleLimbs(sub.partialValue), expected["sub"])
            check("subOverflow", sub.overflow, expected["subOverflow"])
            check("mul", oracleLimbs(mul.partialValue), expected["mul"])
            check("mulOverflow", mul.overflow, expected["mulOverflow"])
            check("fullHigh", oracleLimbs(full.high), expected["fullHigh"])
            check("fullLow", oracleLimbs(full.low), expected["fullLow"])
            if !b.isZero {
                let (q, r) = a.quotientAndRemainder(dividingBy: b)
                check("quotient", oracleLimbs(q), expected["quotient"])
                check("remainder", oracleLimbs(r), expected["remainder"])
            }
            check("shl", oracleLimbs(a << shift), expected["shl"])
            check("shr", oracleLimbs(a >> shift), expected["shr"])
            check("and", oracleLimbs(a & b), expected["and"])
            check("or", oracleLimbs(a | b), expected["or"])
            check("xor", oracleLimbs(a ^ b), expected["xor"])
            check("less", a < b, expected["less"])
            check("equal", a == b, expected["equal"])
            check("bitWidth", a.bitWidth, expected["bitWidth"])
            check("decimal", a.decimalString, expected["decimal"])
            check("hex", a.hexQuantity, expected["hex"])
            check("bytes", Hex.encode(a.bigEndianBytes, prefix: false), expected["bytes"])
            check("minimalBytes", Hex.encode(a.minimalBigEndianBytes, prefix: false), expected["minimalBytes"])
            // Parsing Python's text must give back the same limbs.
            if let text = expected["decimal"] as? String {
                check("parse decimal", (try? U256(decimal: text)).map(oracleLimbs) ?? [], oracleLimbs(a))
            }
            if let text = expected["hex"] as? String {
                check("parse hex", (try? U256(hexQuantity: text)).map(oracleLimbs) ?? [], oracleLimbs(a))
            }
            if let bytes = expected["bytes"] as? String, let decoded = try? Hex.decode(bytes, prefix: .forbidden) {
                check("parse bytes", (try? U256(bigEndian: decoded)).map(oracleLimbs) ?? [], oracleLimbs(a))
            }
        }
    }
}
