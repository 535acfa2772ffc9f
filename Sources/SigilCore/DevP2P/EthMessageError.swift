/// Why an eth protocol message (or a fork id inside one) was rejected.
public enum EthMessageError: CategorizedError, Equatable {
    /// `message` (e.g. "Status") does not have the eth/68 shape; `reason` says what is wrong.
    case malformed(message: String, reason: String)

    public var category: ErrorCategory { .invalidInput }

    /// One line, e.g. "malformed Status message: genesis hash must be 32 bytes".
    public var description: String {
        switch self {
        case .malformed(let message, let reason): return "malformed \(message) message: \(reason)"
        }
    }
}

/// Shared reading helpers for the eth message decoders: each failure names the message.
struct EthMessageReader {
    let message: String

    func fail(_ reason: String) -> EthMessageError {
        .malformed(message: message, reason: reason)
    }

    /// The payload as one strict RLP item.
    func decode(_ payload: [UInt8]) throws(EthMessageError) -> RLPItem {
        do {
            return try RLP.decode(payload)
        } catch {
            throw fail(error.description)
        }
    }

    /// The payload's top-level list, with at least `minimum` items.
    func list(_ payload: [UInt8], minimum: Int) throws(EthMessageError) -> [RLPItem] {
        let items = try list(decode(payload), named: "the message")
        guard items.count >= minimum else {
            throw fail("expected at least \(minimum) items, found \(items.count)")
        }
        return items
    }

    func list(_ item: RLPItem, named name: String) throws(EthMessageError) -> [RLPItem] {
        guard case .list(let items) = item else { throw fail("\(name) must be a list") }
        return items
    }

    func bytes(_ item: RLPItem, named name: String) throws(EthMessageError) -> [UInt8] {
        guard case .bytes(let bytes) = item else { throw fail("\(name) must be a byte string") }
        return bytes
    }

    func uint64(_ item: RLPItem, named name: String) throws(EthMessageError) -> UInt64 {
        do {
            return try item.uint64()
        } catch {
            throw fail("\(name): \(error.description)")
        }
    }

    func hash(_ item: RLPItem, named name: String) throws(EthMessageError) -> [UInt8] {
        let value = try bytes(item, named: name)
        guard value.count == 32 else { throw fail("\(name) must be 32 bytes, found \(value.count)") }
        return value
    }
}
