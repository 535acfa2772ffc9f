/// A strict RFC 4180 reader, just enough for payout files.
///
/// - Fields are separated by `,`; records end with LF or CRLF (a lone CR is an error); the last
///   record's line ending is optional.
/// - A field may be quoted with `"`; inside, `""` is a quote and commas and line breaks are
///   literal. A quote inside an unquoted field, text after a closing quote, and an unterminated
///   quote are errors.
/// - A UTF-8 byte order mark at the start is skipped; invalid UTF-8 is an error.
/// - Blank lines (nothing but spaces or tabs) are skipped.
struct PayoutCSVReader {
    struct Record {
        /// The line on which the record starts (1-based).
        var line: Int
        var fields: [String]
    }

    struct Failure: Error {
        var line: Int
        var fieldIndex: Int?
        var message: String
    }

    static let maxFieldBytes = 4096

    static func records(_ input: [UInt8], maxRecords: Int) throws(Failure) -> [Record] {
        var bytes = input[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var records: [Record] = []
        var i = bytes.startIndex
        let end = bytes.endIndex
        var line = 1
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while i < end {
            let recordLine = line
            var fields: [String] = []
            var anyQuoted = false
            recordLoop: while true {
                var field: [UInt8] = []
                let fieldLine = line
                if i < end && bytes[i] == quote {
                    anyQuoted = true
                    i += 1
                    while true {
                        guard i < end else {
                            throw Failure(line: fieldLine, fieldIndex: fields.count, message: "a quoted field is never closed")
                        }
                        let byte = bytes[i]
                        if byte == quote {
                            if i + 1 < end && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1
                            break
                        }
                        if byte == lf { line += 1 }
                        field.append(byte)
                        i += 1
                    }
                    if i < end && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr {
                        throw Failure(line: line, fieldIndex: fields.count,
                                      message: "unexpected text after a closing quote (write a quote inside a quoted field as \"\")")
                    }
                } else {
                    while i < end && bytes[i] != comma && bytes[i] != lf && bytes[i] != cr {
                        if bytes[i] == quote {
                            throw Failure(line: line, fieldIndex: fields.count,
                                          message: "a quote inside an unquoted field; quote the whole field and double the quote")
                        }
                        field.append(bytes[i])
                        i += 1
                    }
                }
                guard field.count <= maxFieldBytes else {
                    throw Failure(line: fieldLine, fieldIndex: fields.count, message: "field longer than \(maxFieldBytes) bytes")
                }
                guard let text = String(validating: field, as: UTF8.self) else {
                    throw Failure(line: fieldLine, fieldIndex: fields.count, message: "not valid UTF-8")
                }
                fields.append(text)
                guard i < end else { break recordLoop }
                switch bytes[i] {
                case comma:
                    i += 1
                case lf:
                    i += 1
                    line += 1
                    break recordLoop
                default: // CR
                    guard i + 1 < end, bytes[i + 1] == lf else {
                        throw Failure(line: line, fieldIndex: nil, message: "a carriage return that is not followed by a line feed")
                    }
                    i += 2
                    line += 1
                    break recordLoop
                }
            }
            let blank = !anyQuoted && fields.count == 1 && fields[0].utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank { continue }
            guard records.count < maxRecords else {
                throw Failure(line: recordLine, fieldIndex: nil, message: "too many lines (the limit is \(maxRecords))")
            }
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
