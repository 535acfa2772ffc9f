import SigilCore
import SigilTestSupport

/// Random valid EIP-712 documents for the differential and fuzz tests: a struct graph in which
/// the primary type reaches every other type (so eth-account can infer the same primary type),
/// nested and fixed/dynamic arrays, every atomic type, recursive `T[]` fields, random domain
/// subsets, and integers written as JSON numbers, decimal strings or hex strings.
struct TypedDataTestSupport {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func bytes(_ count: Int) -> [UInt8] { rng.bytes(count) }

    static let typeNames = ["Mail", "Person", "Group", "Order", "Test:Message", "Ünïcode", "a_b", "Z", "Permit", "Node", "Item", "x"]
    static let fieldNames = ["from", "to", "value", "name", "data", "x_1", "données", "nonce", "deadline", "amount", "a", "B", "wallet", "salt", "κ"]
    static let texts = ["", "Hello, Bob!", "0x1234", "quote \" and \\ backslash", "line\nbreak", "emoji 🚀 é", "\u{202E}rtl", String(repeating: "long ", count: 60)]

    struct Schema {
        var names: [String] = []
        var fields: [[(name: String, type: String)]] = []
    }

    mutating func atomicType() -> String {
        switch int(0...6) {
        case 0: return "uint\(8 * int(1...32))"
        case 1: return "int\(8 * int(1...32))"
        case 2: return "bytes\(int(1...32))"
        case 3: return "bool"
        case 4: return "address"
        case 5: return "string"
        default: return "bytes"
        }
    }

    mutating func wrapped(_ base: String) -> String {
        var type = base
        if chance(0.3) { type += chance(0.5) ? "[]" : "[\(int(1...3))]" }
        if chance(0.1) { type += chance(0.5) ? "[]" : "[\(int(1...2))]" }
        return type
    }

    mutating func schema() -> Schema {
        var schema = Schema()
        let count = int(1...5)
        var pool = Self.typeNames
        pool.shuffle(using: &rng)
        schema.names = Array(pool.prefix(count))
        for _ in 0..<count { schema.fields.append([]) }
        func fieldName(_ i: Int, _ gen: inout TypedDataTestSupport) -> String {
            while true {
                let candidate = Self.fieldNames.randomElement(using: &gen.rng)! + (gen.chance(0.3) ? "\(gen.int(0...9))" : "")
                if !schema.fields[i].contains(where: { $0.name == candidate }) { return candidate }
            }
        }
        for i in 0..<count {
            for _ in 0..<int(0...5) { schema.fields[i].append((fieldName(i, &self), wrapped(atomicType()))) }
            if i > 0 {
                let parent = int(0...(i - 1))
                schema.fields[parent].append((fieldName(parent, &self), wrapped(schema.names[i])))
                // A recursive field through a dynamic array (self or an earlier non-primary type).
                if chance(0.2) { schema.fields[i].append((fieldName(i, &self), schema.names[int(1...i)] + "[]")) }
            }
            schema.fields[i].shuffle(using: &rng)
        }
        if count == 1 && schema.fields[0].isEmpty { schema.fields[0].append(("only", atomicType())) }
        return schema
    }

    mutating func uint(bits: Int) -> U256 {
        switch int(0...3) {
        case 0: return .zero
        case 1: return bits == 256 ? .max : (U256.one << bits) - U256.one
        default:
            let random = try! U256(bigEndian: bytes(32))
            return random >> (256 - int(1...bits))
        }
    }

    mutating func integerJSON(magnitude: U256, negative: Bool) -> JSONValue {
        let decimal = (negative ? "-" : "") + magnitude.decimalString
        switch int(0...2) {
        case 0: return .number(decimal)
        case 1: return .string(decimal)
        default: return negative ? .number(decimal) : .string(magnitude.hexQuantity)
        }
    }

    mutating func value(_ type: String, schema: Schema, depth: Int) -> JSONValue {
        if type.hasSuffix("]") {
            let open = type.lastIndex(of: "[")!
            let element = String(type[..<open])
            let inner = type[type.index(after: open)..<type.index(before: type.endIndex)]
            let count = inner.isEmpty ? (depth >= 3 || schema.names.contains(element) && depth >= 2 ? 0 : int(0...3)) : Int(inner)!
            return .array((0..<count).map { _ in value(element, schema: schema, depth: depth + 1) })
        }
        if let index = schema.names.firstIndex(of: type) {
            return .object(schema.fields[index].map { ($0.name, value($0.type, schema: schema, depth: depth + 1)) })
        }
        switch type {
        case "bool": return .bool(chance(0.5))
        case "address":
            let address = try! Address(bytes: bytes(20))
            return .string(chance(0.5) ? address.checksummed : Hex.encode(address.bytes))
        case "string": return .string(Self.texts.randomElement(using: &rng)!)
        case "bytes": return .string(Hex.encode(bytes([0, 1, 20, 32, 33, 70].randomElement(using: &rng)!)))
        default: break
        }
        if type.hasPrefix("bytes") { return .string(Hex.encode(bytes(Int(type.dropFirst(5))!))) }
        if type.hasPrefix("uint") { return integerJSON(magnitude: uint(bits: Int(type.dropFirst(4))!), negative: false) }
        let bits = Int(type.dropFirst(3))!
        let negative = chance(0.5)
        var magnitude = uint(bits: bits - 1)
        if negative && chance(0.2) { magnitude = U256.one << (bits - 1) }  // the minimum
        return integerJSON(magnitude: magnitude, negative: negative && !magnitude.isZero)
    }

    /// A random valid `eth_signTypedData_v4` document.
    mutating func document() -> JSONValue {
        let schema = schema()
        var domain: [(String, JSONValue)] = []
        var domainType: [JSONValue] = []
        for (name, type) in [("name", "string"), ("version", "string"), ("chainId", "uint256"),
                             ("verifyingContract", "address"), ("salt", "bytes32")] where chance(0.6) {
            var item = value(type, schema: schema, depth: 0)
            if name == "chainId" { item = chance(0.5) ? .number(String(int(1...100_000))) : .string(String(int(1...100_000))) }
            domain.append((name, item))
            domainType.append(.object([("name", .string(name)), ("type", .string(type))]))
        }
        var types: [(String, JSONValue)] = chance(0.5) ? [("EIP712Domain", .array(domainType))] : []
        for (i, name) in schema.names.enumerated() {
            types.append((name, .array(schema.fields[i].map { .object([("name", .string($0.name)), ("type", .string($0.type))]) })))
        }
        types.shuffle(using: &rng)
        return .object([
            ("types", .object(types)), ("primaryType", .string(schema.names[0])),
            ("domain", .object(domain)), ("message", value(schema.names[0], schema: schema, depth: 0)),
        ])
    }

    mutating func privateKey() -> PrivateKey {
        while true {
            var secret = bytes(32)
            if let key = try? PrivateKey(secret: SecureBytes(consuming: &secret)) { return key }
        }
    }
}
