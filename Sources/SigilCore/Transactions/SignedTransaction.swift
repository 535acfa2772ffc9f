/// A signed transaction: its payload, its signature and its canonical EIP-2718 bytes.
///
/// Obtained from `PrivateKey.sign(_:)` or `SignedTransaction.decode(_:)`. Decoding is strict:
/// it accepts only canonical encodings, so `rawBytes` equals the decoded input (except for a
/// blob transaction in network form, whose `rawBytes` is the plain form without the sidecar).
public struct SignedTransaction: Sendable {
    /// The unsigned transaction.
    public let payload: any TransactionPayload
    /// The signature (r and s in [1, n-1]; s may be high in a decoded transaction).
    public let signature: Signature
    /// The EIP-2718 encoding: what is hashed, broadcast and included in blocks.
    public let rawBytes: [UInt8]
    /// The sidecar counts when the input was the network form of a blob transaction.
    public let blobSidecar: BlobSidecarSummary?
    /// The transaction hash: keccak256 of `rawBytes` (computed once: a send asks for it often).
    public let hash: [UInt8]

    /// `payload` signed with `signature` (no check that they belong together; see `recoverSender`).
    public init(payload: any TransactionPayload, signature: Signature) {
        self.init(payload: payload, signature: signature, rawBytes: payload.encodedSigned(signature), blobSidecar: nil)
    }

    private init(payload: any TransactionPayload, signature: Signature, rawBytes: [UInt8], blobSidecar: BlobSidecarSummary?) {
        self.payload = payload
        self.signature = signature
        self.rawBytes = rawBytes
        self.blobSidecar = blobSidecar
        self.hash = Keccak256.hash(rawBytes)
    }

    /// The transaction type.
    public var type: TransactionType { payload.type }

    /// Whether s ≤ n/2, as Ethereum has required of transaction signatures since Homestead.
    public var isCanonicalSignature: Bool { signature.isLowS }

    /// The legacy v value, or the y-parity for a typed transaction.
    public var v: U256 {
        if let legacy = payload as? LegacyTransaction { return legacy.v(yParity: signature.yParity) }
        return U256(UInt64(signature.yParity))
    }

    /// The sender: the address whose key signed `payload.signingHash()`.
    ///
    /// Throws `.highS` for a non-canonical (s > n/2) signature, which Ethereum has rejected
    /// since Homestead (EIP-2). `acceptingHighS: true` recovers such a signature anyway; it is
    /// only for inspecting Frontier-era history and must not be used to accept new transactions.
    public func recoverSender(acceptingHighS: Bool = false) throws(TransactionDecodingError) -> Address {
        guard signature.isLowS || acceptingHighS else { throw .init(field: "s", .highS) }
        do {
            return try signature.recoverAddress(digest: payload.signingHash())
        } catch {
            throw .init(.recoveryFailed)
        }
    }

    /// Decodes EIP-2718 bytes: a legacy RLP list (first byte ≥ 0xc0) or `type || rlp(fields)`
    /// for types 1–4, including a blob transaction's network form. Every field is checked:
    /// canonical integers within their sizes, 20-byte addresses, 32-byte keys and hashes,
    /// exact list lengths, y-parity 0/1 (or a valid legacy v), r and s in [1, n-1], and no
    /// trailing bytes.
    public static func decode(_ raw: [UInt8]) throws(TransactionDecodingError) -> SignedTransaction {
        guard let first = raw.first else { throw .init(.emptyInput) }
        if first >= 0x80 {
            guard case .list(let items) = try rlp(raw, from: 0) else { throw .init(.expectedList) }
            let (tx, signature) = try LegacyTransaction.decodeSigned(items)
            return SignedTransaction(payload: tx, signature: signature, rawBytes: raw, blobSidecar: nil)
        }
        guard let type = TransactionType(rawValue: first), type != .legacy else {
            throw .init(.unsupportedType(first))
        }
        guard case .list(let items) = try rlp(raw, from: 1) else { throw .init(.expectedList) }
        switch type {
        case .legacy: throw .init(.unsupportedType(first))
        case .accessList: return try decodeTyped(AccessListTransaction.self, items, raw: raw)
        case .dynamicFee: return try decodeTyped(DynamicFeeTransaction.self, items, raw: raw)
        case .setCode: return try decodeTyped(SetCodeTransaction.self, items, raw: raw)
        case .blob:
            guard case .list(let body)? = items.first else {
                return try decodeTyped(BlobTransaction.self, items, raw: raw)
            }
            guard items.count == 4 || items.count == 5 else { throw .init(.wrongItemCountNetworkForm(actual: items.count)) }
            let plain = try decodeTyped(BlobTransaction.self, body, raw: nil)
            let hashCount = (plain.payload as? BlobTransaction)?.blobVersionedHashes.count ?? 0
            let sidecar = try BlobSidecarSummary(decoding: items.dropFirst(), hashCount: hashCount)
            return SignedTransaction(payload: plain.payload, signature: plain.signature,
                                     rawBytes: plain.rawBytes, blobSidecar: sidecar)
        }
    }

    /// One RLP item spanning `raw[offset...]`, with errors mapped to transaction errors.
    private static func rlp(_ raw: [UInt8], from offset: Int) throws(TransactionDecodingError) -> RLPItem {
        do {
            let (item, end) = try RLP.decodePrefix(raw, from: offset)
            guard end == raw.count else { throw TransactionDecodingError(.trailingBytes(raw.count - end)) }
            return item
        } catch let error as TransactionDecodingError {
            throw error
        } catch let error as RLPError {
            throw .init(.malformedRLP(error))
        } catch {
            throw .init(.emptyInput)
        }
    }

    /// Reads a typed transaction's fields and signature; `raw` nil re-encodes (network form).
    private static func decodeTyped<T: TypedTransactionFields>(
        _: T.Type, _ items: [RLPItem], raw: [UInt8]?
    ) throws(TransactionDecodingError) -> SignedTransaction {
        var reader = try TransactionFieldReader(items, count: T.fieldCount + 3)
        let tx = try T(decoding: &reader)
        let signature = try reader.typedSignature()
        return SignedTransaction(payload: tx, signature: signature,
                                 rawBytes: raw ?? tx.encodedSigned(signature), blobSidecar: nil)
    }
}
