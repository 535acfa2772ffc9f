// Decimal and hexadecimal text forms of U256: strict parsing and canonical formatting.

extension U256 {
    /// 10^0 ... 10^19, the powers of ten that fit a `UInt64`.
    static let powersOfTen: [UInt64] = {
        var table: [UInt64] = [1]
        for _ in 1...19 { table.append(table.last! * 10) }
        return table
    }()

    /// Parses a decimal number: ASCII digits only, at least one. No sign, no spaces, no
    /// separators; leading zeros are allowed. Throws `.invalidDecimal` for anything else and
    /// `.overflow` when the value is larger than 2^256 - 1.
    public init(decimal text: some StringProtocol) throws(NumberError) {
        let utf8 = Substring(text).utf8
        guard !utf8.isEmpty else { throw .invalidDecimal(String(text)) }
        var value = U256.zero
        var chunk: UInt64 = 0
        var chunkDigits = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
                throw .invalidDecimal(String(text))
            }
            chunk = chunk &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            chunkDigits += 1
            if chunkDigits == 19 {
                value = try value.appendingDigits(chunk, count: 19)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 { value = try value.appendingDigits(chunk, count: chunkDigits) }
        self = value
    }

    /// `self * 10^count + chunk`, throwing `.overflow` past 2^256 - 1.
    private func appendingDigits(_ chunk: UInt64, count: Int) throws(NumberError) -> U256 {
        let (scaled, carry) = multipliedReportingCarry(by: U256.powersOfTen[count])
        guard carry == 0 else { throw .overflow }
        return try scaled.checkedAdd(U256(chunk))
    }

    /// Parses a JSON-RPC quantity: `0x` (or `0X`) followed by 1 to 64 hex digits of either
    /// case. Leading zeros are accepted. More than 64 significant digits throws `.overflow`.
    public init(hexQuantity text: some StringProtocol) throws(NumberError) {
        let utf8 = Substring(text).utf8
        let prefixOK = utf8.count >= 2 && utf8.first == UInt8(ascii: "0")
            && (utf8.dropFirst().first == UInt8(ascii: "x") || utf8.dropFirst().first == UInt8(ascii: "X"))
        guard prefixOK else { throw .invalidHexQuantity(String(text), reason: "must start with 0x") }
        let digits = utf8.dropFirst(2)
        guard !digits.isEmpty else { throw .invalidHexQuantity(String(text), reason: "no digits after 0x") }
        for (offset, byte) in digits.enumerated() where Hex.nibble(byte) == nil {
            throw .invalidHexQuantity(String(text), reason: "invalid hex digit at offset \(offset + 2)")
        }
        var limbs = InlineArray<4, UInt64>(repeating: 0)
        var position = 0  // nibble index from the least significant end
        for byte in digits.reversed() {
            let nibble = Hex.nibble(byte)!
            if position >= 64 {
                if nibble != 0 { throw .overflow }
            } else {
                limbs[position / 16] |= UInt64(nibble) << (UInt64(position % 16) * 4)
            }
            position += 1
        }
        guard position <= 64 else {
            throw .invalidHexQuantity(String(text), reason: "more than 64 digits")
        }
        self.init(limbs: limbs)
    }

    /// Parses either a `0x` hex quantity or a decimal number, as JSON-RPC files and users write them.
    public init(parsing text: some StringProtocol) throws(NumberError) {
        let utf8 = Substring(text).utf8
        if utf8.count >= 2 && utf8.first == UInt8(ascii: "0")
            && (utf8.dropFirst().first == UInt8(ascii: "x") || utf8.dropFirst().first == UInt8(ascii: "X")) {
            try self.init(hexQuantity: text)
        } else {
            try self.init(decimal: text)
        }
    }

    /// The decimal form without leading zeros, e.g. `0`, `1500000000000000000`.
    public var decimalString: String {
        if let small = uint64Value { return String(small) }
        // Peel off 19-digit chunks (one 128-by-64-bit division per limb each), writing the
        // digits right to left into a buffer large enough for 2^256 - 1 (78 digits).
        var buffer = [UInt8](repeating: UInt8(ascii: "0"), count: 80)
        var end = buffer.count
        var rest = self
        while !rest.isZero {
            var (q, chunk) = rest.quotientAndRemainder(dividingBy: U256.powersOfTen[19])
            rest = q
            let chunkEnd = end - 19
            while chunk != 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: chunk % 10)
                chunk /= 10
            }
            if !rest.isZero { end = chunkEnd }  // keep the chunk's leading zeros, except at the top
        }
        return String(decoding: buffer[end...], as: UTF8.self)
    }

    /// The JSON-RPC QUANTITY form: lower-case hex without leading zeros, `0x0` for zero.
    public var hexQuantity: String {
        if isZero { return "0x0" }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        let nibbles = (bitWidth + 3) / 4
        var out: [UInt8] = [UInt8(ascii: "0"), UInt8(ascii: "x")]
        out.reserveCapacity(nibbles + 2)
        let limbs = self.limbs
        for position in stride(from: nibbles - 1, through: 0, by: -1) {
            let nibble = (limbs[position / 16] >> (UInt64(position % 16) * 4)) & 0xF
            out.append(digits[Int(nibble)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
