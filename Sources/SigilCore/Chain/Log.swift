/// An event log as a receipt holds it: RLP([address, [topic, ...], data]).
public struct Log: Sendable, Equatable {
    public var address: Address
    /// 32-byte topics (at most four in practice; not limited here).
    public var topics: [[UInt8]]
    public var data: [UInt8]

    public init(address: Address, topics: [[UInt8]], data: [UInt8]) {
        self.address = address
        self.topics = topics
        self.data = data
    }

    var rlpItem: RLPItem {
        .list([.bytes(address.bytes), .list(topics.map(RLPItem.bytes)), .bytes(data)])
    }

    /// Reads RLP([address (20 bytes), [32-byte topics], data]); `index` is for messages.
    init(item: RLPItem, index: Int) throws(ReceiptError) {
        guard case .list(let fields) = item, fields.count == 3 else {
            throw .invalidField(name: "logs[\(index)]", problem: "not a list of 3 items [address, topics, data]")
        }
        guard let address = fields[0].bytesValue, address.count == 20 else {
            throw .invalidField(name: "logs[\(index)].address", problem: "not 20 bytes")
        }
        guard let topicItems = fields[1].listValue else {
            throw .invalidField(name: "logs[\(index)].topics", problem: "not a list")
        }
        var topics = [[UInt8]]()
        topics.reserveCapacity(topicItems.count)
        for (position, topic) in topicItems.enumerated() {
            guard let bytes = topic.bytesValue, bytes.count == 32 else {
                throw .invalidField(name: "logs[\(index)].topics[\(position)]", problem: "not 32 bytes")
            }
            topics.append(bytes)
        }
        guard let data = fields[2].bytesValue else {
            throw .invalidField(name: "logs[\(index)].data", problem: "a list, expected a byte string")
        }
        self.init(address: Address(validated: address), topics: topics, data: data)
    }
}
