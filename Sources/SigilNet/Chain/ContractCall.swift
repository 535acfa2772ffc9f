public import SigilCore

/// A message call as `eth_call`, `eth_estimateGas` and `eth_createAccessList` take it.
public struct CallRequest: Sendable, Equatable {
    public var from: Address?
    /// Nil: a contract creation (`data` is the init code).
    public var to: Address?
    public var value: U256?
    public var data: [UInt8]

    public init(from: Address? = nil, to: Address?, value: U256? = nil, data: [UInt8]) {
        self.from = from
        self.to = to
        self.value = value
        self.data = data
    }

    /// `{from, to, value, data, input}`: both `data` and `input`, which every node reads one of.
    public var json: JSONValue {
        var object: [(String, JSONValue)] = []
        if let from { object.append(("from", .string(Hex.encode(from.bytes)))) }
        if let to { object.append(("to", .string(Hex.encode(to.bytes)))) }
        if let value { object.append(("value", value.json)) }
        object.append(("data", .string(Hex.encode(data))))
        return .object(object)
    }
}

/// The addresses and storage slots a call touches, as `eth_createAccessList` answers.
public struct CallAccessList: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let address: Address
        public let storageKeys: [[UInt8]]
    }

    public let entries: [Entry]
    /// The gas the call used, as the node reports it.
    public let gasUsed: UInt64

    /// The list in its JSON-RPC form: `[{"address", "storageKeys"}]`.
    public var json: JSONValue {
        .array(entries.map { entry in
            .object([("address", .string(entry.address.checksummed)),
                     ("storageKeys", .array(entry.storageKeys.map { .string(Hex.encode($0)) }))])
        })
    }
}

/// Calls, gas estimates and access lists against the state of one block, from the first peer
/// that answers. A call that reverts is a `CallReverted` (exit 7) with the revert data; any
/// other failure stays the `RPCError` it is.
public struct ContractCaller: Sendable {
    public let client: JSONRPCClient

    public init(client: JSONRPCClient) { self.client = client }

    /// `eth_call(request, block)`: the returned bytes.
    public func call(_ request: CallRequest, at block: BlockTag = .latest) throws -> [UInt8] {
        let method = "eth_call"
        return try CallReverted.rethrowing { () throws(RPCError) in
            try client.call(method, [request.json, block.json]).bytes(method: method)
        }
    }

    /// `eth_estimateGas(request[, block])`: the gas the node says the call needs (the block is
    /// only sent when it is not `latest`, for nodes that take one parameter).
    public func estimateGas(_ request: CallRequest, at block: BlockTag = .latest) throws -> UInt64 {
        let method = "eth_estimateGas"
        let params = block == .latest ? [request.json] : [request.json, block.json]
        return try CallReverted.rethrowing { () throws(RPCError) in try client.call(method, params).uint64(method: method) }
    }

    /// `eth_createAccessList(request, block)`. A node that reports the call failing in the
    /// answer's `error` field (geth) makes it a `CallReverted` too.
    public func accessList(_ request: CallRequest, at block: BlockTag = .latest) throws -> CallAccessList {
        let method = "eth_createAccessList"
        let answer = try CallReverted.rethrowing { () throws(RPCError) in try client.call(method, [request.json, block.json]) }
        if let message = answer.optional("error")?.stringValue, !message.isEmpty {
            throw CallReverted(method: method, data: [], nodeMessage: message)
        }
        guard case .array(let rows) = try answer.required("accessList", method: method) else {
            throw RPCError.malformed("\(method): accessList: expected an array")
        }
        let entries = try rows.map { row throws(RPCError) -> CallAccessList.Entry in
            guard case .array(let keys) = try row.required("storageKeys", method: method) else {
                throw RPCError.malformed("\(method): accessList: storageKeys: expected an array")
            }
            return .init(address: try row.required("address", method: method).address(method: method, field: "address"),
                         storageKeys: try keys.map { key throws(RPCError) in try key.bytes(count: 32, method: method, field: "storageKeys") })
        }
        let gasUsed = try answer.required("gasUsed", method: method).uint64(method: method, field: "gasUsed")
        return CallAccessList(entries: entries, gasUsed: gasUsed)
    }
}
