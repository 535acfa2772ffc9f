/// An unsigned transaction as the online machine hands it to the offline signer: every field
/// of a JSON-RPC transaction object (`eth_signTransaction`), typed.
///
/// A request may be inconsistent (a gas price on a type-2 request, no recipient on a type-4
/// one); `payload(_:)` checks everything and builds the SigilCore transaction that is
/// actually signed. `RequestFile` reads and writes the JSON form, `init(rawUnsigned:)` and
/// `rawUnsigned()` cast's `--raw-unsigned` hex.
public struct TransactionRequest: Sendable, Hashable {
    /// The EIP-2718 type.
    public var type: TransactionType
    /// The chain id; nil only for a pre-EIP-155 legacy transaction (refused by default).
    public var chainId: U256?
    /// The sender's account nonce.
    public var nonce: UInt64
    /// The account the request expects to sign it, if stated.
    public var from: Address?
    /// The recipient; nil creates a contract (types 0–2 only).
    public var to: Address?
    /// Wei sent.
    public var value: U256
    /// Call data or init code.
    public var data: [UInt8]
    /// The gas limit.
    public var gas: UInt64
    /// Wei per gas (types 0 and 1 only).
    public var gasPrice: U256?
    /// The fee cap per gas (types 2, 3 and 4 only).
    public var maxFeePerGas: U256?
    /// The priority fee per gas (types 2, 3 and 4 only).
    public var maxPriorityFeePerGas: U256?
    /// The access list (types 1–4; must be empty for legacy).
    public var accessList: AccessList
    /// EIP-7702 authorizations (type 4 only).
    public var authorizationList: [SignedAuthorization]
    /// The blob gas fee cap (type 3 only).
    public var maxFeePerBlobGas: U256?
    /// The blobs' 32-byte versioned hashes (type 3 only).
    public var blobVersionedHashes: [[UInt8]]

    /// A request with every field given; the optional ones default to absent or empty.
    public init(type: TransactionType, chainId: U256?, nonce: UInt64, from: Address? = nil, to: Address?,
                value: U256, data: [UInt8] = [], gas: UInt64, gasPrice: U256? = nil,
                maxFeePerGas: U256? = nil, maxPriorityFeePerGas: U256? = nil,
                accessList: AccessList = AccessList(), authorizationList: [SignedAuthorization] = [],
                maxFeePerBlobGas: U256? = nil, blobVersionedHashes: [[UInt8]] = []) {
        self.type = type
        self.chainId = chainId
        self.nonce = nonce
        self.from = from
        self.to = to
        self.value = value
        self.data = data
        self.gas = gas
        self.gasPrice = gasPrice
        self.maxFeePerGas = maxFeePerGas
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.accessList = accessList
        self.authorizationList = authorizationList
        self.maxFeePerBlobGas = maxFeePerBlobGas
        self.blobVersionedHashes = blobVersionedHashes
    }

    /// The request that describes `payload` (the inverse of `payload(_:)`).
    public init(payload: any TransactionPayload, from: Address? = nil) {
        self.init(type: payload.type, chainId: payload.chainId, nonce: payload.nonce, from: from, to: payload.to,
                  value: payload.value, data: payload.data, gas: payload.gasLimit)
        if let legacy = payload as? LegacyTransaction { gasPrice = legacy.gasPrice }
        if let typed = payload as? AccessListTransaction { gasPrice = typed.gasPrice }
        if let listed = payload as? any AccessListCarrying { accessList = listed.accessList }
        if let market = payload as? any FeeMarketTransaction {
            maxFeePerGas = market.fees.maxFeePerGas
            maxPriorityFeePerGas = market.fees.maxPriorityFeePerGas
        }
        if let blob = payload as? BlobTransaction {
            maxFeePerBlobGas = blob.maxFeePerBlobGas
            blobVersionedHashes = blob.blobVersionedHashes
        }
        if let setCode = payload as? SetCodeTransaction { authorizationList = setCode.authorizationList }
    }

    /// What `payload(_:)` enforces beyond the shape of the request.
    public struct Limits: Sendable, Hashable {
        /// Sign a legacy transaction without a chain id (replayable on every chain). Default false.
        public var allowUnprotectedLegacy: Bool
        /// The lowest gas limit accepted: 21,000, the intrinsic cost of the simplest transaction.
        public var minimumGas: UInt64
        /// The highest gas limit accepted: 30,000,000 by default. No transaction on a mainstream
        /// chain needs more (Ethereum mainnet caps one transaction at 2^24 since Osaka, EIP-7825,
        /// but L2s count gas differently); a larger value is almost certainly a typo, such as a
        /// fee written into the gas field.
        public var maximumGas: UInt64

        /// The defaults: no unprotected legacy, gas limit in 21,000...30,000,000.
        public init(allowUnprotectedLegacy: Bool = false, minimumGas: UInt64 = 21_000, maximumGas: UInt64 = 30_000_000) {
            self.allowUnprotectedLegacy = allowUnprotectedLegacy
            self.minimumGas = minimumGas
            self.maximumGas = maximumGas
        }
    }

    /// The transaction to sign, after checking every rule:
    /// - the shape (`checkShape()`): fee fields of the type and no others, a recipient for
    ///   types 3 and 4, no access list on legacy, authorizations only on type 4, blob fields
    ///   only on type 3, a chain id on typed transactions;
    /// - a chain id other than 0 (a legacy request without one only with
    ///   `limits.allowUnprotectedLegacy`), at most `LegacyTransaction.maxChainId` for legacy;
    /// - `maxPriorityFeePerGas` ≤ `maxFeePerGas`;
    /// - the gas limit within `limits`;
    /// - type 4: at least one authorization; type 3: at least one blob hash, each with
    ///   version byte 0x01.
    public func payload(_ limits: Limits = Limits()) throws(RequestError) -> any TransactionPayload {
        try checkShape()
        if let chainId {
            guard !chainId.isZero else {
                throw .field("chainId", "is 0; a transaction must name the chain it is for")
            }
            if type == .legacy && chainId > LegacyTransaction.maxChainId {
                throw .field("chainId", "is too large for a legacy (EIP-155) transaction")
            }
        } else if !limits.allowUnprotectedLegacy {
            throw .field("chainId", "is missing: a legacy transaction without a chain id can be replayed on every chain; refused unless explicitly allowed")
        }
        if let tip = maxPriorityFeePerGas, let cap = maxFeePerGas, tip > cap {
            throw .field("maxPriorityFeePerGas", "(\(tip.decimalString) wei) is above maxFeePerGas (\(cap.decimalString) wei)")
        }
        guard gas >= limits.minimumGas else {
            throw .field("gas", "is \(gas); the minimum is \(limits.minimumGas), the intrinsic cost of any transaction")
        }
        guard gas <= limits.maximumGas else {
            throw .field("gas", "is \(gas); the maximum accepted is \(limits.maximumGas)")
        }
        if type == .setCode && authorizationList.isEmpty {
            throw .field("authorizationList", "is empty; a type 4 transaction needs at least one authorization")
        }
        if type == .blob {
            guard !blobVersionedHashes.isEmpty else {
                throw .field("blobVersionedHashes", "is empty; a type 3 transaction needs at least one blob")
            }
            for (index, hash) in blobVersionedHashes.enumerated() where hash.first != 0x01 {
                let version = hash.first.map { Hex.encode([$0]) } ?? "none"
                throw .field("blobVersionedHashes[\(index)]", "has version \(version); only 0x01 (KZG) is defined")
            }
        }
        return try unvalidatedPayload()
    }

    /// Checks that the fields present fit the type (what a transaction of that type can
    /// encode). `RequestFile.parse` and `rawUnsigned()` apply this; `payload(_:)` adds the rest.
    public func checkShape() throws(RequestError) {
        let kind = RequestError.typeName(type)
        let usesGasPrice = type == .legacy || type == .accessList
        func forbid(_ present: Bool, _ name: String) throws(RequestError) {
            if present { throw .field(name, "is not allowed in a \(kind) transaction") }
        }
        func require(_ present: Bool, _ name: String) throws(RequestError) {
            if !present { throw .field(name, "is required in a \(kind) transaction") }
        }
        try forbid(usesGasPrice && maxFeePerGas != nil, "maxFeePerGas")
        try forbid(usesGasPrice && maxPriorityFeePerGas != nil, "maxPriorityFeePerGas")
        try forbid(!usesGasPrice && gasPrice != nil, "gasPrice")
        try require(!usesGasPrice || gasPrice != nil, "gasPrice")
        try require(usesGasPrice || maxFeePerGas != nil, "maxFeePerGas")
        try require(usesGasPrice || maxPriorityFeePerGas != nil, "maxPriorityFeePerGas")
        try forbid(type == .legacy && !accessList.isEmpty, "accessList")
        try forbid(type != .setCode && !authorizationList.isEmpty, "authorizationList")
        try forbid(type != .blob && maxFeePerBlobGas != nil, "maxFeePerBlobGas")
        try forbid(type != .blob && !blobVersionedHashes.isEmpty, "blobVersionedHashes")
        try require(type != .blob || maxFeePerBlobGas != nil, "maxFeePerBlobGas")
        try require(type == .legacy || chainId != nil, "chainId")
        if (type == .blob || type == .setCode) && to == nil {
            throw .field("to", "is required in a \(kind) transaction: it cannot create a contract")
        }
        for (index, hash) in blobVersionedHashes.enumerated() where hash.count != 32 {
            throw .field("blobVersionedHashes[\(index)]", "must be 32 bytes, found \(hash.count)")
        }
        for (index, entry) in accessList.entries.enumerated() {
            for (keyIndex, key) in entry.storageKeys.enumerated() where key.count != 32 {
                throw .field("accessList[\(index)].storageKeys[\(keyIndex)]", "must be 32 bytes, found \(key.count)")
            }
        }
    }

    /// The payload for a request whose shape is right (checked here), without the other rules.
    func unvalidatedPayload() throws(RequestError) -> any TransactionPayload {
        try checkShape()
        let chain = chainId ?? .zero
        switch type {
        case .legacy:
            return LegacyTransaction(chainId: chainId, nonce: nonce, gasPrice: gasPrice!, gasLimit: gas,
                                     to: to, value: value, data: data)
        case .accessList:
            return AccessListTransaction(chainId: chain, nonce: nonce, gasPrice: gasPrice!, gasLimit: gas,
                                         to: to, value: value, data: data, accessList: accessList)
        case .dynamicFee:
            return DynamicFeeTransaction(chainId: chain, nonce: nonce, maxPriorityFeePerGas: maxPriorityFeePerGas!,
                                         maxFeePerGas: maxFeePerGas!, gasLimit: gas, to: to, value: value,
                                         data: data, accessList: accessList)
        case .blob:
            return BlobTransaction(chainId: chain, nonce: nonce, maxPriorityFeePerGas: maxPriorityFeePerGas!,
                                   maxFeePerGas: maxFeePerGas!, gasLimit: gas, to: to!, value: value, data: data,
                                   accessList: accessList, maxFeePerBlobGas: maxFeePerBlobGas!,
                                   blobVersionedHashes: blobVersionedHashes)
        case .setCode:
            return SetCodeTransaction(chainId: chain, nonce: nonce, maxPriorityFeePerGas: maxPriorityFeePerGas!,
                                      maxFeePerGas: maxFeePerGas!, gasLimit: gas, to: to!, value: value, data: data,
                                      accessList: accessList, authorizationList: authorizationList)
        }
    }
}
