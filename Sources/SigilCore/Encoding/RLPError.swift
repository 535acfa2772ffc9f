/// Why an RLP input was rejected, and where.
///
/// The decoder is strict: it accepts only the one canonical encoding of each value, so a
/// value that decodes re-encodes to exactly the same bytes. Every rejection carries the byte
/// offset in the input where the problem is.
public struct RLPError: CategorizedError, Equatable {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// The input (or the part of it to decode) is empty.
        case emptyInput
        /// A header or payload runs past the end of the input.
        case truncated
        /// Bytes remain after the single top-level item.
        case trailingBytes
        /// A single byte below 0x80 was wrapped in a string header (`0x81 0x05`).
        case nonCanonicalSingleByte
        /// A long-form header (`0xb8…`/`0xf8…`) was used for a length below 56.
        case nonCanonicalLengthShortForm
        /// The big-endian length in a long-form header starts with a zero byte.
        case leadingZeroInLength
        /// A declared length does not fit in an `Int`, or its end position overflows.
        case lengthOverflow
        /// An item runs past the end of the list payload that contains it.
        case listLengthMismatch
        /// Lists are nested deeper than the decoder's limit.
        case tooDeep
        /// An integer field has a leading zero byte (integers are minimal big-endian; 0 is empty).
        case leadingZeroInInteger
        /// An integer field has more bytes than the requested integer type holds.
        case integerTooLarge
        /// A byte string was expected but the item is a list.
        case expectedBytes
        /// A list was expected but the item is a byte string.
        case expectedList
    }

    /// What was wrong.
    public let reason: Reason
    /// The byte offset in the input where the problem is. For checks made on an already
    /// decoded `RLPItem` (integers, expected kinds) the item has no position and this is 0.
    public let offset: Int
    /// Extra facts for the description (a byte value, a length); not part of equality.
    let detail: String?

    /// Creates an error; `detail` is an optional clause appended to the description.
    public init(reason: Reason, offset: Int, detail: String? = nil) {
        self.reason = reason
        self.offset = offset
        self.detail = detail
    }

    public static func == (lhs: RLPError, rhs: RLPError) -> Bool {
        lhs.reason == rhs.reason && lhs.offset == rhs.offset
    }

    public var category: ErrorCategory { .invalidInput }

    /// One line naming the problem and its position, e.g.
    /// "invalid RLP at byte 3: single byte 0x05 wrapped in a string header (must be encoded as itself)".
    public var description: String {
        let what: String
        switch reason {
        case .emptyInput: what = "no item: the input is empty"
        case .truncated: what = "input ends early"
        case .trailingBytes: what = "trailing bytes after the item"
        case .nonCanonicalSingleByte:
            // The detail is the byte itself, which reads best inside the phrase.
            let byte = detail.map { " \($0)" } ?? ""
            return "invalid RLP at byte \(offset): single byte\(byte) wrapped in a string header (must be encoded as itself)"
        case .nonCanonicalLengthShortForm: what = "long-form length header used for a length below 56 (must use the short form)"
        case .leadingZeroInLength: what = "length in a long-form header has a leading zero byte"
        case .lengthOverflow: what = "declared length is too large to represent"
        case .listLengthMismatch: what = "item runs past the end of its enclosing list"
        case .tooDeep: what = "lists nested too deeply"
        case .leadingZeroInInteger: what = "integer has a leading zero byte (must be minimal big-endian, 0 is the empty string)"
        case .integerTooLarge: what = "integer is too large for its field"
        case .expectedBytes: what = "expected a byte string, found a list"
        case .expectedList: what = "expected a list, found a byte string"
        }
        let clause = detail.map { ": \($0)" } ?? ""
        switch reason {
        case .leadingZeroInInteger, .integerTooLarge, .expectedBytes, .expectedList:
            return "invalid RLP field: \(what)\(clause)"
        default:
            return "invalid RLP at byte \(offset): \(what)\(clause)"
        }
    }
}
