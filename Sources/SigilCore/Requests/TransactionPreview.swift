/// The signer's own decoding of what it is about to sign, from the request's fields alone.
///
/// Nothing descriptive is taken from the request file (it can hold none: unknown fields are
/// refused). The preview is a list of (label, value) lines, objective warnings, and the same
/// facts as a `JSONValue` for `--json`. Amounts are exact (`Amount.format`); the three ERC-20
/// token calls are decoded here (`ERC20Call`), other calls through `decodeCall` if set.
///
/// Nothing that is signed is left out: call data that is not decoded is shown in full (hex, one
/// 32-byte word a line after the selector) with a warning, every access-list entry with its
/// storage keys and every blob versioned hash are listed, and init code is named by its size
/// and keccak256. A value may span lines (`text` indents the continuation lines).
public struct TransactionPreview: Sendable {
    /// One line of the preview.
    public struct Line: Sendable, Equatable {
        public let label: String
        public let value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// Decodes call data into extra (label, value) lines, or nil when it cannot.
    public typealias CallDecoder = @Sendable ([UInt8]) -> [(String, String)]?

    /// A decoder for calls other than the built-in ERC-20 ones (for example an ABI module).
    /// Set it once at start-up, before any preview is made; it is read without a lock.
    nonisolated(unsafe) public static var decodeCall: CallDecoder?

    /// The lines, in display order.
    public let lines: [Line]
    /// Objective warnings (unknown chain, contract creation, unlimited approval, ...).
    public let warnings: [String]
    /// The same facts as JSON (integers as decimal strings, exact).
    public let json: JSONValue

    /// The preview of `request`; `signer` is the key that will sign (shown as From when the
    /// request does not state it), `callDecoder` handles calls the built-in decoding does not.
    /// `names` are the names the user gave for addresses (ENS names, keystore accounts): the
    /// recipient (and an ERC-20 transfer's recipient) is shown as `name (0x…)`.
    public init(_ request: TransactionRequest, signer: Address? = nil, callDecoder: CallDecoder? = TransactionPreview.decodeCall,
                names: [Address: String] = [:]) {
        var lines: [Line] = []
        var warnings: [String] = []
        var json: [(String, JSONValue)] = []
        func add(_ label: String, _ value: String) { lines.append(Line(label, value)) }
        func gwei(_ wei: U256) -> String { Amount.format(wei, as: .gwei) + " gwei" }
        func ether(_ wei: U256) -> String { Amount.format(wei, as: .ether) + " ether" }

        add("Type", request.type.description)
        json.append(("type", .string(U256(UInt64(request.type.rawValue)).hexQuantity)))
        json.append(("typeName", .string(request.type.description)))

        if let chainId = request.chainId {
            add("Chain", ChainNames.describe(chainId))
            json.append(("chainId", .string(chainId.decimalString)))
            json.append(("chain", ChainNames.name(of: chainId).map { .string($0) } ?? .null))
            if ChainNames.name(of: chainId) == nil {
                warnings.append("chain id \(chainId.decimalString) is not a known chain; make sure it is the chain you mean")
            }
        } else {
            add("Chain", "none (legacy transaction without chain id)")
            json.append(("chainId", .null))
            json.append(("chain", .null))
            warnings.append("legacy transaction without chain id: it can be replayed on every chain")
        }

        if let from = request.from {
            add("From", from.checksummed)
        } else if let signer {
            add("From", "\(signer.checksummed) (the signing key; the request does not state it)")
        } else {
            add("From", "not stated in the request")
        }
        json.append(("from", (request.from ?? signer).map { .string($0.checksummed) } ?? .null))
        func named(_ address: Address) -> String {
            names[address].map { "\(DisplayText.escaped($0)) (\(address.checksummed))" } ?? address.checksummed
        }
        add("To", request.to.map(named) ?? "contract creation")
        json.append(("to", request.to.map { .string($0.checksummed) } ?? .null))
        if let to = request.to, let name = names[to] { json.append(("toName", .string(name))) }
        if request.to == nil {
            warnings.append("contract creation: this transaction deploys code and has no recipient")
        }

        add("Value", ether(request.value))
        json.append(("valueWei", .string(request.value.decimalString)))
        json.append(("valueEther", .string(Amount.format(request.value, as: .ether))))

        let call = Self.describeCall(request, callDecoder: callDecoder, warnings: &warnings)
        add("Call", call.summary)
        lines += call.extra.map { Line($0.0, $0.1) }
        if case .transfer(let recipient, _)? = ERC20Call(data: request.data), let name = names[recipient] {
            add("Recipient", named(recipient))
            json.append(("recipientName", .string(name)))
        }
        json.append(("call", .object(call.json)))

        add("Gas limit", String(request.gas))
        json.append(("gas", .string(String(request.gas))))
        let perGas = request.maxFeePerGas ?? request.gasPrice ?? .zero
        if let gasPrice = request.gasPrice {
            add("Gas price", gwei(gasPrice))
            json.append(("gasPriceWei", .string(gasPrice.decimalString)))
        }
        if let maxFee = request.maxFeePerGas {
            add("Max fee per gas", gwei(maxFee))
            json.append(("maxFeePerGasWei", .string(maxFee.decimalString)))
        }
        if let tip = request.maxPriorityFeePerGas {
            add("Priority fee", gwei(tip))
            json.append(("maxPriorityFeePerGasWei", .string(tip.decimalString)))
        }
        var feeCap = U256(request.gas).multipliedReportingOverflow(by: perGas)
        if request.type == .blob {
            let blobFee = request.maxFeePerBlobGas ?? .zero
            add("Blobs", "\(request.blobVersionedHashes.count), max fee per blob gas \(gwei(blobFee))")
            for (index, hash) in request.blobVersionedHashes.enumerated() {
                add("Blob hash \(index + 1)", hash.hexString)
            }
            json.append(("blobCount", .integer(request.blobVersionedHashes.count)))
            json.append(("blobVersionedHashes", .array(request.blobVersionedHashes.map { .string($0.hexString) })))
            json.append(("maxFeePerBlobGasWei", .string(blobFee.decimalString)))
            // 2^17 blob gas per blob (EIP-4844).
            let blobGas = U256(UInt64(request.blobVersionedHashes.count) << 17)
            let blobCap = blobGas.multipliedReportingOverflow(by: blobFee)
            let sum = feeCap.partialValue.addingReportingOverflow(blobCap.partialValue)
            feeCap = (sum.partialValue, feeCap.overflow || blobCap.overflow || sum.overflow)
        }
        let total = feeCap.partialValue.addingReportingOverflow(request.value)
        if feeCap.overflow {
            add("Fee cap", "more than 2^256-1 wei")
            json.append(("feeCapWei", .null))
        } else {
            let how = request.type == .blob ? "gas × max fee + blob gas × max blob fee" : "gas limit × \(request.gasPrice != nil ? "gas price" : "max fee")"
            add("Fee cap", "\(ether(feeCap.partialValue)) (\(how))")
            json.append(("feeCapWei", .string(feeCap.partialValue.decimalString)))
            json.append(("feeCapEther", .string(Amount.format(feeCap.partialValue, as: .ether))))
        }
        if !feeCap.overflow && !total.overflow {
            add("Max total", "\(ether(total.partialValue)) (value + fee cap)")
            json.append(("maxTotalWei", .string(total.partialValue.decimalString)))
        }

        add("Nonce", String(request.nonce))
        json.append(("nonce", .string(String(request.nonce))))
        if request.type != .legacy {
            let keys = request.accessList.entries.reduce(0) { $0 + $1.storageKeys.count }
            add("Access list", "\(request.accessList.entries.count) address(es), \(keys) storage key(s)")
            json.append(("accessListAddresses", .integer(request.accessList.entries.count)))
            json.append(("accessListStorageKeys", .integer(keys)))
            for (index, entry) in request.accessList.entries.enumerated() {
                let keyLines = entry.storageKeys.map { "storage key " + $0.hexString }
                add("Access \(index + 1)", ([entry.address.checksummed] + keyLines).joined(separator: "\n"))
            }
            json.append(("accessList", .array(request.accessList.entries.map {
                .object([("address", .string($0.address.checksummed)), ("storageKeys", .array($0.storageKeys.map { .string($0.hexString) }))])
            })))
        }
        if request.type == .setCode {
            let authorizations = Self.describeAuthorizations(request.authorizationList, warnings: &warnings)
            lines += authorizations.lines
            json.append(("authorizations", .array(authorizations.json)))
        }
        json.append(("warnings", .array(warnings.map { .string($0) })))
        self.lines = lines
        self.warnings = warnings
        self.json = .object(json)
    }

    /// "Label: value" lines (a value's further lines indented under its first), then
    /// "Warning: ..." lines.
    public var text: String {
        let width = lines.map(\.label.count).max() ?? 0
        let indent = "\n" + String(repeating: " ", count: width + 2)
        var out = lines.map {
            $0.label + ":" + String(repeating: " ", count: width - $0.label.count + 1)
                + $0.value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: indent)
        }
        out += warnings.map { "Warning: " + $0 }
        return out.joined(separator: "\n")
    }

    // MARK: Parts

    private static func describeCall(
        _ request: TransactionRequest, callDecoder: CallDecoder?, warnings: inout [String]
    ) -> (summary: String, extra: [(String, String)], json: [(String, JSONValue)]) {
        let data = request.data
        guard !data.isEmpty else { return ("none", [], [("kind", .string("none"))]) }
        let size = "\(data.count) byte\(data.count == 1 ? "" : "s")"
        guard let to = request.to else {
            let codeHash = Keccak256.hash(data).hexString
            return ("contract creation code, \(size)", [("Code hash", "\(codeHash) (keccak256 of the init code)")],
                    [("kind", .string("creation")), ("dataLength", .integer(data.count)), ("codeHash", .string(codeHash))])
        }
        guard data.count >= 4 else {
            warnings.append(undecodedWarning)
            return ("unknown call, no 4-byte selector, \(size)", [("Data", wrapped(data))],
                    [("kind", .string("unknown")), ("dataLength", .integer(data.count)), ("data", .string(data.hexString))])
        }
        let selector = Hex.encode(data.prefix(4))
        let base: [(String, JSONValue)] = [("selector", .string(selector)), ("dataLength", .integer(data.count)),
                                           ("token", .string(to.checksummed))]
        if let erc20 = ERC20Call(data: data) {
            if case .approve(let spender, let amount) = erc20, amount == .max {
                warnings.append("unlimited ERC-20 approval: \(spender) may move all of this token (\(to)) from the sender")
            }
            return (erc20.summary(token: to), [], erc20.jsonMembers + base)
        }
        if let name = ERC20Call.functionName(data) {
            warnings.append("call data has the ERC-20 \(name) selector but is not a well-formed \(name) call")
            warnings.append(undecodedWarning)
            return ("malformed ERC-20 \(name) call, selector \(selector), \(size)", [("Data", wrapped(data))],
                    [("kind", .string("malformed-erc20")), ("selector", .string(selector)), ("dataLength", .integer(data.count)),
                     ("data", .string(data.hexString))])
        }
        let unknownJSON: [(String, JSONValue)] = [("selector", .string(selector)), ("dataLength", .integer(data.count))]
        if let decoded = callDecoder?(data) {
            let fields = decoded.map { (key, value) -> JSONValue in .object([("label", .string(key)), ("value", .string(value))]) }
            return ("selector \(selector), \(size)", decoded, [("kind", .string("decoded"))] + unknownJSON + [("lines", .array(fields))])
        }
        warnings.append(undecodedWarning)
        return ("unknown call, selector \(selector), \(size)", [("Data", wrapped(data))],
                [("kind", .string("unknown"))] + unknownJSON + [("data", .string(data.hexString))])
    }

    /// The warning shown with call data that is not decoded.
    public static let undecodedWarning = "the call is not decoded: the Data above is exactly what is signed; check it before signing"

    /// The whole of `data` in hex: the 4-byte selector on the first line, then one 32-byte
    /// ABI word (64 hex digits) a line.
    static func wrapped(_ data: [UInt8]) -> String {
        guard data.count > 4 else { return data.hexString }
        var lines = [Hex.encode(data.prefix(4))]
        var offset = 4
        while offset < data.count {
            let end = min(offset + 32, data.count)
            lines.append(Hex.encode(data[offset..<end], prefix: false))
            offset = end
        }
        return lines.joined(separator: "\n")
    }

    private static func describeAuthorizations(
        _ list: [SignedAuthorization], warnings: inout [String]
    ) -> (lines: [Line], json: [JSONValue]) {
        var lines: [Line] = [Line("Authorizations", String(list.count))]
        var json: [JSONValue] = []
        for (index, item) in list.enumerated() {
            let number = index + 1
            let auth = item.authorization
            let chain = auth.chainId.isZero ? "any chain (0)" : ChainNames.describe(auth.chainId)
            let authority: String
            var entry: [(String, JSONValue)] = [("chainId", .string(auth.chainId.decimalString)),
                                                ("address", .string(auth.address.checksummed)),
                                                ("nonce", .string(String(auth.nonce)))]
            do {
                let address = try item.recoverAuthority()
                authority = "authority \(address)"
                entry.append(("authority", .string(address.checksummed)))
            } catch {
                authority = "invalid signature (\(error)); it will be skipped"
                entry.append(("authority", .null))
                entry.append(("error", .string(error.description)))
                warnings.append("authorization \(number) has an invalid signature: \(error)")
            }
            if auth.chainId.isZero {
                warnings.append("authorization \(number) has chain id 0: it is valid on every chain")
            }
            lines.append(Line("Authorization \(number)",
                              "chain \(chain), delegate \(auth.address), nonce \(auth.nonce), \(authority)"))
            json.append(.object(entry))
        }
        return (lines, json)
    }
}
