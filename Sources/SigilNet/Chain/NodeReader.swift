public import SigilCore

/// Which block a read refers to.
public enum BlockTag: Sendable, Equatable {
    case latest, pending, safe, finalized, earliest
    case number(UInt64)
    /// A block by its hash (EIP-1898 `{"blockHash": …}`).
    case hash([UInt8])

    public var json: JSONValue {
        switch self {
        case .latest: .string("latest")
        case .pending: .string("pending")
        case .safe: .string("safe")
        case .finalized: .string("finalized")
        case .earliest: .string("earliest")
        case .number(let n): n.json
        case .hash(let hash): .object([("blockHash", .string(Hex.encode(hash)))])
        }
    }

    /// How the block is named in messages: `latest`, `#123`, or its hash.
    public var label: String {
        switch self {
        case .number(let n): "#\(n)"
        case .hash(let hash): Hex.encode(hash)
        default: json.stringValue ?? "?"
        }
    }
}

/// Current fee levels as a node suggests them.
public struct FeeSummary: Sendable, Equatable {
    /// `eth_gasPrice` (legacy: base fee plus a tip).
    public let gasPrice: U256
    /// Base fee of the next block and the median tip, from `eth_feeHistory` (as `ChainReader`).
    public let nextBaseFee: U256
    public let suggestedTip: U256
    /// `2 × nextBaseFee + suggestedTip`.
    public let maxFeePerGas: U256
}

/// Single reads for commands: each method is one HTTP request to the client's peer.
public struct NodeReader: Sendable {
    public let client: JSONRPCClient

    public init(client: JSONRPCClient) { self.client = client }

    public func chainId() throws(RPCError) -> U256 {
        try client.call("eth_chainId").u256(method: "eth_chainId")
    }

    public func blockNumber() throws(RPCError) -> UInt64 {
        try client.call("eth_blockNumber").uint64(method: "eth_blockNumber")
    }

    /// Wei held by `address`.
    public func balance(of address: Address, at block: BlockTag = .latest) throws(RPCError) -> U256 {
        try client.call("eth_getBalance", [Self.json(address), block.json]).u256(method: "eth_getBalance")
    }

    /// Transactions sent by `address` (the next nonce) at `block`.
    public func nonce(of address: Address, at block: BlockTag = .latest) throws(RPCError) -> UInt64 {
        try client.call("eth_getTransactionCount", [Self.json(address), block.json]).uint64(method: "eth_getTransactionCount")
    }

    /// `eth_gasPrice`, fee history and `eth_maxPriorityFeePerGas`, in one batch; the tip is
    /// the node's when it has one (see `ChainReader.fees(fromHistory:nodeTip:)`).
    public func fees() throws(RPCError) -> FeeSummary {
        let results = try client.batch([
            RPCCall("eth_gasPrice"),
            RPCCall("eth_feeHistory", [UInt64(ChainReader.feeHistoryBlocks).json, .string("latest"), .array([.integer(50)])]),
            RPCCall("eth_maxPriorityFeePerGas"),
        ])
        let gasPrice = try results[0].get().u256(method: "eth_gasPrice")
        let (baseFee, tip) = try ChainReader.fees(fromHistory: results[1].get(), nodeTip: results[2])
        let policy = ChainSnapshot(chainId: .zero, pendingNonce: 0, nextBaseFee: baseFee, suggestedTip: tip,
                                   gasEstimate: nil, balance: nil)
        return FeeSummary(gasPrice: gasPrice, nextBaseFee: baseFee, suggestedTip: tip, maxFeePerGas: policy.maxFeePerGas)
    }

    /// `eth_call({to, data}, block)`: the returned bytes (e.g. an ABI-encoded `balanceOf`).
    /// A revert is a `.node` error with the node's message ("execution reverted: ...").
    public func call(to: Address, data: [UInt8], from: Address? = nil, at block: BlockTag = .latest) throws(RPCError) -> [UInt8] {
        var object: [(String, JSONValue)] = []
        if let from { object.append(("from", Self.json(from))) }
        object.append(("to", Self.json(to)))
        object.append(("data", .string(Hex.encode(data))))
        return try client.call("eth_call", [.object(object), block.json]).bytes(method: "eth_call")
    }

    /// The receipt, or nil while the transaction is not mined (or unknown).
    public func receipt(hash: [UInt8]) throws(RPCError) -> TransactionReceipt? {
        let value = try client.call("eth_getTransactionReceipt", [.string(Hex.encode(hash))])
        return value == .null ? nil : try TransactionReceipt(json: value)
    }

    /// The transaction object as the node returns it, or nil when unknown.
    public func transaction(hash: [UInt8]) throws(RPCError) -> JSONValue? {
        let value = try client.call("eth_getTransactionByHash", [.string(Hex.encode(hash))])
        return value == .null ? nil : value
    }

    static func json(_ address: Address) -> JSONValue { .string(Hex.encode(address.bytes)) }
}
