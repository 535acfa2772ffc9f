/// An unsigned Ethereum transaction of one type: what a key signs.
///
/// Each transaction type is its own struct (`LegacyTransaction`, `AccessListTransaction`,
/// `DynamicFeeTransaction`, `BlobTransaction`, `SetCodeTransaction`); this protocol is what
/// they share. Integer fields are RLP-encoded as minimal big-endian bytes.
public protocol TransactionPayload: Sendable {
    /// The EIP-2718 type.
    var type: TransactionType { get }
    /// The chain id; nil only for a pre-EIP-155 legacy transaction.
    var chainId: U256? { get }
    /// The sender's account nonce.
    var nonce: UInt64 { get }
    /// The gas limit.
    var gasLimit: UInt64 { get }
    /// The recipient; nil for contract creation (only legacy, type 1 and type 2 allow it).
    var to: Address? { get }
    /// The amount of wei sent.
    var value: U256 { get }
    /// The call data or init code.
    var data: [UInt8] { get }
    /// The bytes whose keccak256 is signed: for a legacy transaction the RLP list of its six
    /// fields (plus `chainId, 0, 0` under EIP-155); for a typed one `type || rlp(fields)`.
    func signingPayload() -> [UInt8]
    /// The EIP-2718 encoding of the transaction signed with `signature`: an RLP list for
    /// legacy, `type || rlp(fields ++ [yParity, r, s])` otherwise.
    func encodedSigned(_ signature: Signature) -> [UInt8]
}

extension TransactionPayload {
    /// keccak256 of `signingPayload()`: the 32-byte digest a key signs.
    public func signingHash() -> [UInt8] {
        Keccak256.hash(signingPayload())
    }
}

/// What the four typed transactions have in common: a list of fields before the signature.
protocol TypedTransactionFields: TransactionPayload {
    /// The unsigned fields in their RLP order.
    var rlpFields: [RLPItem] { get }
    /// The number of unsigned fields.
    static var fieldCount: Int { get }
    /// Reads the `fieldCount` unsigned fields strictly, advancing `reader`.
    init(decoding reader: inout TransactionFieldReader) throws(TransactionDecodingError)
}

extension TypedTransactionFields {
    public func signingPayload() -> [UInt8] {
        var out: [UInt8] = [type.rawValue]
        RLP.encode(.list(rlpFields), into: &out)
        return out
    }

    public func encodedSigned(_ signature: Signature) -> [UInt8] {
        var out: [UInt8] = [type.rawValue]
        RLP.encode(.list(rlpFields + signature.typedRLPFields), into: &out)
        return out
    }
}

extension Signature {
    /// `[yParity, r, s]` as minimal integers, the tail of every typed signed transaction.
    var typedRLPFields: [RLPItem] {
        [.uint(yParity), .uintBytes(r), .uintBytes(s)]
    }
}

extension U256 {
    /// The value as an RLP integer item.
    var rlpItem: RLPItem { .bytes(minimalBigEndianBytes) }
}

extension Optional where Wrapped == Address {
    /// An address or the empty string (contract creation).
    var rlpItem: RLPItem { .bytes(self?.bytes ?? []) }
}
