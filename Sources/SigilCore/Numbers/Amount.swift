/// Exact conversion between decimal amounts that people type ("1.5ether", "30 gwei") and
/// integer base units (wei, or a token's smallest unit). No floating point anywhere: the
/// digits are moved, never rounded.
///
/// Accepted syntax: optional surrounding whitespace, then `DIGITS[.DIGITS]`, then optional
/// spaces, then a unit name (case-insensitive, see `EtherUnit(name:)`). Rules:
/// - `0.5` is fine; `.5` and `1.` are rejected (write `0.5` and `1`), so are several dots.
/// - Leading zeros in the integer part are fine (`007wei`).
/// - Every digit after the point counts against the unit, zeros included: ether takes at most
///   18, gwei 9, wei none. So `1.5000000000000000000ether` (19 decimals), `1.0wei`, `0.1wei` and
///   `1.0000000001gwei` are all rejected, whatever the value of the extra digits.
/// - Rejected with their own messages: a sign (`-1ether`, `+1ether`), scientific notation
///   (`1e18`), digit separators (`1_000`, `1,000`), whitespace inside the number (`1 000wei`),
///   hex (`0x10`), values above 2^256 - 1 base units after scaling, and an empty amount.
/// - A bare number (`100`) uses `defaultUnit`; without one it is an error that asks for a unit.
public enum Amount {
    /// Parses an ether amount with a unit into wei.
    public static func parse(_ text: String, defaultUnit: EtherUnit? = nil) throws(NumberError) -> U256 {
        let amount = trimmed(text)
        guard !amount.isEmpty else { throw .emptyAmount }
        let number = try scanNumber(amount)
        let unitText = String(decoding: number.rest, as: UTF8.self)
        let unit: EtherUnit
        if unitText.isEmpty {
            guard let defaultUnit else { throw .missingUnit(amount) }
            unit = defaultUnit
        } else {
            guard let named = EtherUnit(name: unitText) else { throw .unknownUnit(unitText) }
            unit = named
        }
        return try scale(number, decimals: unit.decimals, amount: amount, unitName: unit.rawValue, baseUnit: "wei")
    }

    /// Parses a plain decimal amount (no unit) of a token with `decimals` decimal places
    /// (an ERC-20 token's `decimals()`, 0...255) into base units.
    public static func parse(_ text: String, decimals: Int) throws(NumberError) -> U256 {
        guard (0...255).contains(decimals) else { throw .invalidDecimalsCount(decimals) }
        let amount = trimmed(text)
        guard !amount.isEmpty else { throw .emptyAmount }
        let number = try scanNumber(amount)
        guard number.rest.isEmpty else {
            let rest = String(decoding: number.rest, as: UTF8.self)
            throw .invalidAmount(amount, reason: "unexpected '\(rest)' after the number (token amounts take no unit)")
        }
        return try scale(number, decimals: decimals, amount: amount, unitName: nil, baseUnit: "base units")
    }

    /// Formats wei in `unit` exactly: no exponent, no trailing zeros, no trailing dot.
    /// 1500000000000000000 wei as ether is `1.5`; 1 wei is `0.000000000000000001`; 0 is `0`.
    public static func format(_ wei: U256, as unit: EtherUnit) -> String {
        format(wei, decimals: unit.decimals)
    }

    /// Formats base units of a token with `decimals` decimal places exactly, by the same
    /// rules as `format(_:as:)`. `decimals` must not be negative.
    public static func format(_ value: U256, decimals: Int) -> String {
        precondition(decimals >= 0, "decimals must not be negative")
        var digits = Array(value.decimalString.utf8)
        guard decimals > 0 else { return String(decoding: digits, as: UTF8.self) }
        if digits.count <= decimals {
            digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals + 1 - digits.count), at: 0)
        }
        let point = digits.count - decimals
        var end = digits.count
        while end > point && digits[end - 1] == UInt8(ascii: "0") { end -= 1 }
        if end == point { return String(decoding: digits[..<point], as: UTF8.self) }
        return String(decoding: digits[..<point], as: UTF8.self) + "." + String(decoding: digits[point..<end], as: UTF8.self)
    }

    // MARK: Scanning

    /// The parts of an amount: integer digits, fraction digits (without the dot), and what
    /// follows after any spaces (the unit, if any).
    struct ScannedNumber {
        var integer: ArraySlice<UInt8>
        var fraction: ArraySlice<UInt8>
        var rest: ArraySlice<UInt8>
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// `text` without leading and trailing ASCII whitespace.
    private static func trimmed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0, end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Splits a trimmed, non-empty amount into its number and unit parts, rejecting every
    /// malformed number with a message that names the problem.
    static func scanNumber(_ amount: String) throws(NumberError) -> ScannedNumber {
        let bytes = Array(amount.utf8)
        switch bytes[0] {
        case UInt8(ascii: "-"): throw .negativeAmount(amount)
        case UInt8(ascii: "+"): throw .invalidAmount(amount, reason: "a '+' sign is not accepted; write the number alone")
        default: break
        }
        var end = 0
        var dot: Int?
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: ",") {
                throw .digitSeparator(amount, separator: Character(Unicode.Scalar(byte)))
            }
            if byte == UInt8(ascii: ".") {
                guard dot == nil else { throw .invalidAmount(amount, reason: "more than one '.'") }
                dot = end
            } else if !isDigit(byte) {
                break
            }
            end += 1
        }
        guard end > 0 else {
            throw .invalidAmount(amount, reason: "expected a number such as 1.5ether, 30gwei or 12wei")
        }
        if dot == 0 {
            throw .invalidAmount(amount, reason: "write a digit before the '.' (e.g. 0.5)")
        }
        if let dot, dot == end - 1 {
            throw .invalidAmount(amount, reason: "write digits after the '.' or drop it (e.g. 1 or 1.5)")
        }
        if end < bytes.count {
            let next = bytes[end]
            let after: UInt8? = end + 1 < bytes.count ? bytes[end + 1] : nil
            if next == UInt8(ascii: "e") || next == UInt8(ascii: "E"),
               let after, isDigit(after) || after == UInt8(ascii: "+") || after == UInt8(ascii: "-") {
                throw .scientificNotation(amount)
            }
            if next == UInt8(ascii: "x") || next == UInt8(ascii: "X"), end == 1, bytes[0] == UInt8(ascii: "0") {
                throw .invalidAmount(amount, reason: "hex is not accepted here; write a decimal amount with a unit (e.g. 16wei)")
            }
        }
        var unitStart = end
        while unitStart < bytes.count && isSpace(bytes[unitStart]) { unitStart += 1 }
        if unitStart > end && unitStart < bytes.count
            && (isDigit(bytes[unitStart]) || bytes[unitStart] == UInt8(ascii: ".")) {
            throw .invalidAmount(amount, reason: "whitespace inside the number")
        }
        let integerEnd = dot ?? end
        return ScannedNumber(
            integer: bytes[0..<integerEnd],
            fraction: dot.map { bytes[($0 + 1)..<end] } ?? [],
            rest: bytes[unitStart...]
        )
    }

    /// `integer.fraction × 10^decimals` as an exact integer, or the error that explains why not.
    private static func scale(
        _ number: ScannedNumber, decimals: Int, amount: String, unitName: String?, baseUnit: String
    ) throws(NumberError) -> U256 {
        let fraction = number.fraction
        guard fraction.count <= decimals else {
            throw .tooManyDecimals(amount: amount, decimals: fraction.count, allowed: decimals, unit: unitName)
        }
        // The scaled value's digits are the integer digits, the fraction digits, then zeros up
        // to `decimals`: moving the point is exact.
        var digits = Array(number.integer)
        digits.append(contentsOf: fraction)
        digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: decimals - fraction.count))
        do {
            return try U256(decimal: String(decoding: digits, as: UTF8.self))
        } catch {
            throw .amountTooLarge(amount, baseUnit: baseUnit)
        }
    }
}
