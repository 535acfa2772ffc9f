public import SigilCore

/// The parts of `eth_getTransactionReceipt` that sigil reports.
public struct TransactionReceipt: Sendable, Equatable {
    public let transactionHash: [UInt8]
    public let blockNumber: UInt64
    public let blockHash: [UInt8]
    /// 1 success, 0 reverted; nil for pre-Byzantium receipts (which carry a state root).
    public internal(set) var status: UInt64?
    public internal(set) var gasUsed: UInt64
    /// Absent on some old nodes.
    public let effectiveGasPrice: U256?
    public internal(set) var logsCount: Int
    public let contractAddress: Address?
    public let from: Address?
    public let to: Address?
    /// The logs as the peer gave them (the proved ones once `proved(by:)`).
    public internal(set) var logs: [Log]
    /// Blob gas of a type-3 transaction and the block's blob gas price (absent otherwise).
    public let blobGasUsed: UInt64?
    public let blobGasPrice: U256?
    /// The proof of inclusion, when the receipt was proved (nil: taken on a peer's word).
    public internal(set) var verification: Verified<ProvedReceipt>? = nil

    /// Whether the transaction reverted (status 0).
    public var reverted: Bool { status == 0 }

    /// Parses a receipt object; errors name the field.
    public init(json: JSONValue) throws(RPCError) {
        let method = "eth_getTransactionReceipt"
        transactionHash = try json.required("transactionHash", method: method).bytes(count: 32, method: method, field: "transactionHash")
        blockNumber = try json.required("blockNumber", method: method).uint64(method: method, field: "blockNumber")
        blockHash = try json.required("blockHash", method: method).bytes(count: 32, method: method, field: "blockHash")
        status = try json.optional("status")?.uint64(method: method, field: "status")
        if let status, status > 1 { throw .malformed("\(method): status: expected 0x0 or 0x1, got \(status)") }
        gasUsed = try json.required("gasUsed", method: method).uint64(method: method, field: "gasUsed")
        effectiveGasPrice = try json.optional("effectiveGasPrice")?.u256(method: method, field: "effectiveGasPrice")
        guard case .array(let logs) = try json.required("logs", method: method) else {
            throw .malformed("\(method): logs: expected an array")
        }
        logsCount = logs.count
        var parsed: [Log] = []
        for (index, item) in logs.enumerated() {
            guard case .array(let topicItems) = try item.required("topics", method: method) else {
                throw .malformed("\(method): logs[\(index)].topics: expected an array")
            }
            var topics: [[UInt8]] = []
            for topic in topicItems { topics.append(try topic.bytes(count: 32, method: method, field: "logs[\(index)].topics")) }
            parsed.append(Log(address: try item.required("address", method: method).address(method: method, field: "logs[\(index)].address"),
                              topics: topics, data: try item.required("data", method: method).bytes(method: method, field: "logs[\(index)].data")))
        }
        self.logs = parsed
        blobGasUsed = try json.optional("blobGasUsed")?.uint64(method: method, field: "blobGasUsed")
        blobGasPrice = try json.optional("blobGasPrice")?.u256(method: method, field: "blobGasPrice")
        contractAddress = try json.optional("contractAddress")?.address(method: method, field: "contractAddress")
        from = try json.optional("from")?.address(method: method, field: "from")
        to = try json.optional("to")?.address(method: method, field: "to")
    }
}
