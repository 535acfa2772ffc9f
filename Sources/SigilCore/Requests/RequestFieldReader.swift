/// Reads the members of one JSON object of a request file strictly, naming each field
/// (with its path, e.g. `authorizationList[0].r`) in its errors.
struct RequestFieldReader {
    private let members: [(String, JSONValue)]
    /// The object's path ("accessList[0]"), nil for the top level.
    private let path: String?

    init(_ members: [(String, JSONValue)], path: String?) {
        self.members = members
        self.path = path
    }

    private func name(_ key: String) -> String {
        path.map { "\($0).\(key)" } ?? key
    }

    private var place: String { path.map { "in \($0)" } ?? "in the request" }

    /// The member `key`, if present.
    func value(_ key: String) -> JSONValue? {
        members.first { $0.0 == key }?.1
    }

    /// Throws naming every key not in `allowed`.
    func refuseUnknown(allowed: [String]) throws(RequestError) {
        let unknown = members.map(\.0).filter { !allowed.contains($0) }
        guard unknown.isEmpty else {
            let noun = unknown.count == 1 ? "field" : "fields"
            throw RequestError(field: unknown.first.map(name), message: "unknown \(noun) \(RequestError.list(unknown)) \(place)")
        }
    }

    /// Throws naming every key of `required` that is absent.
    func requirePresent(_ required: [String]) throws(RequestError) {
        let missing = required.filter { value($0) == nil }
        guard missing.isEmpty else {
            let noun = missing.count == 1 ? "field" : "fields"
            throw RequestError(field: missing.first.map(name), message: "missing \(noun) \(RequestError.list(missing)) \(place)")
        }
    }

    private func present(_ key: String) throws(RequestError) -> JSONValue {
        guard let value = value(key) else {
            throw RequestError(field: name(key), message: "missing field \(RequestError.quote(key)) \(place)")
        }
        return value
    }

    // MARK: Quantities

    /// A quantity: a string of `0x` + hex digits or of decimal digits, without leading zeros,
    /// or a JSON integer (see `integer(_:field:)`).
    func quantity(_ key: String) throws(RequestError) -> U256 {
        try Self.quantity(try present(key), field: name(key))
    }

    /// A quantity, or nil for `null` or an absent member.
    func optionalQuantity(_ key: String) throws(RequestError) -> U256? {
        guard let value = value(key), value != .null else { return nil }
        return try Self.quantity(value, field: name(key))
    }

    /// A quantity below 2^64.
    func uint64(_ key: String) throws(RequestError) -> UInt64 {
        try Self.uint64(try present(key), field: name(key))
    }

    static func uint64(_ value: JSONValue, field: String) throws(RequestError) -> UInt64 {
        guard let small = try quantity(value, field: field).uint64Value else {
            throw .field(field, "is larger than 2^64-1")
        }
        return small
    }

    static func quantity(_ value: JSONValue, field: String) throws(RequestError) -> U256 {
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let literal): return try integer(literal, field: field)
        default:
            throw .field(field, "must be a quantity (\"0x…\", a decimal string or a JSON integer), found \(value.kindName)")
        }
        let utf8 = Array(text.utf8)
        let isHex = utf8.count >= 2 && utf8[0] == UInt8(ascii: "0") && (utf8[1] == UInt8(ascii: "x") || utf8[1] == UInt8(ascii: "X"))
        let digits = isHex ? Array(utf8.dropFirst(2)) : utf8
        let valid = !digits.isEmpty && digits.allSatisfy { isHex ? Hex.nibble($0) != nil : ($0 >= 48 && $0 <= 57) }
        guard valid else {
            throw .field(field, "is not a quantity: \(RequestError.quote(text)) (expected \"0x\" and hex digits, or decimal digits)")
        }
        guard digits.count == 1 || digits[0] != UInt8(ascii: "0") else {
            throw .field(field, "has leading zeros: \(RequestError.quote(text)) (write \(isHex ? "0x0 or 0x1f, not 0x01f" : "7, not 007"))")
        }
        do {
            return isHex ? try U256(hexQuantity: text) : try U256(decimal: text)
        } catch {
            throw .field(field, "is larger than 2^256-1")
        }
    }

    /// A JSON integer, read exactly from its digits (never through a floating-point number).
    /// A fraction, an exponent or a minus sign is refused: a quantity is a whole number ≥ 0.
    static func integer(_ literal: String, field: String) throws(RequestError) -> U256 {
        if literal.hasPrefix("-") {
            throw .field(field, "is negative (\(RequestError.quote(literal))); a quantity is 0 or more")
        }
        guard literal.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .field(field, "is not a whole number (\(RequestError.quote(literal))): a JSON number with a fraction or an exponent is refused; write its digits (42) or a string (\"0x2a\")")
        }
        do {
            return try U256(decimal: literal)
        } catch {
            throw .field(field, "is larger than 2^256-1")
        }
    }

    /// A field that has two names (`data`/`input`, `gas`/`gasLimit`): the value of whichever
    /// is present, read by `read`; both only when they are equal; nil when neither is.
    func alias<T: Equatable>(_ first: String, _ second: String,
                             _ read: (JSONValue, String) throws(RequestError) -> T) throws(RequestError) -> T? {
        let a = try value(first).map { (value) throws(RequestError) in try read(value, name(first)) }
        let b = try value(second).map { (value) throws(RequestError) in try read(value, name(second)) }
        if let a, let b, a != b {
            throw RequestError(field: name(first),
                message: "fields \(RequestError.quote(first)) and \(RequestError.quote(second)) are both present and differ; give one of them")
        }
        return a ?? b
    }

    // MARK: Bytes and addresses

    /// `0x` + hex, or nil when absent (`null` is refused).
    func optionalBytes(_ key: String) throws(RequestError) -> [UInt8]? {
        guard let value = value(key) else { return nil }
        return try Self.bytes(value, field: name(key), count: nil)
    }

    static func bytes(_ value: JSONValue, field: String, count: Int?) throws(RequestError) -> [UInt8] {
        guard case .string(let text) = value else {
            throw .field(field, "must be a 0x-prefixed hex string, found \(value.kindName)")
        }
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(text, prefix: .required)
        } catch {
            throw .field(field, "is not 0x-prefixed hex: \(error)")
        }
        if let count, bytes.count != count {
            throw .field(field, "must be \(count) bytes, found \(bytes.count)")
        }
        return bytes
    }

    /// An address, or nil for `null` or an absent member.
    func optionalAddress(_ key: String) throws(RequestError) -> Address? {
        guard let value = value(key), value != .null else { return nil }
        return try Self.address(value, field: name(key))
    }

    static func address(_ value: JSONValue, field: String) throws(RequestError) -> Address {
        guard case .string(let text) = value else {
            throw .field(field, "must be an address string, found \(value.kindName)")
        }
        do {
            return try Address(parsing: text)
        } catch {
            throw .field(field, "is not a valid address: \(error)")
        }
    }

    // MARK: Structures

    /// An array member.
    func array(_ key: String) throws(RequestError) -> [JSONValue] {
        let value = try present(key)
        guard case .array(let items) = value else {
            throw .field(name(key), "must be an array, found \(value.kindName)")
        }
        return items
    }

    /// An object's members, with unknown and missing keys refused.
    static func object(_ value: JSONValue, field: String, keys: [String]) throws(RequestError) -> RequestFieldReader {
        guard case .object(let members) = value else {
            throw .field(field, "must be an object, found \(value.kindName)")
        }
        let reader = RequestFieldReader(members, path: field)
        try reader.refuseUnknown(allowed: keys)
        try reader.requirePresent(keys)
        return reader
    }

    /// `[{address, storageKeys}, ...]`.
    func accessList(_ key: String) throws(RequestError) -> AccessList {
        var entries: [AccessList.Entry] = []
        for (index, item) in try array(key).enumerated() {
            let field = "\(name(key))[\(index)]"
            let entry = try Self.object(item, field: field, keys: ["address", "storageKeys"])
            let address = try Self.address(try entry.present("address"), field: "\(field).address")
            let keys = try entry.array("storageKeys").enumerated().map { (keyIndex, keyValue) throws(RequestError) in
                try Self.bytes(keyValue, field: "\(field).storageKeys[\(keyIndex)]", count: 32)
            }
            entries.append(AccessList.Entry(address: address, storageKeys: keys))
        }
        return AccessList(entries)
    }

    /// `{chainId, address, nonce, yParity, r, s}`; the signature is checked only when recovered.
    static func authorization(_ value: JSONValue, field: String) throws(RequestError) -> SignedAuthorization {
        guard case .object(let members) = value else {
            throw .field(field, "must be an object, found \(value.kindName)")
        }
        let keys = ["chainId", "address", "nonce", "yParity", "r", "s"]
        let reader = RequestFieldReader(members, path: field)
        try reader.refuseUnknown(allowed: keys + ["rlp"])
        try reader.requirePresent(keys)
        let chainId = try reader.quantity("chainId")
        let address = try address(try reader.present("address"), field: "\(field).address")
        let nonce = try reader.uint64("nonce")
        let parity = try reader.uint64("yParity")
        guard parity <= 0xff else { throw .field("\(field).yParity", "is larger than 0xff") }
        let signed = SignedAuthorization(authorization: Authorization(chainId: chainId, address: address, nonce: nonce),
                                         yParity: UInt8(parity), r: try reader.quantity("r"), s: try reader.quantity("s"))
        // `sigil sign authorization` also prints the tuple's RLP: taken when it encodes these fields.
        if let rlp = try reader.optionalBytes("rlp"), rlp != signed.encoded {
            throw .field("\(field).rlp", "does not encode the authorization's other fields; remove it or fix them")
        }
        return signed
    }
}
