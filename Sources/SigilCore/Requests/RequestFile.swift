/// The unsigned request in JSON: Sigil's own file (`"format": "sigil.unsigned-tx/1"`, the
/// hand-off from `sigil tx build` to the offline signer), a JSON-RPC transaction object (the
/// params of `eth_signTransaction` / `eth_sendTransaction`), or an eth-account / web3.py
/// transaction dict written with `json.dumps`. One reader takes all three; `RequestReader`
/// adds the two binary shapes (cast's `--raw-unsigned` hex and unsigned typed-transaction RLP).
///
/// Reading is strict where it protects the signer and lenient where the three shapes differ:
/// - at most `maximumSize` bytes; JSON by SigilCore's `JSONParser` (duplicate keys and
///   trailing bytes refused); the top level is an object;
/// - `format` is optional; when present it must be exactly `sigil.unsigned-tx/1`;
/// - unknown fields are refused (all of them named), so the file cannot carry a "summary" the
///   signer might be tempted to show; fields that the type does not use are refused;
/// - `type` is optional: without it, the type is inferred from the fee fields as eth-account
///   does (`authorizationList` → 4, `maxFeePerBlobGas` or `blobVersionedHashes` → 3,
///   `maxFeePerGas` or `maxPriorityFeePerGas` → 2, `gasPrice` with `accessList` → 1,
///   `gasPrice` alone → 0);
/// - required: `chainId` (typed transactions; legacy may omit it or give `null`), `nonce`,
///   `gas` (or its alias `gasLimit`; both only if equal), the fee fields of the type
///   (`gasPrice` for 0 and 1, `maxFeePerGas` and `maxPriorityFeePerGas` for 2–4),
///   `maxFeePerBlobGas` and `blobVersionedHashes` for 3, `authorizationList` for 4;
/// - defaults: `to` absent or `null` creates a contract (types 0–2), `value` 0, `data` (alias
///   `input`; both only if equal) empty, `accessList` empty, `from` unstated;
/// - quantities (including `type`) are `0x` + hex digits without leading zeros (`0x0` for
///   zero; as geth's hexutil), decimal digit strings without leading zeros, or JSON integers,
///   read exactly from their digits at any size (never through a floating-point number). A
///   JSON number with a fraction, an exponent or a minus sign is refused, naming the field;
/// - byte strings are `0x` + an even number of hex digits; addresses are checked with EIP-55
///   (all-lower and all-upper case are taken as unchecksummed);
/// - an `authorizationList` item is `{chainId, address, nonce, yParity, r, s}`, optionally
///   with the `rlp` that `sigil sign authorization` prints, which must encode those fields.
public enum RequestFile {
    /// The value of the `format` field.
    public static let format = "sigil.unsigned-tx/1"
    /// The largest file read: 1 MiB.
    public static let maximumSize = 1 << 20

    /// Reads a JSON request in any of its three shapes; see the type's documentation for the
    /// rules. The result passed `checkShape()`; call `payload(_:)` for the remaining checks
    /// before signing.
    public static func parse(_ bytes: [UInt8]) throws(RequestError) -> TransactionRequest {
        guard bytes.count <= maximumSize else {
            throw .request("request file is \(bytes.count) bytes; the limit is \(maximumSize) (1 MiB)")
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .request("request file is not valid JSON: \(error)")
        }
        guard case .object(let members) = json else {
            throw .request("request file must be a JSON object, found \(json.kindName)")
        }
        var reader = RequestFieldReader(members, path: nil)
        if let formatValue = reader.value("format") {
            guard case .string(let formatText) = formatValue else {
                throw .field("format", "must be the string \"\(format)\", found \(formatValue.kindName)")
            }
            guard formatText == format else {
                throw RequestError(field: "format", category: .unsupported,
                                   message: "unsupported request format \(RequestError.quote(formatText)) (expected \(format))")
            }
        }
        try reader.refuseUnknown(allowed: Self.allFields)
        let type = try readType(&reader)
        let allowed = fields(for: type)
        for name in allFields where !allowed.contains(name) && reader.value(name) != nil {
            throw .field(name, "is not allowed in a \(RequestError.typeName(type)) transaction")
        }
        var required = ["nonce"] + feeFields(for: type)
        if type != .legacy { required.append("chainId") }
        if reader.value("gasLimit") == nil { required.append("gas") }
        try reader.requirePresent(required)

        var request = TransactionRequest(type: type, chainId: nil, nonce: 0, to: nil, value: .zero, gas: 0)
        request.chainId = try reader.optionalQuantity("chainId")
        request.nonce = try reader.uint64("nonce")
        request.from = try reader.optionalAddress("from")
        request.to = try reader.optionalAddress("to")
        request.value = try reader.optionalQuantity("value") ?? .zero
        request.data = try reader.alias("data", "input") { (value, field) throws(RequestError) in
            try RequestFieldReader.bytes(value, field: field, count: nil)
        } ?? []
        request.gas = try reader.alias("gas", "gasLimit") { (value, field) throws(RequestError) in
            try RequestFieldReader.uint64(value, field: field)
        } ?? 0
        if allowed.contains("gasPrice") { request.gasPrice = try reader.quantity("gasPrice") }
        if allowed.contains("maxFeePerGas") {
            request.maxFeePerGas = try reader.quantity("maxFeePerGas")
            request.maxPriorityFeePerGas = try reader.quantity("maxPriorityFeePerGas")
        }
        if allowed.contains("accessList"), reader.value("accessList") != nil {
            request.accessList = try reader.accessList("accessList")
        }
        if type == .blob {
            request.maxFeePerBlobGas = try reader.quantity("maxFeePerBlobGas")
            request.blobVersionedHashes = try reader.array("blobVersionedHashes").enumerated().map {
                (index, item) throws(RequestError) in
                try RequestFieldReader.bytes(item, field: "blobVersionedHashes[\(index)]", count: 32)
            }
        }
        if type == .setCode {
            request.authorizationList = try reader.array("authorizationList").enumerated().map {
                (index, item) throws(RequestError) in
                try RequestFieldReader.authorization(item, field: "authorizationList[\(index)]")
            }
        }
        try request.checkShape()
        return request
    }

    /// Reads a request file given as text.
    public static func parse(_ text: String) throws(RequestError) -> TransactionRequest {
        try parse(Array(text.utf8))
    }

    /// The file for `request`: pretty JSON (two-space indent) ending in a newline, keys in a
    /// fixed order, every field of the type written out (`null` for an absent `from`, `to` or
    /// legacy `chainId`), quantities as minimal `0x` hex, addresses checksummed. For a request
    /// that passes `checkShape()`, `parse(serialize(r)) == r`.
    public static func serialize(_ request: TransactionRequest) -> String {
        json(request).serialized(pretty: true) + "\n"
    }

    /// The JSON value `serialize` writes.
    public static func json(_ request: TransactionRequest) -> JSONValue {
        let allowed = fields(for: request.type)
        var members: [(String, JSONValue)] = [
            ("format", .string(format)),
            ("type", .string(U256(UInt64(request.type.rawValue)).hexQuantity)),
            ("chainId", request.chainId.map { .string($0.hexQuantity) } ?? .null),
            ("nonce", .string(U256(request.nonce).hexQuantity)),
            ("from", request.from.map { .string($0.checksummed) } ?? .null),
            ("to", request.to.map { .string($0.checksummed) } ?? .null),
            ("value", .string(request.value.hexQuantity)),
            ("data", .string(Hex.encode(request.data))),
            ("gas", .string(U256(request.gas).hexQuantity)),
        ]
        func quantity(_ name: String, _ value: U256?) {
            if let value { members.append((name, .string(value.hexQuantity))) }
            else if allowed.contains(name) { members.append((name, .null)) }
        }
        quantity("gasPrice", request.gasPrice)
        quantity("maxPriorityFeePerGas", request.maxPriorityFeePerGas)
        quantity("maxFeePerGas", request.maxFeePerGas)
        quantity("maxFeePerBlobGas", request.maxFeePerBlobGas)
        if allowed.contains("accessList") || !request.accessList.isEmpty {
            members.append(("accessList", .array(request.accessList.entries.map { entry in
                .object([("address", .string(entry.address.checksummed)),
                         ("storageKeys", .array(entry.storageKeys.map { .string(Hex.encode($0)) }))])
            })))
        }
        if allowed.contains("blobVersionedHashes") || !request.blobVersionedHashes.isEmpty {
            members.append(("blobVersionedHashes", .array(request.blobVersionedHashes.map { .string(Hex.encode($0)) })))
        }
        if allowed.contains("authorizationList") || !request.authorizationList.isEmpty {
            members.append(("authorizationList", .array(request.authorizationList.map { item in
                .object([("chainId", .string(item.authorization.chainId.hexQuantity)),
                         ("address", .string(item.authorization.address.checksummed)),
                         ("nonce", .string(U256(item.authorization.nonce).hexQuantity)),
                         ("yParity", .string(U256(UInt64(item.yParity)).hexQuantity)),
                         ("r", .string(item.r.hexQuantity)),
                         ("s", .string(item.s.hexQuantity))])
            })))
        }
        return .object(members)
    }

    /// Every field a request file may have.
    static let allFields = ["format", "type", "chainId", "nonce", "from", "to", "value", "data", "input", "gas",
                            "gasLimit", "gasPrice", "maxFeePerGas", "maxPriorityFeePerGas", "accessList",
                            "maxFeePerBlobGas", "blobVersionedHashes", "authorizationList"]

    /// The fields a request of `type` may have.
    static func fields(for type: TransactionType) -> [String] {
        let common = ["format", "type", "chainId", "nonce", "from", "to", "value", "data", "input", "gas", "gasLimit"]
        switch type {
        case .legacy: return common + ["gasPrice"]
        case .accessList: return common + ["gasPrice", "accessList"]
        case .dynamicFee: return common + ["maxFeePerGas", "maxPriorityFeePerGas", "accessList"]
        case .blob: return common + ["maxFeePerGas", "maxPriorityFeePerGas", "accessList",
                                     "maxFeePerBlobGas", "blobVersionedHashes"]
        case .setCode: return common + ["maxFeePerGas", "maxPriorityFeePerGas", "accessList", "authorizationList"]
        }
    }

    /// The fee fields a request of `type` must have.
    static func feeFields(for type: TransactionType) -> [String] {
        switch type {
        case .legacy, .accessList: ["gasPrice"]
        case .dynamicFee: ["maxFeePerGas", "maxPriorityFeePerGas"]
        case .blob: ["maxFeePerGas", "maxPriorityFeePerGas", "maxFeePerBlobGas", "blobVersionedHashes"]
        case .setCode: ["maxFeePerGas", "maxPriorityFeePerGas", "authorizationList"]
        }
    }

    /// `type`: a quantity 0–4 ("0x2", "2" or 2), or, when absent, inferred from the fields
    /// present as eth-account infers it.
    private static func readType(_ reader: inout RequestFieldReader) throws(RequestError) -> TransactionType {
        guard reader.value("type") != nil else {
            let present = reader
            let has = { (name: String) in present.value(name) != nil }
            if has("authorizationList") { return .setCode }
            if has("maxFeePerBlobGas") || has("blobVersionedHashes") { return .blob }
            if has("maxFeePerGas") || has("maxPriorityFeePerGas") { return .dynamicFee }
            if has("gasPrice") { return has("accessList") ? .accessList : .legacy }
            throw .request("missing field 'type', and no fee field to infer it from (give gasPrice, or maxFeePerGas and maxPriorityFeePerGas)")
        }
        let value = try reader.quantity("type")
        guard let small = value.uint64Value, small <= 0xff, let type = TransactionType(rawValue: UInt8(small)) else {
            throw .field("type", "is \(value.hexQuantity): unsupported transaction type (supported: 0x0 to 0x4)",
                         category: .unsupported)
        }
        return type
    }
}
