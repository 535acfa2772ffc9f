/// Strict RLP decoding.
///
/// The decoder walks the input by index with an explicit stack (no recursion, so hostile
/// nesting cannot overflow the call stack) and accepts only canonical encodings:
/// - a single byte below 0x80 must be encoded as itself, not as `0x81 b`;
/// - lengths below 56 must use the short form, and long-form lengths have no leading zeros;
/// - every header and payload must fit inside the input and inside its enclosing list, and a
///   list's items must fill its payload exactly;
/// - lists nest at most `maxDepth` deep; no bytes may follow the item (`decode`).
/// Hence an input is accepted exactly when it equals `RLP.encode` of the result.
extension RLP {
    /// Decodes exactly one item that spans all of `bytes`.
    public static func decode(_ bytes: [UInt8], maxDepth: Int = RLP.maxDepth) throws(RLPError) -> RLPItem {
        guard !bytes.isEmpty else { throw RLPError(reason: .emptyInput, offset: 0) }
        let (item, end) = try decodePrefix(bytes, from: 0, maxDepth: maxDepth)
        guard end == bytes.count else {
            throw RLPError(reason: .trailingBytes, offset: end, detail: "\(bytes.count - end) byte(s) after an item of \(end)")
        }
        return item
    }

    /// Decodes one item starting at `offset` and returns it with the index just past it.
    /// Bytes after the item are left alone (for streams and typed-transaction envelopes).
    /// - Precondition: `0 <= offset <= bytes.count`.
    public static func decodePrefix(
        _ bytes: [UInt8], from offset: Int, maxDepth: Int = RLP.maxDepth
    ) throws(RLPError) -> (item: RLPItem, end: Int) {
        precondition(offset >= 0 && offset <= bytes.count, "RLP.decodePrefix offset out of range")
        guard offset < bytes.count else { throw RLPError(reason: .emptyInput, offset: offset) }
        var reader = RLPReader(bytes: bytes, maxDepth: maxDepth)
        return try reader.readItem(at: offset)
    }
}

/// One pass over an input array; all positions are indices into `bytes`.
private struct RLPReader {
    /// A list whose items are being collected.
    struct OpenList {
        var items: [RLPItem]
        let end: Int
    }

    /// What a header at some position announces.
    enum Header {
        case singleByte(UInt8)
        case string(payloadStart: Int, end: Int)
        case list(payloadStart: Int, end: Int)
    }

    let bytes: [UInt8]
    let maxDepth: Int
    var open: [OpenList] = []

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    mutating func readItem(at start: Int) throws(RLPError) -> (item: RLPItem, end: Int) {
        var position = start
        while true {
            let limit = open.last?.end ?? bytes.count
            var item: RLPItem
            switch try header(at: position, limit: limit) {
            case .singleByte(let byte):
                item = .bytes([byte])
                position += 1
            case .string(let payloadStart, let end):
                item = .bytes(Array(bytes[payloadStart..<end]))
                position = end
            case .list(let payloadStart, let end):
                guard open.count < maxDepth else {
                    throw RLPError(reason: .tooDeep, offset: position, detail: "more than \(maxDepth) nested lists")
                }
                if payloadStart == end {
                    item = .list([])
                    position = end
                } else {
                    open.append(OpenList(items: [], end: end))
                    position = payloadStart
                    continue
                }
            }
            // Hand the finished item to its list; close every list it completes.
            while !open.isEmpty {
                open[open.count - 1].items.append(item)
                guard position == open[open.count - 1].end else { break }
                item = .list(open.removeLast().items)
            }
            if open.isEmpty { return (item, position) }
        }
    }

    /// Parses the header at `position` (< limit) and checks that the whole item fits before `limit`.
    func header(at position: Int, limit: Int) throws(RLPError) -> Header {
        let prefix = bytes[position]
        switch prefix {
        case 0x00...0x7f:
            return .singleByte(prefix)
        case 0x80...0xb7:
            let length = Int(prefix - 0x80)
            let end = try checkedEnd(payloadStart: position + 1, length: length, header: position, limit: limit)
            if length == 1 && bytes[position + 1] < 0x80 {
                throw RLPError(reason: .nonCanonicalSingleByte, offset: position, detail: Hex.encode([bytes[position + 1]]))
            }
            return .string(payloadStart: position + 1, end: end)
        case 0xb8...0xbf:
            let (start, end) = try longForm(at: position, lengthOfLength: Int(prefix - 0xb7), limit: limit)
            return .string(payloadStart: start, end: end)
        case 0xc0...0xf7:
            let length = Int(prefix - 0xc0)
            let end = try checkedEnd(payloadStart: position + 1, length: length, header: position, limit: limit)
            return .list(payloadStart: position + 1, end: end)
        default:
            let (start, end) = try longForm(at: position, lengthOfLength: Int(prefix - 0xf7), limit: limit)
            return .list(payloadStart: start, end: end)
        }
    }

    /// Reads a long-form length (1...8 big-endian bytes after the prefix) and the payload bounds.
    func longForm(at position: Int, lengthOfLength: Int, limit: Int) throws(RLPError) -> (start: Int, end: Int) {
        let payloadStart = position + 1 + lengthOfLength
        guard payloadStart <= limit else {
            throw overrun(header: position, limit: limit, detail: "header needs \(1 + lengthOfLength) bytes, \(limit - position) remain")
        }
        guard bytes[position + 1] != 0 else {
            throw RLPError(reason: .leadingZeroInLength, offset: position + 1)
        }
        var length: UInt64 = 0
        for index in (position + 1)..<payloadStart { length = length << 8 | UInt64(bytes[index]) }
        guard length <= UInt64(Int.max) else {
            throw RLPError(reason: .lengthOverflow, offset: position, detail: "length \(length)")
        }
        guard length >= 56 else {
            throw RLPError(reason: .nonCanonicalLengthShortForm, offset: position, detail: "length \(length) in long form")
        }
        let end = try checkedEnd(payloadStart: payloadStart, length: Int(length), header: position, limit: limit)
        return (payloadStart, end)
    }

    /// `payloadStart + length`, checked for overflow and against `limit`.
    func checkedEnd(payloadStart: Int, length: Int, header: Int, limit: Int) throws(RLPError) -> Int {
        let (end, overflow) = payloadStart.addingReportingOverflow(length)
        guard !overflow else { throw RLPError(reason: .lengthOverflow, offset: header, detail: "length \(length)") }
        guard end <= limit else {
            throw overrun(header: header, limit: limit, detail: "\(length) payload byte(s) declared, \(max(limit - payloadStart, 0)) remain")
        }
        return end
    }

    /// A top-level item past the input's end is `.truncated`; an item inside a list (whose own
    /// end was already checked against the input) that runs past the list is `.listLengthMismatch`.
    func overrun(header: Int, limit: Int, detail: String) -> RLPError {
        if open.isEmpty {
            return RLPError(reason: .truncated, offset: header, detail: detail)
        }
        return RLPError(reason: .listLengthMismatch, offset: header, detail: detail + " in the enclosing list (ends at byte \(limit))")
    }
}
