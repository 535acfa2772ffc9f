/// One row of a payout file.
public struct PayoutRow: Sendable, Equatable {
    /// The row's id, unique in the file; with the batch name it makes the journal's batch key.
    public let id: String
    public let to: Address
    /// The value exactly as written (trimmed).
    public let valueText: String
    /// The amount in wei for an ether row; nil for a token row (whose `valueText` is a decimal
    /// number in token units that the caller scales by the token's `decimals()`).
    public let wei: U256?
    /// The ERC-20 contract for a token row; nil for an ether row.
    public let token: Address?
    /// The line the row starts on.
    public let line: Int

    public init(id: String, to: Address, valueText: String, wei: U256?, token: Address?, line: Int) {
        self.id = id
        self.to = to
        self.valueText = valueText
        self.wei = wei
        self.token = token
        self.line = line
    }
}

/// A parsed payout file (`send --batch payouts.csv`).
///
/// Format: a header `id,to,value` or `id,to,value,token` (these names, this order), then one
/// row per payout. `id` is any non-empty text unique in the file; `to` an address (mixed case
/// must be a valid EIP-55 checksum; the zero address is refused); `value` an ether amount with
/// a unit (`1.5ether`, `100gwei`, see `Amount`) when `token` is empty, or a plain decimal number
/// in token units (`12.5`) when `token` is a contract address. CSV details: see
/// `PayoutCSVReader` (RFC 4180 quoting, LF or CRLF, BOM and blank lines ignored).
///
/// The batch name makes each row's journal key `"<name>#<id>"`. Given no explicit name, it is
/// derived from a hash of the rows' canonical content (ids, lower-case addresses, values in wei
/// or as written, tokens), so re-running the same payouts — even re-saved with other line
/// endings or quoting — resumes the same batch. Editing any row yields a new name and hence a
/// new batch: to resume after fixing a file, pass the original name explicitly.
public struct PayoutBatch: Sendable, Equatable {
    public static let defaultMaxRows = 100_000

    public let name: String
    public let rows: [PayoutRow]
    /// Whether the file has a token column.
    public let hasTokenColumn: Bool

    /// Parses a payout file. `fileName` prefixes every error message ("payouts.csv line 7,
    /// column value: …"); `name` overrides the derived batch name.
    public static func parse(
        _ bytes: [UInt8], fileName: String = "payouts.csv", name: String? = nil, maxRows: Int = defaultMaxRows
    ) throws(PayoutCSVError) -> PayoutBatch {
        let fail = { (line: Int, column: String?, message: String) in
            PayoutCSVError(file: fileName, line: line, column: column, message: message)
        }
        if let name, let problem = Self.problem(withName: name) { throw fail(0, nil, "batch name \(problem)") }
        let records: [PayoutCSVReader.Record]
        do {
            records = try PayoutCSVReader.records(bytes, maxRecords: maxRows + 1)
        } catch {
            let column = error.fieldIndex.map { $0 < 4 ? ["id", "to", "value", "token"][$0] : "\($0 + 1)" }
            throw fail(error.line, column, error.message)
        }
        guard let header = records.first else { throw fail(1, nil, "the file is empty; expected the header id,to,value") }
        let names = header.fields.map { trim($0) }
        let hasToken: Bool
        switch names {
        case ["id", "to", "value"]: hasToken = false
        case ["id", "to", "value", "token"]: hasToken = true
        default:
            let shown = names.joined(separator: ",")
            if Set(names) == ["id", "to", "value"] || Set(names) == ["id", "to", "value", "token"], names.count <= 4 {
                throw fail(header.line, nil, "columns must be in the order id,to,value[,token], got \(shown)")
            }
            throw fail(header.line, nil, "expected the header id,to,value or id,to,value,token, got \(shown)")
        }
        let columns = hasToken ? ["id", "to", "value", "token"] : ["id", "to", "value"]
        var rows: [PayoutRow] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            let line = record.line
            guard record.fields.count == columns.count else {
                throw fail(line, nil, "expected \(columns.count) fields (\(columns.joined(separator: ","))), found \(record.fields.count)")
            }
            let id = trim(record.fields[0])
            guard !id.isEmpty else { throw fail(line, "id", "empty id") }
            guard !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw fail(line, "id", "control characters are not allowed in an id")
            }
            if let first = firstLine[id] {
                throw fail(line, "id", "duplicate id \"\(id)\" (first used on line \(first))")
            }
            firstLine[id] = line
            let to: Address
            do { to = try Address(parsing: trim(record.fields[1])) } catch { throw fail(line, "to", error.description) }
            guard to != .zero else { throw fail(line, "to", "the zero address would burn the funds") }
            var token: Address?
            if hasToken, !trim(record.fields[3]).isEmpty {
                do { token = try Address(parsing: trim(record.fields[3])) } catch { throw fail(line, "token", error.description) }
            }
            let valueText = trim(record.fields[2])
            var wei: U256?
            if token == nil {
                do { wei = try Amount.parse(valueText) } catch { throw fail(line, "value", error.description) }
            } else {
                if let problem = tokenAmountProblem(valueText) { throw fail(line, "value", problem) }
            }
            rows.append(PayoutRow(id: id, to: to, valueText: valueText, wei: wei, token: token, line: line))
        }
        guard !rows.isEmpty else { throw fail(header.line, nil, "no payout rows after the header") }
        guard rows.count <= maxRows else { throw fail(rows[maxRows].line, nil, "more than \(maxRows) rows") }
        return PayoutBatch(name: name ?? derivedName(rows), rows: rows, hasTokenColumn: hasToken)
    }

    /// The journal key of a row: `"<batch name>#<row id>"`.
    public func batchKey(rowId: String) -> String { "\(name)#\(rowId)" }

    /// The journal key of a row.
    public func batchKey(_ row: PayoutRow) -> String { batchKey(rowId: row.id) }

    /// "csv-" and the first 16 hex digits of keccak256 of the canonical rows.
    static func derivedName(_ rows: [PayoutRow]) -> String {
        var hasher = Keccak256()
        for row in rows {
            var canonical = Array(row.id.utf8) + [0]
            canonical += Array(Hex.encode(row.to.bytes).utf8) + [0]
            canonical += Array((row.wei?.decimalString ?? row.valueText).utf8) + [0]
            canonical += Array((row.token.map { Hex.encode($0.bytes) } ?? "").utf8) + [0x0A]
            hasher.update(Array(String(canonical.count).utf8) + [0x3A] + canonical)
        }
        return "csv-" + Hex.encode(hasher.finalize().prefix(8), prefix: false)
    }

    /// Why `name` cannot be a batch name, or nil.
    static func problem(withName name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.utf8.count > 200 { return "is longer than 200 bytes" }
        if name.contains("#") { return "must not contain '#'" }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "must not contain control characters"
        }
        return nil
    }

    /// Why a token amount is malformed, or nil: a plain decimal number, no unit, no sign.
    private static func tokenAmountProblem(_ text: String) -> String? {
        guard !text.isEmpty else { return "empty amount" }
        do {
            let number = try Amount.scanNumber(text)
            if !number.rest.isEmpty {
                return "a token amount is a plain number in token units (e.g. 12.5), without a unit"
            }
            return nil
        } catch {
            return error.description
        }
    }

    private static func trim(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

/// A payout file error, located by line and (when known) column.
public struct PayoutCSVError: CategorizedError, Equatable {
    public let file: String
    /// 1-based line; 0 for a problem not tied to a line (the batch name).
    public let line: Int
    public let column: String?
    public let message: String

    public init(file: String, line: Int, column: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        var where_ = DisplayText.escaped(file)
        if line > 0 { where_ += " line \(line)" }
        if let column { where_ += ", column \(DisplayText.escaped(column))" }
        return "\(where_): \(DisplayText.escaped(message, limit: 400))"
    }
}
