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
        gasUsed = try json.required("gasUsed", method: method).uint64(method: method, field: "gasUsed")
        effectiveGasPrice = try json.optional("effectiveGasPrice")?.u256(method: method, field: "effectiveGasPrice")
        guard case .array(let logs) = try json.required("logs", method: method) else {
            throw .malformed("\(method): logs: expected an array")
        }
        logsCount = logs.count
        contractAddress = try json.optional("contractAddress")?.address(method: method, field: "contractAddress")
        from = try json.optional("from")?.address(method: method, field: "from")
        to = try json.optional("to")?.address(method: method, field: "to")
    }
}
