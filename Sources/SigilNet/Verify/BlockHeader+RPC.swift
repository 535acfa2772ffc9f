public import SigilCore

/// Reading consensus objects out of JSON-RPC answers, so that they can be hashed and checked.
/// Every failure is `RPCError.malformed` naming the method and the field.
extension BlockHeader {
    /// The header of an `eth_getBlockBy*` block object (either transaction form). The fork's
    /// optional fields are taken when present; `hash` is not read here (see `claimedHash`).
    public init(rpc block: JSONValue, method: String) throws(RPCError) {
        func data(_ key: String, _ count: Int? = nil) throws(RPCError) -> [UInt8] {
            let value = try block.required(key, method: method)
            if let count { return try value.bytes(count: count, method: method, field: key) }
            return try value.bytes(method: method, field: key)
        }
        func quantity(_ key: String) throws(RPCError) -> UInt64 { try block.required(key, method: method).uint64(method: method, field: key) }
        func optionalData(_ key: String) throws(RPCError) -> [UInt8]? {
            try block.optional(key).map { value throws(RPCError) in try value.bytes(count: 32, method: method, field: key) }
        }
        func optionalQuantity(_ key: String) throws(RPCError) -> UInt64? {
            try block.optional(key).map { value throws(RPCError) in try value.uint64(method: method, field: key) }
        }
        self.init(
            parentHash: try data("parentHash", 32), ommersHash: try data("sha3Uncles", 32),
            beneficiary: try block.required("miner", method: method).address(method: method, field: "miner"),
            stateRoot: try data("stateRoot", 32), transactionsRoot: try data("transactionsRoot", 32),
            receiptsRoot: try data("receiptsRoot", 32), logsBloom: try data("logsBloom", 256),
            difficulty: try block.required("difficulty", method: method).u256(method: method, field: "difficulty"),
            number: try quantity("number"), gasLimit: try quantity("gasLimit"), gasUsed: try quantity("gasUsed"),
            timestamp: try quantity("timestamp"), extraData: try data("extraData"), mixHash: try data("mixHash", 32),
            nonce: try data("nonce", 8),
            baseFeePerGas: try block.optional("baseFeePerGas").map { value throws(RPCError) in
                try value.u256(method: method, field: "baseFeePerGas")
            },
            withdrawalsRoot: try optionalData("withdrawalsRoot"),
            blobGasUsed: try optionalQuantity("blobGasUsed"), excessBlobGas: try optionalQuantity("excessBlobGas"),
            parentBeaconBlockRoot: try optionalData("parentBeaconBlockRoot"),
            requestsHash: try optionalData("requestsHash"))
    }

    /// The `hash` a block object claims for itself.
    public static func claimedHash(rpc block: JSONValue, method: String) throws(RPCError) -> [UInt8] {
        try block.required("hash", method: method).bytes(count: 32, method: method, field: "hash")
    }

    /// The transaction hashes of a block object fetched with `full = false` (or the `hash` of
    /// each transaction object with `full = true`).
    public static func transactionHashes(rpc block: JSONValue, method: String) throws(RPCError) -> [[UInt8]] {
        guard case .array(let items) = try block.required("transactions", method: method) else {
            throw .malformed("\(method): transactions: expected an array")
        }
        var hashes: [[UInt8]] = []
        hashes.reserveCapacity(items.count)
        for item in items {
            let value = item["hash"] ?? item
            hashes.append(try value.bytes(count: 32, method: method, field: "transactions"))
        }
        return hashes
    }
}

extension Receipt {
    /// The consensus receipt inside a JSON-RPC receipt object: type, status (or the
    /// pre-Byzantium state root), cumulative gas, bloom and logs.
    public init(rpc receipt: JSONValue, method: String) throws(RPCError) {
        let type = try receipt.optional("type").map { value throws(RPCError) in try value.uint64(method: method, field: "type") } ?? 0
        guard type <= 0x7f else { throw .malformed("\(method): type: \(type) is not a transaction type") }
        let outcome: Receipt.Outcome
        if let status = receipt.optional("status") {
            let value = try status.uint64(method: method, field: "status")
            guard value <= 1 else { throw .malformed("\(method): status: expected 0 or 1, got \(value)") }
            outcome = .status(value == 1)
        } else if let root = receipt.optional("root") {
            outcome = .stateRoot(try root.bytes(count: 32, method: method, field: "root"))
        } else {
            throw .malformed("\(method): missing field status")
        }
        guard case .array(let items) = try receipt.required("logs", method: method) else {
            throw .malformed("\(method): logs: expected an array")
        }
        var logs: [Log] = []
        for item in items {
            guard case .array(let topicItems) = try item.required("topics", method: method) else {
                throw .malformed("\(method): logs.topics: expected an array")
            }
            var topics: [[UInt8]] = []
            for topic in topicItems { topics.append(try topic.bytes(count: 32, method: method, field: "logs.topics")) }
            logs.append(Log(address: try item.required("address", method: method).address(method: method, field: "logs.address"),
                            topics: topics, data: try item.required("data", method: method).bytes(method: method, field: "logs.data")))
        }
        self.init(type: UInt8(type), outcome: outcome,
                  cumulativeGasUsed: try receipt.required("cumulativeGasUsed", method: method).uint64(method: method, field: "cumulativeGasUsed"),
                  logsBloom: try receipt.required("logsBloom", method: method).bytes(count: 256, method: method, field: "logsBloom"),
                  logs: logs)
    }
}
