/// Checks JSON values against their EIP-712 types, strictly:
///
/// - integers: a JSON integer, or a string holding a decimal (optionally `-`) or a `0x` hex
///   number; no fractions or exponents; the value must fit the type's range.
/// - `bool`: JSON `true` / `false` only. `address`: `0x` + 40 hex digits, EIP-55 checked when
///   mixed case. `bytes<N>`: `0x` hex of exactly N bytes. `bytes`: `0x` hex. `string`: a string.
/// - arrays: a JSON array, of exactly k elements for `T[k]`.
/// - structs: a JSON object with exactly the type's fields: a missing field, an extra field
///   and a repeated key are all errors.
struct TypedDataValueParser {
    /// The deepest nesting of structs and arrays accepted.
    static let maximumDepth = 64

    let schema: TypedDataSchema

    func parse(_ json: JSONValue, as type: TypedDataType, path: String, depth: Int = 0) throws(TypedDataError) -> TypedDataValue {
        switch type {
        case .uint(let bits), .int(let bits):
            let signed: Bool
            if case .int = type { signed = true } else { signed = false }
            return try Self.integer(json, bits: bits, signed: signed, typeName: type.description, path: path)
        case .bool:
            guard case .bool(let flag) = json else { throw Self.mismatch("a boolean (true or false)", json, path) }
            return .bool(flag)
        case .address:
            guard case .string(let text) = json else { throw Self.mismatch("an address", json, path) }
            do {
                return .address(try Address(parsing: text))
            } catch {
                throw TypedDataError(path: path, reason: "expected an address, got \(TypedDataError.quote(text)) (\(error))")
            }
        case .fixedBytes(let count):
            let bytes = try Self.hexBytes(json, what: "\(type)", path: path)
            guard bytes.count == count else {
                throw TypedDataError(path: path, reason: "expected \(type) (\(count) bytes), got \(bytes.count) bytes")
            }
            return .fixedBytes(bytes)
        case .bytes:
            return .bytes(try Self.hexBytes(json, what: "bytes", path: path))
        case .string:
            guard case .string(let text) = json else { throw Self.mismatch("a string", json, path) }
            return .string(text)
        case .array(let element, let length):
            guard depth < Self.maximumDepth else {
                throw TypedDataError(path: path, reason: "nested deeper than \(Self.maximumDepth) levels")
            }
            guard case .array(let items) = json else { throw Self.mismatch("an array for \(type)", json, path) }
            if let length, items.count != length {
                throw TypedDataError(path: path, reason: "expected \(length) elements for \(type), got \(items.count)")
            }
            var values: [TypedDataValue] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                values.append(try parse(item, as: element, path: "\(path)[\(index)]", depth: depth + 1))
            }
            return .array(values)
        case .structure(let name):
            guard depth < Self.maximumDepth else {
                throw TypedDataError(path: path, reason: "nested deeper than \(Self.maximumDepth) levels")
            }
            guard case .object(let members) = json else { throw Self.mismatch("an object for \(name)", json, path) }
            let fields = schema.fields[name] ?? []
            let keyed = try TypedDataParser.uniqueMembers(members, path: path)
            for (key, _) in members where !fields.contains(where: { $0.name == key }) {
                throw TypedDataError(path: "\(path).\(key)", reason: "field not in type \(name)")
            }
            var values: [(String, TypedDataValue)] = []
            values.reserveCapacity(fields.count)
            for field in fields {
                let fieldPath = "\(path).\(field.name)"
                guard let member = keyed[field.name] else {
                    throw TypedDataError(path: fieldPath, reason: "missing field of type \(field.type)")
                }
                values.append((field.name, try parse(member, as: field.type, path: fieldPath, depth: depth + 1)))
            }
            return .structure(name, values)
        }
    }

    static func mismatch(_ expected: String, _ json: JSONValue, _ path: String) -> TypedDataError {
        TypedDataError(path: path, reason: "expected \(expected), got \(shown(json))")
    }

    /// A short rendering of an unexpected JSON value for an error.
    static func shown(_ json: JSONValue) -> String {
        switch json {
        case .string(let text): return "the string \(TypedDataError.quote(text))"
        case .number(let text): return "the number \(TypedDataError.quote(text))"
        case .bool(let flag): return flag ? "true" : "false"
        default: return json.kindName
        }
    }

    static func hexBytes(_ json: JSONValue, what: String, path: String) throws(TypedDataError) -> [UInt8] {
        guard case .string(let text) = json else { throw mismatch("0x-prefixed hex for \(what)", json, path) }
        do {
            return try Hex.decode(text, prefix: .required)
        } catch {
            throw TypedDataError(path: path, reason: "expected 0x-prefixed hex for \(what), got \(TypedDataError.quote(text)) (\(error))")
        }
    }

    /// Parses and range-checks an integer, producing its two's-complement word.
    static func integer(_ json: JSONValue, bits: Int, signed: Bool, typeName: String, path: String) throws(TypedDataError) -> TypedDataValue {
        let text: String
        switch json {
        case .number(let literal):
            guard !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else {
                throw TypedDataError(path: path, reason: "expected an integer for \(typeName), got \(TypedDataError.quote(literal)) (no fractions or exponents)")
            }
            text = literal
        case .string(let literal): text = literal
        default: throw mismatch("an integer for \(typeName)", json, path)
        }
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let magnitude: U256
        do {
            magnitude = try U256(parsing: digits)
        } catch .overflow {
            throw TypedDataError(path: path, reason: "\(TypedDataError.quote(text)) does not fit \(typeName)")
        } catch {
            throw TypedDataError(path: path, reason: "expected an integer for \(typeName), got \(TypedDataError.quote(text))")
        }
        if !signed {
            if negative && !magnitude.isZero {
                throw TypedDataError(path: path, reason: "negative value \(TypedDataError.quote(text)) does not fit \(typeName)")
            }
            guard magnitude.bitWidth <= bits else {
                throw TypedDataError(path: path, reason: "\(TypedDataError.quote(text)) does not fit \(typeName) (maximum 2^\(bits)-1)")
            }
            return .integer(word: magnitude.bigEndianBytes, decimal: magnitude.decimalString)
        }
        // int<N>: -2^(N-1) ... 2^(N-1)-1.
        let limit = U256.one << (bits - 1)
        guard negative ? magnitude <= limit : magnitude < limit else {
            throw TypedDataError(path: path, reason: "\(TypedDataError.quote(text)) does not fit \(typeName) (range -2^\(bits - 1) to 2^\(bits - 1)-1)")
        }
        if negative && !magnitude.isZero {
            return .integer(word: (~magnitude &+ U256.one).bigEndianBytes, decimal: "-" + magnitude.decimalString)
        }
        return .integer(word: magnitude.bigEndianBytes, decimal: magnitude.decimalString)
    }
}
