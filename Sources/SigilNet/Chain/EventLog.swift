public import SigilCore

/// One log as `eth_getLogs` returns it.
public struct EventLog: Sendable, Equatable {
    public let address: Address
    public let topics: [[UInt8]]
    public let data: [UInt8]
    public let blockNumber: UInt64
    public let blockHash: [UInt8]
    public let transactionHash: [UInt8]
    public let transactionIndex: UInt64
    public let logIndex: UInt64
    /// True when a reorganisation removed it (nodes send these only to subscriptions).
    public let removed: Bool

    public init(address: Address, topics: [[UInt8]], data: [UInt8], blockNumber: UInt64, blockHash: [UInt8],
                transactionHash: [UInt8], transactionIndex: UInt64, logIndex: UInt64, removed: Bool = false) {
        self.address = address
        self.topics = topics
        self.data = data
        self.blockNumber = blockNumber
        self.blockHash = blockHash
        self.transactionHash = transactionHash
        self.transactionIndex = transactionIndex
        self.logIndex = logIndex
        self.removed = removed
    }

    /// Reads one element of an `eth_getLogs` answer. (Hot: a scan reads thousands per answer,
    /// so hex is read by `fastHex` first; anything it does not take goes through the checked
    /// readers, whose errors name the field.)
    public init(json: JSONValue, method: String = "eth_getLogs") throws(RPCError) {
        guard case .object(let members) = json else { throw .malformed("\(method): a log: expected an object, got \(json.kindName)") }
        var fields = [JSONValue?](repeating: nil, count: Self.fieldNames.count)
        for (name, value) in members {
            if let index = Self.fieldNames.firstIndex(of: name) { fields[index] = value }
        }
        func field(_ index: Int) throws(RPCError) -> JSONValue {
            guard let value = fields[index], value != .null else { throw .malformed("\(method): missing field \(Self.fieldNames[index])") }
            return value
        }
        func bytes(_ index: Int, count: Int?) throws(RPCError) -> [UInt8] {
            let value = try field(index)
            if case .string(let text) = value, let bytes = Self.fastHex(text, count: count) { return bytes }
            let name = Self.fieldNames[index]
            if let count { return try value.bytes(count: count, method: method, field: name) }
            return try value.bytes(method: method, field: name)
        }
        func quantity(_ index: Int) throws(RPCError) -> UInt64 {
            let value = try field(index)
            if case .string(let text) = value, let number = Self.fastQuantity(text) { return number }
            return try value.uint64(method: method, field: Self.fieldNames[index])
        }
        guard case .array(let topicValues) = try field(1), topicValues.count <= 4 else {
            throw .malformed("\(method): topics: expected an array of at most 4 hashes")
        }
        var topics: [[UInt8]] = []
        topics.reserveCapacity(topicValues.count)
        for topic in topicValues {
            if case .string(let text) = topic, let bytes = Self.fastHex(text, count: 32) {
                topics.append(bytes)
            } else {
                topics.append(try topic.bytes(count: 32, method: method, field: "topics"))
            }
        }
        guard let address = try? Address(bytes: try bytes(0, count: 20)) else { throw .malformed("\(method): address: expected 20 bytes") }
        self.init(address: address, topics: topics, data: try bytes(2, count: nil),
                  blockNumber: try quantity(3), blockHash: try bytes(4, count: 32), transactionHash: try bytes(5, count: 32),
                  transactionIndex: try quantity(6), logIndex: try quantity(7), removed: fields[8] == .bool(true))
    }

    private static let fieldNames = ["address", "topics", "data", "blockNumber", "blockHash", "transactionHash",
                                     "transactionIndex", "logIndex", "removed"]

    /// `0x`-prefixed hex of `count` bytes (any count when nil), or nil for anything else.
    static func fastHex(_ text: String, count: Int?) -> [UInt8]? {
        var text = text
        return text.withUTF8 { utf8 -> [UInt8]? in
            let length = utf8.count
            guard length >= 2, length % 2 == 0, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "x") else { return nil }
            let n = (length - 2) / 2
            if let count, count != n { return nil }
            var out = [UInt8](repeating: 0, count: n)
            var i = 2
            for j in 0..<n {
                guard let high = nibble(utf8[i]), let low = nibble(utf8[i + 1]) else { return nil }
                out[j] = high << 4 | low
                i += 2
            }
            return out
        }
    }

    /// A `0x` quantity of at most 16 digits, no leading zero (JSON-RPC's form), or nil.
    static func fastQuantity(_ text: String) -> UInt64? {
        var text = text
        return text.withUTF8 { utf8 -> UInt64? in
            guard utf8.count >= 3, utf8.count <= 18, utf8[0] == UInt8(ascii: "0"), utf8[1] == UInt8(ascii: "x"),
                  utf8[2] != UInt8(ascii: "0") || utf8.count == 3 else { return nil }
            var value: UInt64 = 0
            for i in 2..<utf8.count {
                guard let digit = nibble(utf8[i]) else { return nil }
                value = value << 4 | UInt64(digit)
            }
            return value
        }
    }

    @inline(__always)
    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }

    /// What makes a log unique on one chain: its block and its index there.
    public struct Key: Hashable, Sendable {
        public let blockHash: [UInt8]
        public let logIndex: UInt64

        /// The log index and 16 of the hash's bytes (its first and last 8): cheaper than hashing
        /// all 32 one by one; equality still compares them all.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(logIndex)
            var (head, tail): (UInt64, UInt64) = (0, 0)
            for byte in blockHash.prefix(8) { head = head << 8 | UInt64(byte) }
            for byte in blockHash.suffix(8) { tail = tail << 8 | UInt64(byte) }
            hasher.combine(head)
            hasher.combine(tail)
        }
    }

    public var key: Key { Key(blockHash: blockHash, logIndex: logIndex) }

    /// The log in its JSON-RPC form (checksummed address, decimal numbers as text).
    public var json: JSONValue {
        .object([("address", .string(address.checksummed)),
                 ("blockNumber", .string(String(blockNumber))), ("blockHash", .string(Hex.encode(blockHash))),
                 ("transactionHash", .string(Hex.encode(transactionHash))),
                 ("transactionIndex", .string(String(transactionIndex))), ("logIndex", .string(String(logIndex))),
                 ("topics", .array(topics.map { .string(Hex.encode($0)) })), ("data", .string(Hex.encode(data)))])
    }
}

