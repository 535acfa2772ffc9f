public import SigilCore

/// What `sigil send` / `tx build` ask the chain before signing.
public struct ChainQuery: Sendable, Equatable {
    public var from: Address
    public var to: Address?
    public var value: U256
    public var data: [UInt8]
    /// Ask for `eth_estimateGas({from, to, value, data})`.
    public var estimateGas: Bool
    /// Ask for `eth_getBalance(from, "latest")`.
    public var includeBalance: Bool

    public init(from: Address, to: Address?, value: U256 = .zero, data: [UInt8] = [],
                estimateGas: Bool = true, includeBalance: Bool = true) {
        self.from = from
        self.to = to
        self.value = value
        self.data = data
        self.estimateGas = estimateGas
        self.includeBalance = includeBalance
    }
}

/// The chain's state as one peer saw it, with the default EIP-1559 fee policy applied.
public struct ChainSnapshot: Sendable, Equatable {
    public let chainId: U256
    /// `eth_getTransactionCount(from, "pending")`.
    public let pendingNonce: UInt64
    /// The base fee of the next block: the last element of `eth_feeHistory`'s `baseFeePerGas`.
    public let nextBaseFee: U256
    /// The median of the 50th-percentile rewards of the last 10 blocks, at least 1 wei.
    public let suggestedTip: U256
    public let gasEstimate: UInt64?
    public let balance: U256?

    public init(chainId: U256, pendingNonce: UInt64, nextBaseFee: U256, suggestedTip: U256,
                gasEstimate: UInt64?, balance: U256?) {
        self.chainId = chainId
        self.pendingNonce = pendingNonce
        self.nextBaseFee = nextBaseFee
        self.suggestedTip = suggestedTip
        self.gasEstimate = gasEstimate
        self.balance = balance
    }

    /// The default policy: `2 × nextBaseFee + suggestedTip` (room for six full blocks of
    /// base-fee growth), saturating at 2^256 - 1.
    public var maxFeePerGas: U256 {
        let doubled = nextBaseFee.multipliedReportingOverflow(by: 2)
        let sum = doubled.partialValue.addingReportingOverflow(suggestedTip)
        return doubled.overflow || sum.overflow ? .max : sum.partialValue
    }
}

/// Reads a `ChainSnapshot` in one JSON-RPC batch (one HTTP request) from one peer.
public enum ChainReader {
    /// Blocks of fee history sampled for the tip.
    public static let feeHistoryBlocks = 10

    /// Batches eth_chainId, eth_getTransactionCount(from, "pending"),
    /// eth_feeHistory(10, "latest", [50]) and, if asked, eth_estimateGas and eth_getBalance.
    /// Any failing part fails the whole snapshot with that part's error (e.g. a reverting
    /// estimate keeps the node's "execution reverted: ..." message).
    public static func snapshot(_ query: ChainQuery, client: JSONRPCClient) throws(RPCError) -> ChainSnapshot {
        let from = JSONValue.string(Hex.encode(query.from.bytes))
        var calls = [
            RPCCall("eth_chainId"),
            RPCCall("eth_getTransactionCount", [from, .string("pending")]),
            RPCCall("eth_feeHistory", [UInt64(feeHistoryBlocks).json, .string("latest"), .array([.integer(50)])]),
        ]
        if query.estimateGas { calls.append(estimateGasCall(query)) }
        if query.includeBalance { calls.append(RPCCall("eth_getBalance", [from, .string("latest")])) }
        calls.append(RPCCall("eth_maxPriorityFeePerGas"))

        let results = try client.batch(calls)
        let chainId = try results[0].get().u256(method: "eth_chainId")
        let nonce = try results[1].get().uint64(method: "eth_getTransactionCount")
        let (baseFee, tip) = try fees(fromHistory: results[2].get(), nodeTip: results.last!)
        var index = 3
        var estimate: UInt64? = nil
        if query.estimateGas {
            estimate = try results[index].get().uint64(method: "eth_estimateGas")
            index += 1
        }
        let balance: U256? = query.includeBalance ? try results[index].get().u256(method: "eth_getBalance") : nil
        return ChainSnapshot(chainId: chainId, pendingNonce: nonce, nextBaseFee: baseFee, suggestedTip: tip,
                             gasEstimate: estimate, balance: balance)
    }

    /// `eth_estimateGas({from, to, value, data})` for the query's call.
    public static func estimateGasCall(_ query: ChainQuery) -> RPCCall {
        var object: [(String, JSONValue)] = [("from", .string(Hex.encode(query.from.bytes)))]
        if let to = query.to { object.append(("to", .string(Hex.encode(to.bytes)))) }
        object.append(("value", query.value.json))
        object.append(("data", .string(Hex.encode(query.data))))
        return RPCCall("eth_estimateGas", [.object(object)])
    }

    /// The suggested tip, the rule `fees`, `send` and `tx build` share: the node's own
    /// `eth_maxPriorityFeePerGas` when it answers with a quantity, else the fee-history tip
    /// (`fees(fromHistory:)`). Returns the next base fee and that tip.
    public static func fees(fromHistory history: JSONValue,
                            nodeTip: Result<JSONValue, RPCError>) throws(RPCError) -> (nextBaseFee: U256, tip: U256) {
        let (baseFee, historyTip) = try fees(fromHistory: history)
        guard case .success(let answer) = nodeTip,
              let tip = try? answer.u256(method: "eth_maxPriorityFeePerGas") else { return (baseFee, historyTip) }
        return (baseFee, tip)
    }

    /// From an `eth_feeHistory(n, "latest", [50])` result: the next block's base fee (the last
    /// `baseFeePerGas` entry) and the tip: the median of the `reward` column (the mean of the
    /// two middle values for an even count), raised to 1 wei when lower or when there is no
    /// reward data.
    public static func fees(fromHistory history: JSONValue) throws(RPCError) -> (nextBaseFee: U256, tip: U256) {
        let method = "eth_feeHistory"
        guard case .array(let baseFees) = try history.required("baseFeePerGas", method: method), let last = baseFees.last else {
            throw .malformed("\(method): baseFeePerGas: expected a non-empty array")
        }
        let nextBaseFee = try last.u256(method: method, field: "baseFeePerGas")
        var rewards: [U256] = []
        if let rewardRows = history.optional("reward") {
            guard case .array(let rows) = rewardRows else { throw .malformed("\(method): reward: expected an array") }
            for row in rows {
                guard case .array(let columns) = row, let first = columns.first else {
                    throw .malformed("\(method): reward: expected one value per block")
                }
                rewards.append(try first.u256(method: method, field: "reward"))
            }
        }
        return (nextBaseFee, max(median(rewards), .one))
    }

    static func median(_ values: [U256]) -> U256 {
        guard !values.isEmpty else { return .zero }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let low = sorted[middle - 1], high = sorted[middle]
        return low + (high - low) / 2  // no overflow
    }
}
