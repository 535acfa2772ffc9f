/// An EIP-4844 transaction (type 3): an EIP-1559 call that pays for blobs identified by their
/// versioned hashes. It cannot create a contract.
///
/// Fields: `[chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data,
/// accessList, maxFeePerBlobGas, blobVersionedHashes]`. Sigil signs and encodes only this plain
/// form; the network form with the blob sidecar can be decoded (see `BlobSidecarSummary`).
public struct BlobTransaction: FeeMarketTransaction, TypedTransactionFields, Hashable {
    public var chainId: U256? { chain }
    /// The chain id (always present).
    public var chain: U256
    public var nonce: UInt64
    /// The tip and the fee cap per gas.
    public var fees: FeeMarketFees
    public var gasLimit: UInt64
    /// The recipient (required).
    public var destination: Address
    public var value: U256
    public var data: [UInt8]
    public var accessList: AccessList
    /// The most the sender pays per unit of blob gas.
    public var maxFeePerBlobGas: U256
    /// One 32-byte versioned hash per blob (consensus requires at least one, version 0x01;
    /// not checked here).
    public var blobVersionedHashes: [[UInt8]]

    /// An EIP-4844 transaction to `to`; every versioned hash must be 32 bytes (precondition).
    public init(chainId: U256, nonce: UInt64, maxPriorityFeePerGas: U256, maxFeePerGas: U256,
                gasLimit: UInt64, to: Address, value: U256, data: [UInt8] = [],
                accessList: AccessList = AccessList(), maxFeePerBlobGas: U256, blobVersionedHashes: [[UInt8]]) {
        precondition(blobVersionedHashes.allSatisfy { $0.count == 32 }, "blob versioned hashes must be 32 bytes")
        self.chain = chainId
        self.nonce = nonce
        self.fees = FeeMarketFees(maxPriorityFeePerGas: maxPriorityFeePerGas, maxFeePerGas: maxFeePerGas)
        self.gasLimit = gasLimit
        self.destination = to
        self.value = value
        self.data = data
        self.accessList = accessList
        self.maxFeePerBlobGas = maxFeePerBlobGas
        self.blobVersionedHashes = blobVersionedHashes
    }

    public var type: TransactionType { .blob }
    public var to: Address? { destination }

    static var fieldCount: Int { 11 }

    var rlpFields: [RLPItem] {
        [chain.rlpItem, .uint(nonce)] + fees.rlpItems + [.uint(gasLimit),
         .bytes(destination.bytes), value.rlpItem, .bytes(data), accessList.rlpItem,
         maxFeePerBlobGas.rlpItem, .list(blobVersionedHashes.map { .bytes($0) })]
    }

    init(decoding reader: inout TransactionFieldReader) throws(TransactionDecodingError) {
        let chainId = try reader.u256("chainId")
        let nonce = try reader.uint64("nonce")
        let fees = try FeeMarketFees(decoding: &reader)
        let gasLimit = try reader.uint64("gasLimit")
        guard let to = try reader.address("to", allowCreation: false) else {
            throw .init(field: "to", .creationNotAllowed)
        }
        let value = try reader.u256("value")
        let data = try reader.bytes("data")
        let accessList = try reader.accessList()
        let blobFee = try reader.u256("maxFeePerBlobGas")
        var hashes: [[UInt8]] = []
        for (index, item) in try reader.list("blobVersionedHashes").enumerated() {
            guard case .bytes(let hash) = item else { throw .init(field: "blobVersionedHashes[\(index)]", .expectedBytes) }
            guard hash.count == 32 else {
                throw .init(field: "blobVersionedHashes[\(index)]", .wrongLength(expected: 32, actual: hash.count))
            }
            hashes.append(hash)
        }
        self.init(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: fees.maxPriorityFeePerGas, maxFeePerGas: fees.maxFeePerGas,
                  gasLimit: gasLimit, to: to, value: value, data: data, accessList: accessList,
                  maxFeePerBlobGas: blobFee, blobVersionedHashes: hashes)
    }
}
