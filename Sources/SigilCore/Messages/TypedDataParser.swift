/// Parses an `eth_signTypedData_v4` document `{types, primaryType, domain, message}` strictly.
///
/// Everything is checked before anything is hashed, and every error names its path in the
/// document. See `TypedData` for the rules.
enum TypedDataParser {
    /// The domain fields EIP-712 defines, in the canonical order used to derive `EIP712Domain`
    /// when `types` does not declare it.
    static let domainFields: [TypedDataField] = [
        TypedDataField(name: "name", type: .string),
        TypedDataField(name: "version", type: .string),
        TypedDataField(name: "chainId", type: .uint(bits: 256)),
        TypedDataField(name: "verifyingContract", type: .address),
        TypedDataField(name: "salt", type: .fixedBytes(32)),
    ]

    /// A bound on the type graph, which is walked recursively.
    static let maximumStructCount = 1000

    static func parse(_ document: JSONValue) throws(TypedDataError) -> TypedData {
        guard case .object(let members) = document else {
            throw TypedDataError(path: "", reason: "typed data must be a JSON object, got \(document.kindName)")
        }
        let top = try uniqueMembers(members, path: "")
        for (key, _) in members where !["types", "primaryType", "domain", "message"].contains(key) {
            throw TypedDataError(path: key, reason: "unknown top-level key (expected types, primaryType, domain and message)")
        }
        guard let typesJSON = top["types"] else { throw TypedDataError(path: "types", reason: "missing") }
        var schema = try parseTypes(typesJSON)

        guard let primaryJSON = top["primaryType"] else { throw TypedDataError(path: "primaryType", reason: "missing") }
        guard case .string(let primaryType) = primaryJSON else {
            throw TypedDataError(path: "primaryType", reason: "expected a string, got \(primaryJSON.kindName)")
        }

        guard let domainJSON = top["domain"] else { throw TypedDataError(path: "domain", reason: "missing") }
        guard case .object(let domainMembers) = domainJSON else {
            throw TypedDataError(path: "domain", reason: "expected an object, got \(domainJSON.kindName)")
        }
        if schema.fields["EIP712Domain"] == nil {
            _ = try uniqueMembers(domainMembers, path: "domain")
            for (key, _) in domainMembers where !domainFields.contains(where: { $0.name == key }) {
                throw TypedDataError(path: "domain.\(key)", reason: "unknown domain field (expected name, version, chainId, verifyingContract or salt, or declare types.EIP712Domain)")
            }
            let derived = domainFields.filter { field in domainMembers.contains { $0.0 == field.name } }
            schema.add(name: "EIP712Domain", fields: derived)
        }
        let values = TypedDataValueParser(schema: schema)
        let domain = try values.parse(domainJSON, as: .structure("EIP712Domain"), path: "domain")

        let message: TypedDataValue?
        if primaryType == "EIP712Domain" {
            // The message is not part of the digest; refuse one that would be shown but not signed.
            if let messageJSON = top["message"], messageJSON != .object([]) {
                throw TypedDataError(path: "message", reason: "must be absent or {} when primaryType is EIP712Domain (only the domain is signed)")
            }
            message = nil
        } else {
            guard schema.fields[primaryType] != nil else {
                throw TypedDataError(path: "primaryType", reason: "unknown type \(TypedDataError.quote(primaryType)) (not defined in types)")
            }
            guard let messageJSON = top["message"] else { throw TypedDataError(path: "message", reason: "missing") }
            message = try values.parse(messageJSON, as: .structure(primaryType), path: "message")
        }
        return TypedData(schema: schema, primaryType: primaryType, domain: domain, message: message)
    }

    /// The `types` section: every struct well formed, every referenced struct defined, and
    /// no cycle that only an infinite value could satisfy.
    static func parseTypes(_ json: JSONValue) throws(TypedDataError) -> TypedDataSchema {
        guard case .object(let members) = json else {
            throw TypedDataError(path: "types", reason: "expected an object, got \(json.kindName)")
        }
        _ = try uniqueMembers(members, path: "types")
        guard members.count <= maximumStructCount else {
            throw TypedDataError(path: "types", reason: "more than \(maximumStructCount) struct types")
        }
        var raw: [(String, [(name: String, typeText: String)])] = []
        for (typeName, definition) in members {
            let path = "types.\(typeName)"
            if let problem = TypedDataType.nameProblem(typeName) {
                throw TypedDataError(path: path, reason: "invalid type name \(TypedDataError.quote(typeName)): \(problem)")
            }
            if TypedDataType.atomic(typeName) != nil || TypedDataType.looksAtomic(typeName) {
                throw TypedDataError(path: path, reason: "type name \(TypedDataError.quote(typeName)) is reserved for an atomic type")
            }
            guard case .array(let entries) = definition else {
                throw TypedDataError(path: path, reason: "expected an array of {name, type}, got \(definition.kindName)")
            }
            var fields: [(name: String, typeText: String)] = []
            for (index, entry) in entries.enumerated() {
                let entryPath = "\(path)[\(index)]"
                guard case .object(let entryMembers) = entry else {
                    throw TypedDataError(path: entryPath, reason: "expected an object {name, type}, got \(entry.kindName)")
                }
                let keyed = try uniqueMembers(entryMembers, path: entryPath)
                for (key, _) in entryMembers where key != "name" && key != "type" {
                    throw TypedDataError(path: "\(entryPath).\(key)", reason: "unknown key (a field has only name and type)")
                }
                guard case .string(let name)? = keyed["name"] else {
                    throw TypedDataError(path: "\(entryPath).name", reason: keyed["name"].map { "expected a string, got \($0.kindName)" } ?? "missing")
                }
                guard case .string(let typeText)? = keyed["type"] else {
                    throw TypedDataError(path: "\(entryPath).type", reason: keyed["type"].map { "expected a string, got \($0.kindName)" } ?? "missing")
                }
                if let problem = TypedDataType.nameProblem(name) {
                    throw TypedDataError(path: "\(entryPath).name", reason: "invalid field name \(TypedDataError.quote(name)): \(problem)")
                }
                if fields.contains(where: { $0.name == name }) {
                    throw TypedDataError(path: "\(entryPath).name", reason: "duplicate field name \(TypedDataError.quote(name))")
                }
                fields.append((name, typeText))
            }
            raw.append((typeName, fields))
        }
        var schema = TypedDataSchema()
        for (typeName, fields) in raw {
            var resolved: [TypedDataField] = []
            for (index, field) in fields.enumerated() {
                let path = "types.\(typeName)[\(index)].type"
                let type: TypedDataType
                switch TypedDataType.parse(field.typeText) {
                case .success(let parsed): type = parsed
                case .failure(let error): throw TypedDataError(path: path, reason: error.reason)
                }
                if let structName = type.structName, !raw.contains(where: { $0.0 == structName }) {
                    throw TypedDataError(path: path, reason: "unknown type \(TypedDataError.quote(structName))")
                }
                resolved.append(TypedDataField(name: field.name, type: type))
            }
            schema.add(name: typeName, fields: resolved)
        }
        try checkNoMandatoryCycle(schema)
        return schema
    }

    /// Recursive types are legal in EIP-712 (a tree through `Node[] children`), but a cycle
    /// in which every step is a plain struct or fixed-size array field can only be satisfied by
    /// an infinite value. Such a cycle is reported with its path.
    static func checkNoMandatoryCycle(_ schema: TypedDataSchema) throws(TypedDataError) {
        var state: [String: Bool] = [:]  // false = on the stack, true = done
        var stack: [String] = []
        func visit(_ name: String) -> [String]? {
            if let done = state[name] {
                if done { return nil }
                return Array(stack[stack.firstIndex(of: name)!...]) + [name]
            }
            state[name] = false
            stack.append(name)
            for field in schema.fields[name] ?? [] where field.type.alwaysContainsStruct {
                if let cycle = visit(field.type.structName!) { return cycle }
            }
            stack.removeLast()
            state[name] = true
            return nil
        }
        for name in schema.order {
            if let cycle = visit(name) {
                throw TypedDataError(path: "types", reason: "cyclic type reference \(cycle.joined(separator: " → ")) with no dynamic array on the way: no finite value can satisfy it")
            }
        }
    }

    /// The members of an object as a dictionary, refusing repeated keys.
    static func uniqueMembers(_ members: [(String, JSONValue)], path: String) throws(TypedDataError) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (key, value) in members {
            if result[key] != nil {
                throw TypedDataError(path: path.isEmpty ? key : "\(path).\(key)", reason: "duplicate key")
            }
            result[key] = value
        }
        return result
    }
}
