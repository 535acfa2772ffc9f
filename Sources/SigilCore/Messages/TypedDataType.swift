/// A type expression of EIP-712: an atomic type, `string`, `bytes`, a struct name, or an
/// array `T[]` / `T[k]` of any of these (arrays nest: `T[][2]` is two dynamic arrays of T).
///
/// Only canonical spellings are accepted (`uint256`, not `uint`; `bytes4`, not `bytes04`),
/// because the type text goes verbatim into `encodeType` and hence into the hash.
public indirect enum TypedDataType: Sendable, Equatable, CustomStringConvertible {
    case uint(bits: Int)
    case int(bits: Int)
    case bool
    case address
    /// bytes1 ... bytes32.
    case fixedBytes(Int)
    case bytes
    case string
    /// A struct defined in `types`.
    case structure(String)
    /// `element[]` (length nil) or `element[length]`.
    case array(TypedDataType, length: Int?)

    /// The most array dimensions a type may have (`T[][2]` has two).
    static let maximumDimensions = 8

    /// Parses a type expression. Struct names are not resolved here. The failure (with an
    /// empty path, for the caller to fill in) says why the text is not a type expression.
    static func parse(_ text: String) -> Result<TypedDataType, TypedDataError> {
        func fail(_ reason: String) -> Result<TypedDataType, TypedDataError> {
            .failure(TypedDataError(path: "", reason: reason))
        }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count(where: { $0 == "[" }) <= maximumDimensions else {
            return fail("more than \(maximumDimensions) array dimensions in type \(TypedDataError.quote(text))")
        }
        if scalars.last == "]" {
            guard let open = scalars.lastIndex(of: "[") else { return fail("unbalanced ']' in type \(TypedDataError.quote(text))") }
            let inner = String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)]))
            let elementText = String(String.UnicodeScalarView(scalars[..<open]))
            var length: Int? = nil
            if !inner.isEmpty {
                guard inner.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), inner.utf8.count <= 9,
                      !(inner.utf8.count > 1 && inner.utf8.first == 0x30), let k = Int(inner), k >= 1
                else { return fail("invalid array length in type \(TypedDataError.quote(text)) (expected a number from 1 without leading zeros)") }
                length = k
            }
            switch parse(elementText) {
            case .success(let element): return .success(.array(element, length: length))
            case .failure(let error): return .failure(error)
            }
        }
        if let atomic = atomic(text) { return .success(atomic) }
        if looksAtomic(text) { return fail("unknown type \(TypedDataError.quote(text))") }
        if let problem = nameProblem(text) { return fail("\(problem) in type \(TypedDataError.quote(text))") }
        return .success(.structure(text))
    }

    /// The atomic or dynamic type that `text` names exactly, or nil.
    static func atomic(_ text: String) -> TypedDataType? {
        switch text {
        case "bool": return .bool
        case "address": return .address
        case "bytes": return .bytes
        case "string": return .string
        default: break
        }
        for (prefix, make) in [("uint", { TypedDataType.uint(bits: $0) }), ("int", { .int(bits: $0) })] {
            if let n = sizeSuffix(text, after: prefix), n % 8 == 0, (8...256).contains(n) { return make(n) }
        }
        if let n = sizeSuffix(text, after: "bytes"), (1...32).contains(n) { return .fixedBytes(n) }
        return nil
    }

    /// Whether `text` is in the atomic families (`uint…`, `int…`, `bytes…` with only digits
    /// after) without being a valid one, like `uint`, `uint7` or `bytes33`. Such names are
    /// reserved: they are neither atomic types nor allowed as struct names.
    static func looksAtomic(_ text: String) -> Bool {
        for prefix in ["uint", "int", "bytes"] where text.hasPrefix(prefix) {
            if text.utf8.dropFirst(prefix.utf8.count).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        }
        return false
    }

    /// Why `name` cannot be a struct or field name, or nil. Names go verbatim into
    /// `encodeType`, so the characters that structure it (space, comma, parentheses,
    /// brackets) and control characters are refused; anything else (e.g. `Test:Message`) is allowed.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "empty name" }
        for scalar in name.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || scalar.properties.isWhitespace {
                return "control or space character"
            }
            if "(),[]".unicodeScalars.contains(scalar) { return "character '\(scalar)' not allowed" }
        }
        return nil
    }

    /// The number after `prefix` when the rest is a canonical decimal (no leading zero).
    private static func sizeSuffix(_ text: String, after prefix: String) -> Int? {
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.utf8.dropFirst(prefix.utf8.count)
        guard !digits.isEmpty, digits.count <= 3, digits.first != 0x30,
              digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// The struct at the bottom of any array nesting, or nil for atomic and dynamic types.
    var structName: String? {
        switch self {
        case .structure(let name): return name
        case .array(let element, _): return element.structName
        default: return nil
        }
    }

    /// Whether every value of this type must contain a value of its struct (no dynamic
    /// array on the way down, which could be empty).
    var alwaysContainsStruct: Bool {
        switch self {
        case .structure: return true
        case .array(let element, let length): return length != nil && element.alwaysContainsStruct
        default: return false
        }
    }

    /// The canonical text, as written in `types`.
    public var description: String {
        switch self {
        case .uint(let bits): return "uint\(bits)"
        case .int(let bits): return "int\(bits)"
        case .bool: return "bool"
        case .address: return "address"
        case .fixedBytes(let n): return "bytes\(n)"
        case .bytes: return "bytes"
        case .string: return "string"
        case .structure(let name): return name
        case .array(let element, let length): return "\(element)[\(length.map(String.init) ?? "")]"
        }
    }
}

/// One member of a struct type: `type name`.
public struct TypedDataField: Sendable, Equatable {
    public let name: String
    public let type: TypedDataType
}
