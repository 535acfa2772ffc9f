import SigilCore

/// Reads an `eth_getLogs` answer, `{"jsonrpc":"2.0","id":N,"result":[{log}, …]}`, straight from
/// its bytes into `EventLog`s, without building a JSON tree first: an answer holds thousands of
/// logs, and the tree cost more than everything else a scan does with them.
///
/// It takes only the plain shape nodes send: members in any order, whitespace anywhere,
/// strings without escapes, hex of the right lengths, JSON-RPC quantities without leading
/// zeros, extra members whose values are strings, numbers, booleans or null. Anything else
/// (an error object, an escape, a nested extra member, a wrong length) gives nil, and the
/// caller reads the answer with the general JSON parser, whose errors name what is wrong.
enum LogsAnswer {
    static func logs(_ body: [UInt8], id: Int) -> [EventLog]? {
        body.withUnsafeBufferPointer { buffer in
            var reader = Reader(bytes: buffer)
            return reader.answer(id: id)
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        mutating func answer(id: Int) -> [EventLog]? {
            var logs: [EventLog]?
            var idMatches = false
            guard object({ reader, key in
                switch key {
                case "result": logs = reader.logArray(); return logs != nil
                case "id": idMatches = reader.integer() == id; return idMatches
                case "jsonrpc": return reader.string() != nil
                default: return false   // "error", or anything unexpected
                }
            }) else { return nil }
            skipSpace()
            guard at == bytes.count, idMatches else { return nil }
            return logs
        }

        mutating func logArray() -> [EventLog]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var logs: [EventLog] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return logs }
            repeat {
                guard let log = log() else { return nil }
                logs.append(log)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? logs : nil
        }

        mutating func log() -> EventLog? {
            var address: [UInt8]?, topics: [[UInt8]]?, data: [UInt8]?, blockHash: [UInt8]?, transactionHash: [UInt8]?
            var blockNumber: UInt64?, transactionIndex: UInt64?, logIndex: UInt64?, removed = false
            guard object({ reader, key in
                switch key {
                case "address": address = reader.hex(count: 20)
                case "data": data = reader.hex(count: nil)
                case "blockHash": blockHash = reader.hex(count: 32)
                case "transactionHash": transactionHash = reader.hex(count: 32)
                case "blockNumber": blockNumber = reader.quantity()
                case "transactionIndex": transactionIndex = reader.quantity()
                case "logIndex": logIndex = reader.quantity()
                case "removed":
                    if reader.literal("true") { removed = true } else if reader.literal("false") { removed = false } else { return false }
                    return true
                case "topics": topics = reader.topics()
                default: return reader.skipScalar()
                }
                return true
            }) else { return nil }
            guard let address, let topics, let data, let blockHash, let transactionHash, let blockNumber,
                  let transactionIndex, let logIndex, let holder = try? Address(bytes: address) else { return nil }
            return EventLog(address: holder, topics: topics, data: data, blockNumber: blockNumber, blockHash: blockHash,
                            transactionHash: transactionHash, transactionIndex: transactionIndex, logIndex: logIndex, removed: removed)
        }

        mutating func topics() -> [[UInt8]]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var topics: [[UInt8]] = []
            skipSpace()
            if take(UInt8(ascii: "]")) { return topics }
            repeat {
                guard topics.count < 4, let topic = hex(count: 32) else { return nil }
                topics.append(topic)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? topics : nil
        }

        /// `{ "key": value, … }`, `member` reading each value (false: give up).
        mutating func object(_ member: (inout Reader, String) -> Bool) -> Bool {
            guard take(UInt8(ascii: "{")) else { return false }
            skipSpace()
            if take(UInt8(ascii: "}")) { return true }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")) else { return false }
                skipSpace()
                guard member(&self, key) else { return false }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}"))
        }

        /// The raw bytes of a string without escapes, after its opening quote; the cursor after the closing one.
        mutating func stringBytes() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = at
            while at < bytes.count {
                let c = bytes[at]
                if c == UInt8(ascii: "\"") { at += 1; return start..<(at - 1) }
                if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
                at += 1
            }
            return nil
        }

        mutating func string() -> String? {
            guard let range = stringBytes() else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        mutating func hex(count: Int?) -> [UInt8]? {
            guard let range = stringBytes(), range.count >= 2, range.count % 2 == 0,
                  bytes[range.lowerBound] == UInt8(ascii: "0"), bytes[range.lowerBound + 1] == UInt8(ascii: "x") else { return nil }
            let n = (range.count - 2) / 2
            if let count, n != count { return nil }
            var out = [UInt8](repeating: 0, count: n)
            var i = range.lowerBound + 2
            for j in 0..<n {
                guard let high = Self.nibble(bytes[i]), let low = Self.nibble(bytes[i + 1]) else { return nil }
                out[j] = high << 4 | low
                i += 2
            }
            return out
        }

        mutating func quantity() -> UInt64? {
            guard let range = stringBytes(), range.count >= 3, range.count <= 18,
                  bytes[range.lowerBound] == UInt8(ascii: "0"), bytes[range.lowerBound + 1] == UInt8(ascii: "x"),
                  bytes[range.lowerBound + 2] != UInt8(ascii: "0") || range.count == 3 else { return nil }
            var value: UInt64 = 0
            for i in (range.lowerBound + 2)..<range.upperBound {
                guard let digit = Self.nibble(bytes[i]) else { return nil }
                value = value << 4 | UInt64(digit)
            }
            return value
        }

        mutating func integer() -> Int? {
            let start = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            guard at > start, at - start <= 18 else { return nil }
            var value = 0
            for i in start..<at { value = value * 10 + Int(bytes[i] - UInt8(ascii: "0")) }
            return value
        }

        /// An extra member's value: a string, a plain number, true, false or null.
        mutating func skipScalar() -> Bool {
            if at < bytes.count, bytes[at] == UInt8(ascii: "\"") { return stringBytes() != nil }
            if literal("true") || literal("false") || literal("null") { return true }
            let start = at
            while at < bytes.count, "0123456789-+.eE".utf8.contains(bytes[at]) { at += 1 }
            return at > start
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            for i in 0..<count where bytes[at + i] != word.utf8Start[i] { return false }
            at += count
            return true
        }

        /// Skips whitespace, then takes `byte` if it is next.
        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }

        mutating func skipSpace() {
            while at < bytes.count {
                switch bytes[at] {
                case 0x20, 0x0A, 0x0D, 0x09: at += 1
                default: return
                }
            }
        }

        @inline(__always)
        static func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): c &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): c &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): c &- UInt8(ascii: "A") &+ 10
            default: nil
            }
        }
    }
}
