/// Why an EIP-712 typed-data document was rejected.
///
/// `path` points into the JSON document (`message.to.wallet`, `types.Mail[2].type`,
/// `message.cc[1]`); `reason` says what was wrong there. The description is
/// `"<path>: <reason>"`, e.g. `message.to.wallet: expected an address, got 'xyz'`.
public struct TypedDataError: CategorizedError, Equatable {
    /// Where in the document the problem is; empty for the document itself.
    public let path: String
    /// What was wrong, in one line.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var category: ErrorCategory { .invalidInput }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }

    /// `'text'`, shortened to 80 characters with control characters escaped, for quoting
    /// user input in a reason.
    static func quote(_ text: String) -> String {
        let shown = text.count > 80 ? String(text.prefix(80)) + "…" : text
        return "'" + TypedDataDisplay.escaped(shown) + "'"
    }
}
