public import SigilCore

/// What `eth_getLogs` is asked for, apart from the block range: emitting contracts and topics.
public struct LogFilter: Sendable, Equatable {
    /// Any of these contracts (empty: any contract).
    public var addresses: [Address]
    /// Per topic position 0...3: nil matches anything, else one of the listed 32-byte values.
    public var topics: [[[UInt8]]?]
    public var fromBlock: BlockTag
    public var toBlock: BlockTag

    public init(addresses: [Address] = [], topics: [[[UInt8]]?] = [], fromBlock: BlockTag = .earliest, toBlock: BlockTag = .latest) {
        self.addresses = addresses
        self.topics = topics
        self.fromBlock = fromBlock
        self.toBlock = toBlock
    }

    /// Requires `value` at topic `position` (0...3), in addition to what is there already.
    public mutating func require(topic value: [UInt8], at position: Int) {
        precondition((0...3).contains(position) && value.count == 32)
        while topics.count <= position { topics.append(nil) }
        topics[position] = (topics[position] ?? []) + [value]
    }

    /// Whether `log` is one this filter asks for (what a node must keep to).
    public func matches(_ log: EventLog) -> Bool {
        if !addresses.isEmpty && !addresses.contains(log.address) { return false }
        for (position, wanted) in topics.enumerated() {
            guard let wanted else { continue }
            guard position < log.topics.count, wanted.contains(log.topics[position]) else { return false }
        }
        return true
    }

    /// The `eth_getLogs` parameter for blocks `from...to`.
    public func json(from: UInt64, to: UInt64) -> JSONValue {
        var object: [(String, JSONValue)] = [("fromBlock", from.json), ("toBlock", to.json)]
        if addresses.count == 1 {
            object.append(("address", .string(Hex.encode(addresses[0].bytes))))
        } else if !addresses.isEmpty {
            object.append(("address", .array(addresses.map { .string(Hex.encode($0.bytes)) })))
        }
        var trimmed = topics
        while let last = trimmed.last, last == nil { trimmed.removeLast() }
        if !trimmed.isEmpty {
            object.append(("topics", .array(trimmed.map { position in
                guard let position else { return .null }
                return position.count == 1 ? .string(Hex.encode(position[0])) : .array(position.map { .string(Hex.encode($0)) })
            })))
        }
        return .object(object)
    }
}
