/// Why a number or an amount was rejected, or why checked arithmetic failed.
///
/// Every case is `.invalidInput`. Descriptions quote the offending text (shortened when very
/// long) so the user sees exactly what was wrong; amounts and numbers are never secret.
public enum NumberError: CategorizedError, Equatable {
    /// A plain decimal number had no digits or a character other than 0–9.
    case invalidDecimal(String)
    /// A hex quantity was malformed; `reason` says how.
    case invalidHexQuantity(String, reason: String)
    /// A number or a checked result is larger than 2^256 - 1.
    case overflow
    /// A checked subtraction would have gone below zero.
    case underflow
    /// An amount was empty (or only whitespace).
    case emptyAmount
    /// An amount had no unit and no default unit applies.
    case missingUnit(String)
    /// An amount's unit is not one of `EtherUnit`'s names.
    case unknownUnit(String)
    /// An amount had more digits after the point (zeros included) than its unit (or token) allows.
    /// `unit` is the unit name, or nil for a plain `decimals` count.
    case tooManyDecimals(amount: String, decimals: Int, allowed: Int, unit: String?)
    /// An amount started with a minus sign.
    case negativeAmount(String)
    /// An amount is larger than 2^256 - 1 of its base unit (`wei`, or `base units` for tokens).
    case amountTooLarge(String, baseUnit: String)
    /// An amount was written in scientific notation (`1e18`), which is not accepted.
    case scientificNotation(String)
    /// An amount contained a digit separator (`_` or `,`).
    case digitSeparator(String, separator: Character)
    /// An amount was malformed in another way; `reason` says how.
    case invalidAmount(String, reason: String)
    /// A `decimals` count outside 0...255 was given.
    case invalidDecimalsCount(Int)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .invalidDecimal(let text):
            return "invalid decimal number \(Self.quote(text)) (expected digits 0-9 only)"
        case .invalidHexQuantity(let text, let reason):
            return "invalid hex quantity \(Self.quote(text)): \(reason)"
        case .overflow:
            return "number is larger than 2^256-1"
        case .underflow:
            return "result would be negative"
        case .emptyAmount:
            return "amount is empty"
        case .missingUnit(let text):
            return "amount \(Self.quote(text)) needs a unit (wei, gwei, ether)"
        case .unknownUnit(let unit):
            return "unknown unit \(Self.quote(unit)) (expected wei, kwei, mwei, gwei, szabo, finney or ether)"
        case .tooManyDecimals(let amount, let decimals, let allowed, let unit):
            let has = decimals == 1 ? "1 decimal" : "\(decimals) decimals"
            let limit: String
            if let unit {
                limit = allowed == 0 ? "\(unit) allows no decimals" : "\(unit) allows at most \(allowed)"
            } else {
                limit = allowed == 0 ? "no decimals are allowed" : "at most \(allowed) are allowed"
            }
            return "amount \(Self.quote(amount)) has \(has); \(limit)"
        case .negativeAmount(let text):
            return "negative amounts are not allowed: \(Self.quote(text))"
        case .amountTooLarge(let text, let baseUnit):
            return "amount \(Self.quote(text)) is larger than 2^256-1 \(baseUnit)"
        case .scientificNotation(let text):
            return "amount \(Self.quote(text)) uses scientific notation, which is not accepted; write the digits out (e.g. 1000000000000000000wei or 1ether)"
        case .digitSeparator(let text, let separator):
            return "amount \(Self.quote(text)) contains '\(separator)'; digit separators are not accepted, write the digits without them"
        case .invalidAmount(let text, let reason):
            return "invalid amount \(Self.quote(text)): \(reason)"
        case .invalidDecimalsCount(let count):
            return "decimals must be between 0 and 255, not \(count)"
        }
    }

    /// `'text'`, shortened to its first 100 characters plus `…` when longer, so a huge
    /// input cannot flood a terminal.
    static func quote(_ text: String) -> String {
        let limit = 100
        guard text.count > limit else { return "'\(text)'" }
        return "'\(text.prefix(limit))…'"
    }
}
