/// Why an unsigned transaction request (any shape `RequestReader` reads) was refused.
///
/// The description is one line and names the field concerned, for example
/// "field 'value' is not a whole number ('1.0'): ...". Requests hold no
/// secrets, so values may be quoted (shortened when long).
public struct RequestError: CategorizedError, Equatable {
    /// The field concerned (e.g. "maxFeePerGas", "accessList[0].address"), if any.
    public let field: String?
    /// `.invalidInput`, or `.unsupported` for a format or transaction type this version
    /// does not handle.
    public let category: ErrorCategory
    /// The one-line message.
    public let description: String

    /// An error about `field` with the full one-line `message`.
    public init(field: String?, category: ErrorCategory = .invalidInput, message: String) {
        self.field = field
        self.category = category
        self.description = message
    }

    /// "field 'name' <detail>".
    static func field(_ name: String, _ detail: String, category: ErrorCategory = .invalidInput) -> RequestError {
        RequestError(field: name, category: category, message: "field '\(name)' \(detail)")
    }

    /// A message that concerns the request as a whole.
    static func request(_ message: String, category: ErrorCategory = .invalidInput) -> RequestError {
        RequestError(field: nil, category: category, message: message)
    }

    /// `'text'`, shortened to 80 characters plus `…` so that hostile input cannot flood a terminal.
    static func quote(_ text: String) -> String {
        let limit = 80
        var shown = ""
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == limit { shown += "…"; break }
            if scalar.value < 0x20 || scalar.value == 0x7f || scalar == "'" || scalar == "\\" {
                shown += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return "'\(shown)'"
    }

    /// `'a', 'b' and 'c'`.
    static func list(_ names: [String]) -> String {
        let quoted = names.map { quote($0) }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }

    /// A type as the messages name it: "type 2 (EIP-1559 dynamic fee)".
    static func typeName(_ type: TransactionType) -> String {
        let name: String
        switch type {
        case .legacy: name = "legacy"
        case .accessList: name = "EIP-2930 access list"
        case .dynamicFee: name = "EIP-1559 dynamic fee"
        case .blob: name = "EIP-4844 blob"
        case .setCode: name = "EIP-7702 set code"
        }
        return "type \(type.rawValue) (\(name))"
    }
}
