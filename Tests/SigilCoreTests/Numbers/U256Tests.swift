import SigilCore
import SigilTestSupport
import Testing

@Suite struct U256Tests {
    static let maxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935"
    static let maxHex = "0x" + String(repeating: "f", count: 64)

    @Test func constantsAndBasics() {
        #expect(U256.zero.isZero)
        #expect(!U256.one.isZero)
        #expect(U256.max.uint64Value == nil)
        #expect(U256(42).uint64Value == 42)
        #expect(U256(UInt64.max).uint64Value == UInt64.max)
        #expect(U256.zero.bitWidth == 0)
        #expect(U256.one.bitWidth == 1)
        #expect(U256(255).bitWidth == 8)
        #expect(U256.max.bitWidth == 256)
        #expect((U256.one << 64).bitWidth == 65)
        let literal: U256 = 7
        #expect(literal == U256(7))
        #expect("\(U256(1234))" == "1234")
    }

    @Test func comparison() {
        #expect(U256.zero < .one)
        #expect(U256(UInt64.max) < U256.one << 64)
        #expect(U256(w0: .max, w1: 0, w2: 0, w3: 1) > U256(w0: 0, w1: .max, w2: .max, w3: 0))
        #expect(U256.max > U256.max - 1)
        #expect([U256(3), .max, .zero].sorted() == [.zero, U256(3), .max])
        #expect(Set([U256(1), U256(1), U256(2)]).count == 2)
    }

    @Test func bigEndianBytes() throws {
        #expect(U256.zero.bigEndianBytes == [UInt8](repeating: 0, count: 32))
        #expect(U256.zero.minimalBigEndianBytes == [])
        #expect(U256(0x0102).minimalBigEndianBytes == [1, 2])
        #expect(U256.max.bigEndianBytes == [UInt8](repeating: 0xFF, count: 32))
        #expect(try U256(bigEndian: []) == .zero)
        #expect(try U256(bigEndian: [0, 0, 1, 0]) == 256)
        let bytes = (1...32).map { UInt8($0) }
        let value = try U256(bigEndian: bytes)
        #expect(value.bigEndianBytes == bytes)
        #expect(value.w3 == 0x0102_0304_0506_0708)
        #expect(value.w0 == 0x191A_1B1C_1D1E_1F20)
        #expect(throws: NumberError.overflow) { try U256(bigEndian: [UInt8](repeating: 0, count: 33)) }
    }

    @Test func decimalKnownAnswers() throws {
        #expect(U256.zero.decimalString == "0")
        #expect(U256.max.decimalString == Self.maxDecimal)
        #expect(try U256(decimal: Self.maxDecimal) == .max)
        #expect(try U256(decimal: "0") == .zero)
        #expect(try U256(decimal: "000123") == 123)
        #expect(try U256(decimal: "18446744073709551616") == U256.one << 64)
        #expect((U256.one << 64).decimalString == "18446744073709551616")
        // 10^19 and 10^38 sit exactly on the 19-digit chunk boundaries.
        #expect(U256(10_000_000_000_000_000_000).decimalString == "10000000000000000000")
        let e38 = try U256(decimal: "1" + String(repeating: "0", count: 38))
        #expect(e38.decimalString == "1" + String(repeating: "0", count: 38))
        #expect(e38 == U256(10_000_000_000_000_000_000) * U256(10_000_000_000_000_000_000))
        #expect(try U256(decimal: "0000" + Self.maxDecimal) == .max)
    }

    @Test func decimalRejects() {
        #expect(throws: NumberError.overflow) {
            try U256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639936")
        }
        #expect(throws: NumberError.overflow) { try U256(decimal: Self.maxDecimal + "0") }
        for bad in ["", "a12", "-1", "+1", " 1", "1 ", "1_000", "1,000", "1.0", "0x10", "١٢"] {
            #expect(throws: NumberError.invalidDecimal(bad)) { try U256(decimal: bad) }
        }
        #expect(NumberError.invalidDecimal("a12").description == "invalid decimal number 'a12' (expected digits 0-9 only)")
    }

    @Test func hexKnownAnswers() throws {
        #expect(U256.zero.hexQuantity == "0x0")
        #expect(U256(26).hexQuantity == "0x1a")
        #expect(U256.max.hexQuantity == Self.maxHex)
        #expect((U256.one << 255).hexQuantity == "0x8" + String(repeating: "0", count: 63))
        #expect(try U256(hexQuantity: Self.maxHex) == .max)
        #expect(try U256(hexQuantity: "0x0") == .zero)
        #expect(try U256(hexQuantity: "0x00001A") == 26)
        #expect(try U256(hexQuantity: "0X1a") == 26)
        #expect(try U256(hexQuantity: "0x" + String(repeating: "0", count: 64)) == .zero)
    }

    @Test func hexRejects() {
        #expect(throws: NumberError.invalidHexQuantity("1a", reason: "must start with 0x")) { try U256(hexQuantity: "1a") }
        #expect(throws: NumberError.invalidHexQuantity("", reason: "must start with 0x")) { try U256(hexQuantity: "") }
        #expect(throws: NumberError.invalidHexQuantity("0x", reason: "no digits after 0x")) { try U256(hexQuantity: "0x") }
        #expect(throws: NumberError.invalidHexQuantity("0x1g", reason: "invalid hex digit at offset 3")) {
            try U256(hexQuantity: "0x1g")
        }
        #expect(throws: NumberError.invalidHexQuantity("0x0x1", reason: "invalid hex digit at offset 3")) {
            try U256(hexQuantity: "0x0x1")
        }
        #expect(throws: NumberError.overflow) { try U256(hexQuantity: "0x1" + String(repeating: "0", count: 64)) }
        let padded = "0x0" + String(repeating: "f", count: 64)
        #expect(throws: NumberError.invalidHexQuantity(padded, reason: "more than 64 digits")) { try U256(hexQuantity: padded) }
        #expect(NumberError.invalidHexQuantity("0x", reason: "no digits after 0x").description
            == "invalid hex quantity '0x': no digits after 0x")
    }

    @Test func parsingEitherForm() throws {
        #expect(try U256(parsing: "0x10") == 16)
        #expect(try U256(parsing: "10") == 10)
        #expect(try U256(parsing: Self.maxDecimal) == .max)
        #expect(throws: NumberError.invalidHexQuantity("0xzz", reason: "invalid hex digit at offset 2")) {
            try U256(parsing: "0xzz")
        }
        #expect(throws: NumberError.invalidDecimal("ten")) { try U256(parsing: "ten") }
    }

    @Test func longInputsAreShortenedInMessages() {
        let long = String(repeating: "z", count: 500)
        let message = NumberError.invalidDecimal(long).description
        #expect(message.count < 160)
        #expect(message.contains("…"))
    }
}
