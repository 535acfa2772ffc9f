/// Why receipt bytes were refused; the description names the field.
public enum ReceiptError: CategorizedError, Equatable {
    /// No bytes.
    case emptyInput
    /// The first byte is neither an RLP list (legacy) nor a receipt type 1...4.
    case unsupportedType(UInt8)
    /// The payload is not one canonical RLP item.
    case invalidRLP(String)
    /// The payload is not a list of 4 items [status or root, cumulativeGasUsed, bloom, logs].
    case wrongShape(String)
    /// A field has the wrong kind, size or value.
    case invalidField(name: String, problem: String)

    /// A receipt that does not decode cannot be the one a trusted receipts root commits to.
    public var category: ErrorCategory { .unproven }

    public var description: String {
        switch self {
        case .emptyInput: "receipt is empty"
        case .unsupportedType(let type): "receipt type 0x\(String(type, radix: 16)) is not supported (legacy or 1 to 4)"
        case .invalidRLP(let problem): "receipt is not valid RLP: \(problem)"
        case .wrongShape(let problem): "receipt is not [status, cumulativeGasUsed, logsBloom, logs]: \(problem)"
        case .invalidField(let name, let problem): "receipt field \(name): \(problem)"
        }
    }
}
