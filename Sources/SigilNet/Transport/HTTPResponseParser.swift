/// An HTTP response: status, headers (names lowercased, in order) and the decoded body.
public struct HTTPResponse: Sendable, Equatable {
    public let status: Int
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }

    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// Incrementally recognizes one HTTP/1.x response in a growing buffer: status line, headers,
/// then a body framed by `Content-Length`, `Transfer-Encoding: chunked`, or the end of the
/// connection. Interim 1xx responses are skipped.
struct HTTPResponseParser {
    enum Step { case needMore, complete(HTTPResponse) }

    private struct Head {
        var status: Int
        var headers: [(name: String, value: String)]
        var bodyStart: Int
        var framing: Framing
    }

    private enum Framing { case length(Int), chunked, untilClose, none }

    private var head: Head?
    private var chunkCursor = 0
    private var chunkedBody: [UInt8] = []

    /// Looks at `buffer` (everything received so far); `closed` means the peer closed the connection.
    mutating func step(_ buffer: [UInt8], closed: Bool) throws(ParseFailure) -> Step {
        if head == nil {
            guard let parsed = try Self.parseHead(buffer, from: 0) else {
                if closed { throw ParseFailure(buffer.isEmpty ? "connection closed without a response" : "connection closed inside the headers") }
                return .needMore
            }
            head = parsed
            chunkCursor = parsed.bodyStart
        }
        let head = head!
        switch head.framing {
        case .none:
            return .complete(HTTPResponse(status: head.status, headers: head.headers, body: []))
        case .length(let count):
            if buffer.count - head.bodyStart >= count {
                let body = Array(buffer[head.bodyStart..<(head.bodyStart + count)])
                return .complete(HTTPResponse(status: head.status, headers: head.headers, body: body))
            }
            if closed { throw ParseFailure("connection closed after \(buffer.count - head.bodyStart) of \(count) body bytes") }
            return .needMore
        case .untilClose:
            guard closed else { return .needMore }
            return .complete(HTTPResponse(status: head.status, headers: head.headers, body: Array(buffer[head.bodyStart...])))
        case .chunked:
            if try decodeChunks(buffer) {
                return .complete(HTTPResponse(status: head.status, headers: head.headers, body: chunkedBody))
            }
            if closed { throw ParseFailure("connection closed inside a chunked body") }
            return .needMore
        }
    }

    /// Consumes complete chunks from `chunkCursor`; true once the last chunk and trailers are in.
    private mutating func decodeChunks(_ buffer: [UInt8]) throws(ParseFailure) -> Bool {
        while true {
            guard let lineEnd = Self.findCRLF(buffer, from: chunkCursor) else { return false }
            let sizeField = buffer[chunkCursor..<lineEnd].prefix { $0 != UInt8(ascii: ";") }
            let sizeText = String(decoding: sizeField, as: UTF8.self).trimmingSpaces
            guard !sizeText.isEmpty, sizeText.utf8.count <= 8, let size = Int(sizeText, radix: 16) else {
                throw ParseFailure("invalid chunk size")
            }
            if size == 0 {
                // Trailers end with an empty line.
                var cursor = lineEnd + 2
                while true {
                    guard let end = Self.findCRLF(buffer, from: cursor) else { return false }
                    if end == cursor { return true }
                    cursor = end + 2
                }
            }
            let dataStart = lineEnd + 2
            guard buffer.count >= dataStart + size + 2 else { return false }
            guard buffer[dataStart + size] == 13, buffer[dataStart + size + 1] == 10 else {
                throw ParseFailure("chunk not followed by CRLF")
            }
            chunkedBody.append(contentsOf: buffer[dataStart..<(dataStart + size)])
            chunkCursor = dataStart + size + 2
        }
    }

    private static func parseHead(_ buffer: [UInt8], from start: Int) throws(ParseFailure) -> Head? {
        guard let end = findHeadEnd(buffer, from: start) else {
            if buffer.count - start > 64 * 1024 { throw ParseFailure("headers larger than 64 KiB") }
            if buffer.count - start >= 5 && !buffer[start..<(start + 5)].elementsEqual("HTTP/".utf8) {
                throw ParseFailure("not an HTTP response")
            }
            return nil
        }
        // Lines split on CRLF as bytes (a String would split by grapheme, far slower per response).
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = start
        var i = start
        while i + 1 < end {
            if buffer[i] == 13 && buffer[i + 1] == 10 { lines.append(buffer[lineStart..<i]); i += 2; lineStart = i } else { i += 1 }
        }
        lines.append(buffer[lineStart..<end])
        let statusLine = String(decoding: lines.removeFirst(), as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].utf8.count == 3,
              let status = Int(parts[1]), status >= 100 else {
            throw ParseFailure("bad status line \"\(statusLine.prefix(60))\"")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw ParseFailure("bad header line") }
            headers.append((String(decoding: line[..<colon], as: UTF8.self).lowercased(),
                            String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces))
        }
        let bodyStart = end + 4
        if status < 200 { return try parseHead(buffer, from: bodyStart) }  // 100 Continue etc.
        let framing: Framing
        if status == 204 || status == 304 {
            framing = .none
        } else if let encoding = headers.first(where: { $0.name == "transfer-encoding" })?.value,
                  encoding.lowercased().hasSuffix("chunked") {
            framing = .chunked
        } else if let lengths = Optional(headers.filter { $0.name == "content-length" }), !lengths.isEmpty {
            guard Set(lengths.map(\.value)).count == 1, let length = Int(lengths[0].value), length >= 0 else {
                throw ParseFailure("invalid Content-Length")
            }
            framing = .length(length)
        } else {
            framing = .untilClose
        }
        return Head(status: status, headers: headers, bodyStart: bodyStart, framing: framing)
    }

    private static func findHeadEnd(_ buffer: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func findCRLF(_ buffer: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }
}

/// A reason the parser gave up on a response.
struct ParseFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

extension String {
    var trimmingSpaces: String {
        let utf8 = self.utf8
        let start = utf8.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? utf8.endIndex
        let end = utf8.lastIndex { $0 != 0x20 && $0 != 0x09 }.map { utf8.index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
