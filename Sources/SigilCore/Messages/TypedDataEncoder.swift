/// The struct types of a typed-data document, in the order `types` lists them.
struct TypedDataSchema: Sendable {
    private(set) var fields: [String: [TypedDataField]] = [:]
    private(set) var order: [String] = []
    private var typeHashes: [String: [UInt8]] = [:]

    mutating func add(name: String, fields: [TypedDataField]) {
        if self.fields[name] == nil { order.append(name) }
        self.fields[name] = fields
        typeHashes = [:]
    }

    /// encodeType: `Name(type1 name1,...)` followed by every struct it references (directly
    /// or not, itself excepted), sorted by name in code-point order.
    func encodeType(_ name: String) -> String {
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            for field in fields[next] ?? [] {
                if let child = field.type.structName, !seen.contains(child) {
                    seen.insert(child)
                    pending.append(child)
                }
            }
        }
        let dependencies = seen.subtracting([name]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return ([name] + dependencies).map { type in
            type + "(" + (fields[type] ?? []).map { "\($0.type) \($0.name)" }.joined(separator: ",") + ")"
        }.joined()
    }

    /// keccak256(encodeType(name)).
    func typeHash(_ name: String) -> [UInt8] {
        typeHashes[name] ?? Keccak256.hash(Array(encodeType(name).utf8))
    }

    /// Computes every type hash once, so hashing large arrays of structs stays linear.
    mutating func cacheTypeHashes() {
        var cache: [String: [UInt8]] = [:]
        for name in order { cache[name] = Keccak256.hash(Array(encodeType(name).utf8)) }
        typeHashes = cache
    }
}

/// encodeData and hashStruct of EIP-712 over validated values.
enum TypedDataEncoder {
    /// typeHash(name) || enc(field1) || ... || enc(fieldN).
    static func encodeData(_ value: TypedDataValue, schema: TypedDataSchema) -> [UInt8] {
        guard case .structure(let name, let members) = value else { return encodeValue(value, schema: schema) }
        var out = schema.typeHash(name)
        out.reserveCapacity(32 * (members.count + 1))
        for (_, member) in members { out += encodeValue(member, schema: schema) }
        return out
    }

    /// keccak256(encodeData(value)).
    static func hashStruct(_ value: TypedDataValue, schema: TypedDataSchema) -> [UInt8] {
        Keccak256.hash(encodeData(value, schema: schema))
    }

    /// The 32-byte encoding of one member: atomic values as ABI words, `bytes` and `string`
    /// as keccak256 of their contents, arrays as keccak256 of their elements' encodings,
    /// structs as hashStruct.
    static func encodeValue(_ value: TypedDataValue, schema: TypedDataSchema) -> [UInt8] {
        switch value {
        case .integer(let word, _): return word
        case .bool(let flag): return [UInt8](repeating: 0, count: 31) + [flag ? 1 : 0]
        case .address(let address): return [UInt8](repeating: 0, count: 12) + address.bytes
        case .fixedBytes(let bytes): return bytes + [UInt8](repeating: 0, count: 32 - bytes.count)
        case .bytes(let bytes): return Keccak256.hash(bytes)
        case .string(let text): return Keccak256.hash(Array(text.utf8))
        case .array(let elements):
            var hasher = Keccak256()
            for element in elements { hasher.update(encodeValue(element, schema: schema)) }
            return hasher.finalize()
        case .structure: return hashStruct(value, schema: schema)
        }
    }
}
