/// Why a call reverted, read from its revert data.
///
/// Recognized, in this order: no data; Solidity's `Error(string)` (0x08c379a0, from
/// `require(cond, "text")` and `revert("text")`); `Panic(uint256)` (0x4e487b71, from the
/// compiler's checks; see `PanicCode`); a custom error among `errorSignatures`, then among
/// `KnownErrors`; otherwise the selector and raw data are kept. Revert data comes from a
/// contract, so every text a `RevertReason` shows is escaped with `DisplayText`.
public struct RevertReason: Sendable, Hashable, CustomStringConvertible {
    /// What the data was found to be.
    public enum Kind: Sendable, Hashable {
        /// No revert data at all (`revert()`, `require(cond)`, out of gas, an invalid opcode…).
        case empty
        /// `Error(string)` with its (unescaped) text.
        case message(String)
        /// `Panic(uint256)` with its code.
        case panic(code: U256)
        /// A custom error whose signature was given or known, with its decoded arguments.
        case customError(ABIErrorSignature, arguments: [ABIValue])
        /// Data whose selector (the first 4 bytes, or fewer if the data is shorter) matches
        /// nothing given or known.
        case unknown(selector: [UInt8])
        /// The selector is `Error(string)`'s, `Panic(uint256)`'s or a given/known error's,
        /// but the arguments do not decode.
        case malformed(signature: String, reason: String)
    }

    /// The selector of `Error(string)`.
    public static let errorSelector: [UInt8] = [0x08, 0xc3, 0x79, 0xa0]
    /// The selector of `Panic(uint256)`.
    public static let panicSelector: [UInt8] = [0x4e, 0x48, 0x7b, 0x71]

    /// The raw revert data.
    public let data: [UInt8]
    /// What the data is.
    public let kind: Kind

    /// Decodes `data`, trying `errorSignatures` (then the built-in `KnownErrors`) for custom errors.
    public init(data: [UInt8], errorSignatures: [ABIErrorSignature] = []) {
        self.data = data
        kind = Self.classify(data, errorSignatures: errorSignatures)
    }

    private static func classify(_ data: [UInt8], errorSignatures: [ABIErrorSignature]) -> Kind {
        if data.isEmpty { return .empty }
        guard data.count >= 4 else { return .unknown(selector: data) }
        let selector = Array(data.prefix(4))
        let arguments = Array(data[4...])
        if selector == errorSelector {
            do {
                guard case .string(let text) = try ABIDecoder.decode(arguments, as: [.string], offsetBase: 4)[0] else { fatalError("string decodes to a string") }
                return .message(text)
            } catch {
                return .malformed(signature: "Error(string)", reason: error.description)
            }
        }
        if selector == panicSelector {
            do {
                guard case .uint(let code) = try ABIDecoder.decode(arguments, as: [.uint(bits: 256)], offsetBase: 4)[0] else { fatalError("uint256 decodes to a uint") }
                return .panic(code: code)
            } catch {
                return .malformed(signature: "Panic(uint256)", reason: error.description)
            }
        }
        var firstFailure: (ABIErrorSignature, ABIError)? = nil
        for candidate in errorSignatures + KnownErrors.lookup(selector) where candidate.selector == selector {
            do {
                return .customError(candidate, arguments: try candidate.decode(data))
            } catch {
                if firstFailure == nil { firstFailure = (candidate, error) }
            }
        }
        if let (candidate, error) = firstFailure {
            return .malformed(signature: candidate.signature, reason: error.description)
        }
        return .unknown(selector: selector)
    }

    /// The reason alone, one line, escaped: the `Error(string)` text, `panic 0x11: arithmetic
    /// overflow or underflow`, `InsufficientBalance(available: 1, required: 2)`,
    /// `custom error 0x12345678 with data 0x…`, or `reverted without a reason`.
    public var description: String {
        switch kind {
        case .empty:
            return "reverted without a reason"
        case .message(let text):
            return text.isEmpty ? "(an empty reason string)" : DisplayText.escaped(text, limit: 500)
        case .panic(let code):
            return "panic \(code.hexQuantity): " + (PanicCode.meaning(code) ?? "unknown panic code")
        case .customError(let error, let arguments):
            let shown = zip(error.inputs, arguments).enumerated().map { index, pair in
                "\(pair.0.name ?? "arg\(index)"): \(pair.1.displayString)"
            }
            return DisplayText.escaped(error.name + "(" + shown.joined(separator: ", ") + ")", limit: 1_000)
        case .unknown(let selector):
            if data.count < 4 { return "revert data \(Hex.encode(data)) (too short for a 4-byte error selector)" }
            let rest = data.count > 4 ? " with data " + Self.shortHex(data[4...]) : ""
            return "custom error \(Hex.encode(selector))" + rest
        case .malformed(let signature, let reason):
            return "malformed \(signature) revert data: \(reason)"
        }
    }

    /// A sentence for an error message: `reverted: <description>`, or `reverted without a reason`.
    public var summary: String {
        if case .empty = kind { return description }
        return "reverted: " + description
    }

    /// `0x` hex of at most 256 bytes, then how many more there are.
    private static func shortHex(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.count <= 256 ? Hex.encode(bytes) : Hex.encode(bytes.prefix(256)) + "… (\(bytes.count) bytes)"
    }

    /// `{"kind", "message", "data", …}`: `kind` is `empty`, `error` (with `reason`), `panic`
    /// (with `code` as a 0x quantity and `meaning`, null when the code is not documented),
    /// `custom` (with `name`, `signature`, `selector` and `arguments`: `[{name, type, value}]`),
    /// `unknown` (with `selector`) or `malformed` (with `signature`). Texts are escaped.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = []
        switch kind {
        case .empty:
            members.append(("kind", .string("empty")))
        case .message(let text):
            members += [("kind", .string("error")), ("reason", .string(DisplayText.escaped(text, limit: nil)))]
        case .panic(let code):
            members += [("kind", .string("panic")), ("code", .string(code.hexQuantity)),
                        ("meaning", PanicCode.meaning(code).map(JSONValue.string) ?? .null)]
        case .customError(let error, let arguments):
            let rows = zip(error.inputs, arguments).enumerated().map { index, pair -> JSONValue in
                .object([("name", .string(pair.0.name ?? "arg\(index)")), ("type", .string(pair.0.type.canonicalName)),
                         ("value", .string(DisplayText.escaped(pair.1.displayString, limit: nil)))])
            }
            members += [("kind", .string("custom")), ("name", .string(error.name)), ("signature", .string(error.signature)),
                        ("selector", .string(Hex.encode(error.selector))), ("arguments", .array(rows))]
        case .unknown(let selector):
            members += [("kind", .string("unknown")), ("selector", .string(Hex.encode(selector)))]
        case .malformed(let signature, _):
            members += [("kind", .string("malformed")), ("signature", .string(signature))]
        }
        members += [("message", .string(description)), ("data", .string(Hex.encode(data)))]
        return .object(members)
    }
}
