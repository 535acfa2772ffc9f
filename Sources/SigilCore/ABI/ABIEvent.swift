/// A Solidity event: its parameters, which of them are indexed (carried in topics), and how
/// to decode a log it emitted.
///
/// A log of a non-anonymous event has topic 0 = keccak256 of the canonical signature, then one
/// topic per indexed parameter; the other parameters are `abi.encode`d in the data. An indexed
/// parameter of a value type (`uint`, `int`, `address`, `bool`, `bytesN`) is its 32-byte word;
/// one of any other type (`string`, `bytes`, arrays, tuples) is only the keccak256 of its
/// encoding, which cannot be turned back into the value: it is shown as that hash.
public struct ABIEvent: Sendable, Hashable {
    /// One event parameter.
    public struct Parameter: Sendable, Hashable {
        public var name: String?
        public var type: ABIType
        public var indexed: Bool

        public init(name: String? = nil, type: ABIType, indexed: Bool) {
            self.name = name
            self.type = type
            self.indexed = indexed
        }

        /// Whether an indexed value of this type is stored as a hash rather than as itself.
        public var isHashedWhenIndexed: Bool {
            switch type {
            case .uint, .int, .address, .bool, .fixedBytes: return false
            case .bytes, .string, .array, .fixedArray, .tuple: return true
            }
        }
    }

    /// The event name.
    public let name: String
    /// The parameters in declaration order.
    public let inputs: [Parameter]
    /// Whether the event is `anonymous` (no topic 0).
    public let anonymous: Bool
    /// keccak256 of the canonical signature: topic 0 of a non-anonymous event's logs.
    public let topic0: [UInt8]
    /// The types of the parameters that are not indexed, in order (the data's tuple).
    let dataTypes: [ABIType]

    public init(name: String, inputs: [Parameter], anonymous: Bool = false) {
        self.name = name
        self.inputs = inputs
        self.anonymous = anonymous
        let canonical = name + "(" + inputs.map(\.type.canonicalName).joined(separator: ",") + ")"
        topic0 = Keccak256.hash(Array(canonical.utf8))
        dataTypes = inputs.filter { !$0.indexed }.map(\.type)
    }

    /// Parses `Transfer(address indexed from, address indexed to, uint256 value)`; see
    /// `ABISignatureParser.parseEvent`.
    public init(parsing text: String) throws(ABIError) {
        self = try ABISignatureParser.parseEvent(text)
    }

    /// The canonical signature, e.g. `Transfer(address,address,uint256)`.
    public var signature: String {
        name + "(" + inputs.map(\.type.canonicalName).joined(separator: ",") + ")"
    }

    /// The declaration with `indexed` and names, e.g. `Transfer(address indexed from, …)`.
    public var declaration: String {
        let parameters = inputs.map { p in
            [p.type.canonicalName, p.indexed ? "indexed" : nil, p.name].compactMap { $0 }.joined(separator: " ")
        }
        return name + "(" + parameters.joined(separator: ", ") + ")" + (anonymous ? " anonymous" : "")
    }

    /// How many topics a log of this event has.
    public var topicCount: Int { inputs.filter(\.indexed).count + (anonymous ? 0 : 1) }

    /// The name shown for parameter `index`: its declared name or `arg<index>`.
    public func fieldName(_ index: Int) -> String { inputs[index].name ?? "arg\(index)" }
}
