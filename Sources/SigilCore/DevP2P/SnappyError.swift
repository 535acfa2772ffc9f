/// Why a Snappy block was rejected. Offsets are byte positions in the compressed input.
public enum SnappyError: CategorizedError, Equatable {
    /// The input is empty: not even the length header.
    case emptyInput
    /// The length varint is cut off, longer than five bytes or over 32 bits.
    case badLengthHeader(String)
    /// The declared uncompressed length is above the caller's maximum.
    case lengthTooLarge(declared: Int, maximum: Int)
    /// The declared length is more than `elementBytes` bytes of elements could ever produce
    /// (a copy yields at most 64 bytes from 3), so the block is rejected before allocating.
    case lengthExceedsInput(declared: Int, elementBytes: Int)
    /// The element whose tag is at `offset` runs past the end of the input.
    case truncatedElement(offset: Int)
    /// The copy whose tag is at `offset` reaches `distance` bytes back with only `produced`
    /// bytes decoded so far (or has distance 0).
    case badCopyOffset(offset: Int, distance: Int, produced: Int)
    /// The element whose tag is at `offset` would write past the declared length.
    case outputOverflow(offset: Int, declared: Int)
    /// The elements produced fewer bytes than the header declared.
    case lengthMismatch(declared: Int, produced: Int)

    public var category: ErrorCategory { .invalidInput }

    /// One line, e.g. "invalid Snappy block: copy at byte 7 reaches 12 bytes back but only 5 are decoded".
    public var description: String {
        let what: String
        switch self {
        case .emptyInput:
            what = "empty input (no length header)"
        case .badLengthHeader(let reason):
            what = "bad length header: \(reason)"
        case .lengthTooLarge(let declared, let maximum):
            what = "declared length \(declared) exceeds the maximum of \(maximum) bytes"
        case .lengthExceedsInput(let declared, let elementBytes):
            what = "declared length \(declared) cannot come from \(elementBytes) bytes of elements"
        case .truncatedElement(let offset):
            what = "element at byte \(offset) runs past the end of the input"
        case .badCopyOffset(let offset, let distance, let produced):
            what = distance == 0
                ? "copy at byte \(offset) has offset 0"
                : "copy at byte \(offset) reaches \(distance) bytes back but only \(produced) are decoded"
        case .outputOverflow(let offset, let declared):
            what = "element at byte \(offset) writes past the declared length of \(declared) bytes"
        case .lengthMismatch(let declared, let produced):
            what = "declared length \(declared) but the elements produce \(produced) bytes"
        }
        return "invalid Snappy block: \(what)"
    }
}
