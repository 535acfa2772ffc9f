/// Reads human-readable function signatures and type names.
///
/// Accepted: `transfer(address,uint256)`, `transfer(address to, uint256 amount)`,
/// `function balanceOf(address owner) external view returns (uint256)`, the cast style
/// `balanceOf(address)(uint256)`, tuples `(T1,T2)` or `tuple(T1,T2)`, arrays `T[k]`/`T[]`,
/// and the data-location words `memory`, `calldata`, `storage`, `indexed`, `payable`.
/// Errors give the 0-based character position of the problem.
public enum ABISignatureParser {
    /// How deeply tuples and arrays may nest in one type.
    public static let maxNestingDepth = 32
    /// The largest inline (static) size a type may have, in bytes.
    public static let maxStaticSize = 1 << 24

    /// Parses a function signature. With `requireName: false` the name may be empty, as in
    /// `(uint256,address)` for plain `abi.encode` argument lists.
    public static func parseFunction(_ text: String, requireName: Bool = true) throws(ABIError) -> ABIFunction {
        var cursor = SignatureCursor(text)
        cursor.skipSpace()
        var nameStart = cursor.index
        var name = cursor.peekIdentifier() ?? ""
        if name == "function" {
            let saved = cursor.index
            _ = cursor.readIdentifier()
            cursor.skipSpace()
            if cursor.peekIdentifier() != nil { nameStart = cursor.index; name = cursor.peekIdentifier()! } else {
                cursor.index = saved
            }
        }
        if !name.isEmpty { _ = cursor.readIdentifier() }
        if name.isEmpty && requireName {
            throw .invalidSignature(cursor.atEnd ? "missing function name" : "missing function name before \(cursor.found)", position: nameStart)
        }
        cursor.skipSpace()
        guard cursor.peek == "(" else {
            throw .invalidSignature("expected '(' after the function name, found \(cursor.found)", position: cursor.index)
        }
        let inputs = try parameterList(&cursor, depth: 0)
        var outputs: [ABIParameter] = []
        cursor.skipModifiers()
        if cursor.peekIdentifier() == "returns" {
            _ = cursor.readIdentifier()
            cursor.skipSpace()
            guard cursor.peek == "(" else {
                throw .invalidSignature("expected '(' after 'returns', found \(cursor.found)", position: cursor.index)
            }
            outputs = try parameterList(&cursor, depth: 0)
        } else if cursor.peek == "(" {
            outputs = try parameterList(&cursor, depth: 0)
        }
        cursor.skipModifiers()
        guard cursor.atEnd else {
            throw .invalidSignature("unexpected \(cursor.found) after the signature", position: cursor.index)
        }
        return ABIFunction(name: name, inputs: inputs, outputs: outputs)
    }

    /// Parses a single type such as `uint256`, `(address,uint256)[]` or `bytes32[2]`.
    public static func parseType(_ text: String) throws(ABIError) -> ABIType {
        var cursor = SignatureCursor(text)
        let type = try parseType(&cursor, depth: 0)
        cursor.skipSpace()
        guard cursor.atEnd else {
            throw .invalidSignature("unexpected \(cursor.found) after the type", position: cursor.index)
        }
        return type
    }

    // MARK: Grammar

    /// `( [param {, param}] )`, the cursor on the `(`.
    static func parameterList(_ cursor: inout SignatureCursor, depth: Int) throws(ABIError) -> [ABIParameter] {
        try markedParameterList(&cursor, depth: depth).map(\.parameter)
    }

    /// Like `parameterList`, also saying which parameters carried the word `indexed`.
    static func markedParameterList(_ cursor: inout SignatureCursor, depth: Int) throws(ABIError) -> [(parameter: ABIParameter, indexed: Bool)] {
        let open = cursor.index
        cursor.index += 1
        cursor.skipSpace()
        var parameters: [(parameter: ABIParameter, indexed: Bool)] = []
        if cursor.peek == ")" { cursor.index += 1; return parameters }
        while true {
            parameters.append(try parameter(&cursor, depth: depth))
            cursor.skipSpace()
            guard let next = cursor.peek else {
                throw .invalidSignature("unbalanced parentheses: '(' at position \(open) is never closed", position: cursor.index)
            }
            cursor.index += 1
            if next == ")" { return parameters }
            guard next == "," else {
                throw .invalidSignature("expected ',' or ')' but found '\(next)'", position: cursor.index - 1)
            }
        }
    }

    /// A type, then optional data-location words and an optional name.
    private static func parameter(_ cursor: inout SignatureCursor, depth: Int) throws(ABIError) -> (parameter: ABIParameter, indexed: Bool) {
        let type = try parseType(&cursor, depth: depth)
        var name: String? = nil
        var indexed = false
        while true {
            cursor.skipSpace()
            let start = cursor.index
            guard let word = cursor.readIdentifier() else { break }
            if word == "indexed" { indexed = true; continue }
            if ["memory", "calldata", "storage"].contains(word) || (word == "payable" && type == .address) {
                continue
            }
            guard name == nil else { throw .invalidSignature("unexpected '\(word)' after parameter name '\(name!)'", position: start) }
            guard !(word.first!.isNumber) else { throw .invalidSignature("invalid parameter name '\(word)'", position: start) }
            name = word
        }
        return (ABIParameter(name: name, type: type), indexed)
    }

    /// An atomic type or a tuple, followed by any number of `[k]` / `[]` suffixes.
    static func parseType(_ cursor: inout SignatureCursor, depth: Int) throws(ABIError) -> ABIType {
        cursor.skipSpace()
        let start = cursor.index
        guard depth < maxNestingDepth else { throw .invalidSignature("types nest more than \(maxNestingDepth) levels deep", position: start) }
        var type: ABIType
        if cursor.peek == "(" {
            type = try tupleType(&cursor, depth: depth, start: start)
        } else if let word = cursor.readIdentifier() {
            if word == "tuple" && cursor.peek == "(" {
                type = try tupleType(&cursor, depth: depth, start: start)
            } else {
                type = try atomicType(word, position: start)
            }
        } else {
            let what = cursor.atEnd ? "the end" : cursor.found
            throw .invalidSignature("expected a type but found \(what)", position: start)
        }
        var arrayDepth = depth
        while true {
            let beforeSpace = cursor.index
            cursor.skipSpace()
            guard cursor.peek == "[" else { cursor.index = beforeSpace; break }
            let open = cursor.index
            cursor.index += 1
            cursor.skipSpace()
            arrayDepth += 1
            guard arrayDepth < maxNestingDepth else { throw .invalidSignature("types nest more than \(maxNestingDepth) levels deep", position: open) }
            var digits = ""
            while let c = cursor.peek, c.properties.numericType != nil, c.isASCII { digits.unicodeScalars.append(c); cursor.index += 1 }
            cursor.skipSpace()
            guard cursor.peek == "]" else {
                throw .invalidSignature(cursor.atEnd ? "unbalanced brackets: '[' at position \(open) is never closed" : "expected digits or ']' in array size, found \(cursor.found)", position: cursor.index)
            }
            cursor.index += 1
            if digits.isEmpty { type = .array(type); continue }
            guard digits.first != "0", digits.count <= 9, let count = Int(digits) else {
                throw .invalidSignature("invalid array size '\(digits)' (must be 1 or more, without leading zeros)", position: open + 1)
            }
            type = .fixedArray(type, count: count)
            if !type.isDynamic && type.headSize > maxStaticSize {
                throw .invalidSignature("type '\(type.canonicalName)' is larger than \(maxStaticSize) bytes", position: start)
            }
        }
        return type
    }

    private static func tupleType(_ cursor: inout SignatureCursor, depth: Int, start: Int) throws(ABIError) -> ABIType {
        let components = try parameterList(&cursor, depth: depth + 1).map(\.type)
        guard !components.isEmpty else { throw .invalidSignature("empty tuple type '()'", position: start) }
        let type = ABIType.tuple(components)
        if !type.isDynamic && type.headSize > maxStaticSize {
            throw .invalidSignature("type '\(type.canonicalName)' is larger than \(maxStaticSize) bytes", position: start)
        }
        return type
    }

    /// `uint<M>`, `int<M>`, `bytes<M>`, `address`, `bool`, `bytes`, `string`, and the aliases.
    private static func atomicType(_ word: String, position: Int) throws(ABIError) -> ABIType {
        switch word {
        case "address": return .address
        case "bool": return .bool
        case "string": return .string
        case "bytes": return .bytes
        case "byte": return .fixedBytes(1)
        case "uint": return .uint(bits: 256)
        case "int": return .int(bits: 256)
        default: break
        }
        func size(after prefix: String) -> Int? {
            guard word.hasPrefix(prefix) else { return nil }
            let digits = word.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 3, digits.first != "0", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
        if let bits = size(after: "uint"), bits % 8 == 0, bits <= 256 { return .uint(bits: bits) }
        if let bits = size(after: "int"), bits % 8 == 0, bits <= 256 { return .int(bits: bits) }
        if let count = size(after: "bytes"), count <= 32 { return .fixedBytes(count) }
        if word == "function" || word.hasPrefix("fixed") || word.hasPrefix("ufixed") {
            throw .unsupportedType(word, position: position)
        }
        throw .invalidSignature("unknown type \(ABIError.quote(word))", position: position)
    }
}
