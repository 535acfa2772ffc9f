/// Reads command-line argument text as ABI values, the way `cast` does.
///
/// - Integers: decimal or `0x` hex; a unit suffix such as `1ether` or `30gwei` is scaled to
///   wei; `intM` takes a leading `-`. The value must fit the type.
/// - `address`: `0x` and 40 hex digits, EIP-55 checked when mixed case. `bool`: `true`/`false`.
/// - `bytesM`: `0x` hex of exactly M bytes; `bytes`: any `0x` hex.
/// - `string`: the argument as-is; inside an array or tuple either bare text (trimmed, no
///   commas or brackets) or a JSON string literal such as `"b,c"`.
/// - Arrays `[1,2,3]`, tuples `(0xabc…,5)`, nested freely; spaces around elements are ignored.
///
/// Errors name the 1-based argument number, its type and, inside arrays and tuples, the element.
public enum ABIArgumentParser {
    /// Reads one argument per type.
    public static func parse(_ arguments: [String], as types: [ABIType]) throws(ABIError) -> [ABIValue] {
        guard arguments.count == types.count else { throw .argumentCount(expected: types.count, got: arguments.count) }
        var values: [ABIValue] = []
        for (index, (text, type)) in zip(arguments, types).enumerated() {
            values.append(try parse(text, as: type, index: index + 1))
        }
        return values
    }

    /// Reads one argument; `index` (1-based) is used in error messages.
    public static func parse(_ text: String, as type: ABIType, index: Int = 1) throws(ABIError) -> ABIValue {
        do {
            return try value(Array(text.unicodeScalars)[...], type: type, nested: false, path: "")
        } catch {
            throw .invalidArgument(index: index, type: type.canonicalName, reason: error.reason)
        }
    }

    // MARK: Values

    private struct Problem: Error {
        let reason: String
        init(_ reason: String, path: String) {
            self.reason = path.isEmpty ? reason : "element \(path): \(reason)"
        }
    }

    private typealias Text = ArraySlice<Unicode.Scalar>

    private static func value(_ raw: Text, type: ABIType, nested: Bool, path: String) throws(Problem) -> ABIValue {
        let text = trimmed(raw)
        let string = makeString(text)
        func problem(_ reason: String) -> Problem { Problem(reason, path: path) }
        func quoted() -> String { ABIError.quote(string) }
        switch type {
        case .uint(let bits):
            if text.first == "-" { throw problem("\(quoted()) is negative, but uint\(bits) is unsigned") }
            let v = try unsigned(string, path: path)
            guard v.bitWidth <= bits else { throw problem("\(quoted()) does not fit in uint\(bits)") }
            return .uint(v)
        case .int(let bits):
            let negative = text.first == "-"
            let magnitude = try unsigned(negative ? makeString(text.dropFirst()) : string, path: path)
            guard let v = I256(magnitude: magnitude, negative: negative), v.fits(bitWidth: bits) else {
                throw problem("\(quoted()) does not fit in int\(bits)")
            }
            return .int(v)
        case .address:
            do { return .address(try Address(parsing: string)) } catch { throw problem(error.description) }
        case .bool:
            switch string {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw problem("\(quoted()) is not a bool (expected true or false)")
            }
        case .fixedBytes(let count):
            let bytes = try hexBytes(string, path: path)
            guard bytes.count == count else { throw problem("bytes\(count) needs exactly \(count) bytes, got \(bytes.count)") }
            return .fixedBytes(bytes)
        case .bytes:
            return .bytes(try hexBytes(string, path: path))
        case .string:
            guard nested else { return .string(makeString(raw)) }
            guard text.first == "\"" else { return .string(string) }
            guard case .string(let s)? = try? JSONParser.parse(string) else {
                throw problem("\(quoted()) is not a valid quoted string")
            }
            return .string(s)
        case .fixedArray(let element, let count):
            let items = try elements(text, open: "[", close: "]", path: path)
            guard items.count == count else { throw problem("\(type.canonicalName) needs \(count) elements, got \(items.count)") }
            return .array(try items.enumerated().map { (i, item) throws(Problem) in
                try value(item, type: element, nested: true, path: path + "[\(i)]")
            })
        case .array(let element):
            let items = try elements(text, open: "[", close: "]", path: path)
            return .array(try items.enumerated().map { (i, item) throws(Problem) in
                try value(item, type: element, nested: true, path: path + "[\(i)]")
            })
        case .tuple(let components):
            let items = try elements(text, open: "(", close: ")", path: path)
            guard items.count == components.count else {
                throw problem("\(type.canonicalName) needs \(components.count) components, got \(items.count)")
            }
            return .tuple(try zip(items, components).enumerated().map { (i, pair) throws(Problem) in
                try value(pair.0, type: pair.1, nested: true, path: path + ".\(i)")
            })
        }
    }

    /// Decimal, `0x` hex, or a decimal amount with an ether unit (`1.5ether` → wei).
    private static func unsigned(_ text: String, path: String) throws(Problem) -> U256 {
        guard let first = text.unicodeScalars.first else { throw Problem("empty value where a number was expected", path: path) }
        do throws(NumberError) {
            if text.hasPrefix("0x") || text.hasPrefix("0X") { return try U256(hexQuantity: text) }
            if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.numericType != nil }) { return try U256(decimal: text) }
            guard first.isASCII && first.properties.numericType != nil else {
                throw NumberError.invalidDecimal(text)
            }
            return try Amount.parse(text)
        } catch {
            throw Problem(error.description, path: path)
        }
    }

    private static func hexBytes(_ text: String, path: String) throws(Problem) -> [UInt8] {
        do { return try Hex.decode(text, prefix: .required) } catch {
            throw Problem("\(ABIError.quote(text)) is not 0x-prefixed hex: \(error.description)", path: path)
        }
    }

    // MARK: Splitting

    /// The comma-separated elements between `open` and `close`, splitting only at top level
    /// (outside nested brackets, parentheses and quoted strings).
    private static func elements(_ text: Text, open: Unicode.Scalar, close: Unicode.Scalar, path: String) throws(Problem) -> [Text] {
        guard text.first == open, text.last == close, text.count >= 2 else {
            throw Problem("\(ABIError.quote(makeString(text))) must be written as \(open)…\(close)", path: path)
        }
        let inner = text.dropFirst().dropLast()
        if trimmed(inner).isEmpty { return [] }
        var items: [Text] = []
        var stack: [Unicode.Scalar] = []
        var inQuote = false, escaped = false
        var start = inner.startIndex
        for i in inner.indices {
            let c = inner[i]
            if inQuote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inQuote = false }
                continue
            }
            switch c {
            case "\"": inQuote = true
            case "[", "(": stack.append(c)
            case "]", ")":
                guard let opener = stack.last, (opener == "[") == (c == "]") else { throw Problem("unbalanced '\(c)' in \(ABIError.quote(makeString(text)))", path: path) }
                stack.removeLast()
            case "," where stack.isEmpty:
                items.append(inner[start..<i])
                start = inner.index(after: i)
            default: break
            }
        }
        if inQuote { throw Problem("unterminated quoted string in \(ABIError.quote(makeString(text)))", path: path) }
        if let opener = stack.last { throw Problem("unclosed '\(opener)' in \(ABIError.quote(makeString(text)))", path: path) }
        items.append(inner[start...])
        return items
    }

    private static func trimmed(_ text: Text) -> Text {
        var slice = text
        while let c = slice.first, c.properties.isWhitespace { slice = slice.dropFirst() }
        while let c = slice.last, c.properties.isWhitespace { slice = slice.dropLast() }
        return slice
    }

    private static func makeString(_ text: Text) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: text)
        return s
    }
}
