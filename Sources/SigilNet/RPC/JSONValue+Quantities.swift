public import SigilCore

/// Reading JSON-RPC results: quantities, addresses and data. Every failure is an
/// `RPCError.malformed` naming the method and the field, e.g.
/// `eth_getBalance: result: expected a hex quantity, got null`.
extension JSONValue {
    /// A hex quantity (`0x1a`) as a U256.
    public func u256(method: String, field: String = "result") throws(RPCError) -> U256 {
        guard case .string(let text) = self else { throw Self.wrong(method, field, "a hex quantity", kindName) }
        do {
            return try U256(hexQuantity: text)
        } catch {
            throw .malformed("\(method): \(field): \(error.description)")
        }
    }

    /// A hex quantity that must fit in 64 bits (nonces, gas, block numbers).
    public func uint64(method: String, field: String = "result") throws(RPCError) -> UInt64 {
        guard let value = try u256(method: method, field: field).uint64Value else {
            throw .malformed("\(method): \(field): quantity does not fit in 64 bits")
        }
        return value
    }

    /// A 20-byte address (any letter case accepted: nodes answer in lowercase).
    public func address(method: String, field: String = "result") throws(RPCError) -> Address {
        let bytes = try self.bytes(method: method, field: field)
        do {
            return try Address(bytes: bytes)
        } catch {
            throw .malformed("\(method): \(field): expected 20 bytes, got \(bytes.count)")
        }
    }

    /// `0x`-prefixed data of any length (`0x` is empty).
    public func bytes(method: String, field: String = "result") throws(RPCError) -> [UInt8] {
        guard case .string(let text) = self else { throw Self.wrong(method, field, "hex data", kindName) }
        do {
            return try Hex.decode(text)
        } catch {
            throw .malformed("\(method): \(field): \(error.description)")
        }
    }

    /// Exactly `count` bytes of `0x` data (hashes: 32).
    public func bytes(count: Int, method: String, field: String = "result") throws(RPCError) -> [UInt8] {
        let value = try bytes(method: method, field: field)
        guard value.count == count else {
            throw .malformed("\(method): \(field): expected \(count) bytes, got \(value.count)")
        }
        return value
    }

    /// The member `key` of an object result; missing or null throws.
    public func required(_ key: String, method: String) throws(RPCError) -> JSONValue {
        guard case .object = self else { throw Self.wrong(method, key, "an object holding it", kindName) }
        guard let value = self[key], value != .null else { throw .malformed("\(method): missing field \(key)") }
        return value
    }

    /// The member `key`, or nil when it is missing or null.
    public func optional(_ key: String) -> JSONValue? {
        guard let value = self[key], value != .null else { return nil }
        return value
    }

    private static func wrong(_ method: String, _ field: String, _ expected: String, _ got: String) -> RPCError {
        .malformed("\(method): \(field): expected \(expected), got \(got)")
    }
}

extension U256 {
    /// The JSON-RPC quantity form as a JSON string.
    var json: JSONValue { .string(hexQuantity) }
}

extension UInt64 {
    var json: JSONValue { .string(U256(self).hexQuantity) }
}
