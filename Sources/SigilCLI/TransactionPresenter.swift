import SigilCore

/// What `tx decode` shows of a signed transaction: every field, value in ether, fees in gwei,
/// the sender recovered, the hash, whether the signature is canonical, and the decoded call when
/// the selector is known. The same data as human lines and as a stable JSON object.
public struct TransactionPresenter {
    public let transaction: SignedTransaction
    public init(_ transaction: SignedTransaction) { self.transaction = transaction }

    /// Ordered fields: (label, human text, JSON value). Labels double as JSON keys.
    public func fields() -> [(String, String, JSONValue)] {
        let tx = transaction
        let payload = tx.payload
        var out: [(String, String, JSONValue)] = []
        func add(_ key: String, _ text: String, _ json: JSONValue) { out.append((key, text, json)) }
        func quantity(_ key: String, _ value: U256, unit: EtherUnit) {
            add(key, "\(Amount.format(value, as: unit)) \(unit.rawValue)", .string(value.decimalString))
        }

        add("type", "\(payload.type.rawValue) (\(Self.typeName(payload.type)))", .integer(Int(payload.type.rawValue)))
        add("hash", tx.hash.hexString, .string(tx.hash.hexString))
        // A high-s signature still recovers a sender (Frontier accepted them); it is shown with
        // canonicalSignature false rather than hidden, since that is what the signature means.
        switch Result(catching: { try tx.recoverSender(acceptingHighS: true) }) {
        case .success(let sender):
            let note = tx.isCanonicalSignature ? "" : " (from a high-s signature, not valid on Ethereum today)"
            add("from", sender.checksummed + note, .string(sender.checksummed))
        case .failure(let error): add("from", "unrecoverable: \(error)", .null)
        }
        add("chainId", payload.chainId.map(\.decimalString) ?? "none (pre-EIP-155: valid on every chain)",
            payload.chainId.map { .string($0.decimalString) } ?? .null)
        add("nonce", String(payload.nonce), .string(String(payload.nonce)))
        add("to", payload.to?.checksummed ?? "contract creation", payload.to.map { .string($0.checksummed) } ?? .null)
        add("value", "\(Amount.format(payload.value, as: .ether)) ether", .string(payload.value.decimalString))
        add("gasLimit", String(payload.gasLimit), .string(String(payload.gasLimit)))
        if let legacy = payload as? LegacyTransaction { quantity("gasPrice", legacy.gasPrice, unit: .gwei) }
        if let typed = payload as? AccessListTransaction { quantity("gasPrice", typed.gasPrice, unit: .gwei) }
        if let market = payload as? any FeeMarketTransaction {
            quantity("maxFeePerGas", market.fees.maxFeePerGas, unit: .gwei)
            quantity("maxPriorityFeePerGas", market.fees.maxPriorityFeePerGas, unit: .gwei)
        }
        if let t = payload as? BlobTransaction {
            quantity("maxFeePerBlobGas", t.maxFeePerBlobGas, unit: .gwei)
            add("blobVersionedHashes", t.blobVersionedHashes.map(\.hexString).joined(separator: ", "),
                .array(t.blobVersionedHashes.map { .string($0.hexString) }))
        }
        if let t = payload as? SetCodeTransaction {
            add("authorizationList", t.authorizationList.map(Self.authorizationText).joined(separator: "; "),
                .array(t.authorizationList.map(Self.authorizationJSON)))
        }
        if let list = Self.accessList(of: payload), !list.isEmpty {
            add("accessList", list.entries.map { "\($0.address.checksummed) (\($0.storageKeys.count) keys)" }.joined(separator: ", "),
                .array(list.entries.map { .object([("address", .string($0.address.checksummed)),
                                                   ("storageKeys", .array($0.storageKeys.map { .string($0.hexString) }))]) }))
        }
        add("data", payload.data.isEmpty ? "none" : "\(payload.data.count) bytes \(Self.abbreviated(payload.data))",
            .string(payload.data.hexString))
        if let call = CalldataDecoder.describe(payload.data) {
            let arguments = call.arguments.map { "\($0.name)=\($0.display)" }.joined(separator: ", ")
            let standard = call.standard.map { "\($0) " } ?? ""
            add("call", "\(standard)\(call.name)(\(arguments))", .object([
                ("function", .string(call.signature)),
                ("arguments", .object(call.arguments.map { ($0.name, .string($0.display)) })),
            ]))
        }
        if let sidecar = tx.blobSidecar {
            add("blobs", "\(sidecar.blobCount) blobs in the network form", .integer(sidecar.blobCount))
        }
        add("v", tx.v.decimalString, .string(tx.v.decimalString))
        add("r", tx.signature.r.hexString, .string(tx.signature.r.hexString))
        add("s", tx.signature.s.hexString, .string(tx.signature.s.hexString))
        add("canonicalSignature", tx.isCanonicalSignature ? "yes (low s)" : "NO: high s, rejected by Ethereum since Homestead",
            .bool(tx.isCanonicalSignature))
        return out
    }

    public var json: JSONValue { .object(fields().map { ($0.0, $0.2) }) }
    public var lines: [(String, String)] { fields().map { ($0.0, $0.1) } }

    static func accessList(of payload: any TransactionPayload) -> AccessList? {
        (payload as? any AccessListCarrying)?.accessList
    }

    static func authorizationText(_ auth: SignedAuthorization) -> String {
        let authority: String
        switch Result(catching: { try auth.recoverAuthority() }) {
        case .success(let address): authority = address.checksummed
        case .failure(let error): authority = "nobody (invalid signature: \(error))"
        }
        return "chain \(auth.authorization.chainId.decimalString) delegate \(auth.authorization.address.checksummed) "
            + "nonce \(auth.authorization.nonce) by \(authority) "
            + "(yParity \(auth.yParity), r \(auth.r.bigEndianBytes.hexString), s \(auth.s.bigEndianBytes.hexString))"
    }

    /// One tuple as carried (yParity, r and s are raw: checked only by recovery) and the
    /// authority it recovers to, null when it does not recover.
    static func authorizationJSON(_ auth: SignedAuthorization) -> JSONValue {
        .object([
            ("chainId", .string(auth.authorization.chainId.decimalString)),
            ("address", .string(auth.authorization.address.checksummed)),
            ("nonce", .string(String(auth.authorization.nonce))),
            ("yParity", .integer(Int(auth.yParity))),
            ("r", .string(auth.r.bigEndianBytes.hexString)),
            ("s", .string(auth.s.bigEndianBytes.hexString)),
            ("authority", (try? auth.recoverAuthority()).map { .string($0.checksummed) } ?? .null),
        ])
    }

    public static func typeName(_ type: TransactionType) -> String {
        switch type {
        case .legacy: "legacy"
        case .accessList: "EIP-2930 access list"
        case .dynamicFee: "EIP-1559 dynamic fee"
        case .blob: "EIP-4844 blob"
        case .setCode: "EIP-7702 set code"
        }
    }

    static func abbreviated(_ data: [UInt8]) -> String {
        data.count <= 36 ? data.hexString : Array(data.prefix(36)).hexString + "…"
    }
}
