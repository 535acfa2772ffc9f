/// Why block header bytes (or a header's fields) were refused; the description names the field.
public enum HeaderError: CategorizedError, Equatable {
    /// The bytes are not one canonical RLP item.
    case invalidRLP(String)
    /// The header is an RLP byte string, not a list.
    case notAList
    /// The list has a number of fields no fork uses (15, 16, 17, 20 or 21).
    case fieldCount(Int)
    /// A field has the wrong kind or size, or a non-canonical integer.
    case invalidField(name: String, problem: String)
    /// A later fork's field is set while an earlier fork's field it requires is missing.
    case missingField(name: String, requiredBy: String)

    /// Header bytes that do not decode cannot be the header a trusted hash commits to.
    public var category: ErrorCategory { .unproven }

    public var description: String {
        switch self {
        case .invalidRLP(let problem): "block header is not valid RLP: \(problem)"
        case .notAList: "block header is a byte string, not an RLP list"
        case .fieldCount(let count): "block header has \(count) fields (expected 15, 16, 17, 20 or 21)"
        case .invalidField(let name, let problem): "block header field \(name): \(problem)"
        case .missingField(let name, let later): "block header has \(later) but no \(name), which it requires"
        }
    }
}
