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

    /// Reads one element of an `eth_getLogs` answer.
    public init(json: JSONValue, method: String = "eth_getLogs") throws(RPCError) {
        guard case .array(let topicValues) = try json.required("topics", method: method), topicValues.count <= 4 else {
            throw .malformed("\(method): topics: expected an array of at most 4 hashes")
        }
        self.init(address: try json.required("address", method: method).address(method: method, field: "address"),
                  topics: try topicValues.map { topic throws(RPCError) in try topic.bytes(count: 32, method: method, field: "topics") },
                  data: try json.required("data", method: method).bytes(method: method, field: "data"),
                  blockNumber: try json.required("blockNumber", method: method).uint64(method: method, field: "blockNumber"),
                  blockHash: try json.required("blockHash", method: method).bytes(count: 32, method: method, field: "blockHash"),
                  transactionHash: try json.required("transactionHash", method: method).bytes(count: 32, method: method, field: "transactionHash"),
                  transactionIndex: try json.required("transactionIndex", method: method).uint64(method: method, field: "transactionIndex"),
                  logIndex: try json.required("logIndex", method: method).uint64(method: method, field: "logIndex"),
                  removed: json.optional("removed") == .bool(true))
    }

    /// What makes a log unique on one chain: its block and its index there.
    public struct Key: Hashable, Sendable {
        public let blockHash: [UInt8]
        public let logIndex: UInt64
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
