extension ABIEvent {
    /// Decodes a log (its topics, each 32 bytes, and its data) emitted by this event.
    ///
    /// Checked, each failure naming what is wrong: topic 0 is this event's (unless anonymous),
    /// the number of topics, each indexed word (an `address` topic with non-zero high bytes
    /// is refused, as the data decoder refuses it), and the data decodes strictly
    /// (see `ABIDecoder`) with no unused bytes.
    public func decodeLog(topics: [[UInt8]], data: [UInt8]) throws(EventDecodingError) -> DecodedEvent {
        if !anonymous {
            guard let first = topics.first else {
                throw .topic0Mismatch(event: signature, expected: topic0, found: nil)
            }
            guard first == topic0 else { throw .topic0Mismatch(event: signature, expected: topic0, found: first) }
        }
        guard topics.count == topicCount else {
            throw .topicCount(event: signature, expected: topicCount, got: topics.count)
        }
        let values: [ABIValue]
        do {
            values = try ABIDecoder.decode(data, as: dataTypes)
        } catch {
            throw dataError(data, error)
        }
        var fields: [DecodedEvent.Field] = []
        fields.reserveCapacity(inputs.count)
        var topicIndex = anonymous ? 0 : 1
        var dataIndex = 0
        for (index, parameter) in inputs.enumerated() {
            let value: DecodedEvent.Value
            if parameter.indexed {
                let topic = topics[topicIndex]
                guard topic.count == 32 else {
                    throw .invalidTopic(field: fieldName(index), topic: topicIndex, reason: "topic is \(topic.count) bytes, not 32")
                }
                if parameter.isHashedWhenIndexed {
                    value = .hashed(topic)
                } else {
                    do {
                        value = .value(try ABIDecoder.decode(topic, as: [parameter.type])[0])
                    } catch {
                        throw .invalidTopic(field: fieldName(index), topic: topicIndex, reason: "not a valid \(parameter.type.canonicalName): \(Self.reason(of: error))")
                    }
                }
                topicIndex += 1
            } else {
                value = .value(values[dataIndex])
                dataIndex += 1
            }
            fields.append(DecodedEvent.Field(name: fieldName(index), type: parameter.type, indexed: parameter.indexed, value: value))
        }
        return DecodedEvent(event: self, fields: fields)
    }

    /// Names the data field whose decoding fails: the first prefix of the data's types that
    /// does not decode ends with it. Only computed on failure.
    private func dataError(_ data: [UInt8], _ error: ABIError) -> EventDecodingError {
        let dataFields = inputs.indices.filter { !inputs[$0].indexed }
        for count in 1...max(1, dataFields.count) where count <= dataFields.count {
            do {
                _ = try ABIDecoder.decodePrefix(data, as: Array(dataTypes.prefix(count)))
            } catch {
                let index = dataFields[count - 1]
                return .invalidData(field: fieldName(index), type: inputs[index].type.canonicalName, error)
            }
        }
        return .invalidData(field: nil, type: nil, error)
    }

    private static func reason(of error: ABIError) -> String {
        if case .invalidEncoding(let reason, _) = error { return reason }
        return error.description
    }
}

/// A log decoded by an `ABIEvent`.
public struct DecodedEvent: Sendable, Hashable {
    /// A decoded parameter value, or the topic hash an indexed dynamic value left.
    public enum Value: Sendable, Hashable {
        case value(ABIValue)
        /// keccak256 of an indexed `string`, `bytes`, array or tuple: the value is not recoverable.
        case hashed([UInt8])
    }

    /// One parameter of the event with its value.
    public struct Field: Sendable, Hashable {
        public let name: String
        public let type: ABIType
        public let indexed: Bool
        public let value: Value

        /// The value as `ABIValue.displayString` shows it, or `hash 0x…` for a hashed
        /// indexed value, escaped with `DisplayText` (a log is contract output).
        public var display: String {
            switch value {
            case .value(let v): return DisplayText.escaped(v.displayString, limit: 2_000)
            case .hashed(let hash): return "keccak256 " + Hex.encode(hash)
            }
        }

        /// `{"name", "type", "indexed", "value"}`, plus `"hashed": true` for a topic hash.
        public var json: JSONValue {
            var members: [(String, JSONValue)] = [
                ("name", .string(name)), ("type", .string(type.canonicalName)), ("indexed", .bool(indexed)),
            ]
            switch value {
            case .value(let v): members.append(("value", .string(DisplayText.escaped(v.displayString, limit: nil))))
            case .hashed(let hash): members += [("value", .string(Hex.encode(hash))), ("hashed", .bool(true))]
            }
            return .object(members)
        }
    }

    /// The event that decoded the log.
    public let event: ABIEvent
    /// Every parameter in declaration order.
    public let fields: [Field]

    /// The field called `name`, if any.
    public subscript(name: String) -> Field? { fields.first { $0.name == name } }

    /// One line: `Transfer(from: 0x…, to: 0x…, value: 1000)`.
    public var description: String {
        event.name + "(" + fields.map { "\($0.name): \($0.display)" }.joined(separator: ", ") + ")"
    }

    /// `{"event", "signature", "topic0", "fields": [...]}` (`topic0` null for an anonymous event).
    public var json: JSONValue {
        .object([
            ("event", .string(event.name)), ("signature", .string(event.signature)),
            ("topic0", event.anonymous ? .null : .string(Hex.encode(event.topic0))),
            ("fields", .array(fields.map(\.json))),
        ])
    }
}

/// Why a log does not decode as an event.
public enum EventDecodingError: CategorizedError, Equatable {
    /// Topic 0 is missing (`found` nil) or is not the event's.
    case topic0Mismatch(event: String, expected: [UInt8], found: [UInt8]?)
    /// The log has a different number of topics than the event's indexed parameters need.
    case topicCount(event: String, expected: Int, got: Int)
    /// Topic `topic` (0-based) of indexed field `field` is not a valid value of its type.
    case invalidTopic(field: String, topic: Int, reason: String)
    /// The data does not decode; `field` is the first data field that fails (nil: bytes
    /// after the last field).
    case invalidData(field: String?, type: String?, ABIError)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .topic0Mismatch(let event, let expected, let found):
            guard let found else { return "the log has no topics, but \(event) has topic 0 \(Hex.encode(expected))" }
            return "topic 0 \(Hex.encode(found)) is not \(event)'s \(Hex.encode(expected))"
        case .topicCount(let event, let expected, let got):
            return "the log has \(got) topic\(got == 1 ? "" : "s"), \(event) as declared has \(expected) (topic 0 and one per indexed parameter)"
        case .invalidTopic(let field, let topic, let reason):
            return "field '\(field)' (topic \(topic)): \(reason)"
        case .invalidData(let field?, let type?, let error):
            return "field '\(field)' (\(type)) in the data: \(error)"
        case .invalidData(_, _, let error):
            return "log data: \(error)"
        }
    }
}

extension ABIEvent {
    /// Decodes a receipt's log (its address is not checked: the caller knows which contract it expects).
    public func decodeLog(_ log: Log) throws(EventDecodingError) -> DecodedEvent {
        try decodeLog(topics: log.topics, data: log.data)
    }
}
