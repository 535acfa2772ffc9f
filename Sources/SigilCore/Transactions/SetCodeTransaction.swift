/// An EIP-7702 transaction (type 4): an EIP-1559 call that also carries authorizations
/// delegating code to EOAs.
///
/// Fields: `[chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, destination,
/// value, data, accessList, authorizationList]`. It cannot create a contract.
public struct SetCodeTransaction: FeeMarketTransaction, TypedTransactionFields, Hashable {
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
    /// The signed authorizations (consensus requires at least one; not checked here).
    public var authorizationList: [SignedAuthorization]

    /// An EIP-7702 transaction to `to`.
    public init(chainId: U256, nonce: UInt64, maxPriorityFeePerGas: U256, maxFeePerGas: U256,
                gasLimit: UInt64, to: Address, value: U256, data: [UInt8] = [],
                accessList: AccessList = AccessList(), authorizationList: [SignedAuthorization]) {
        self.chain = chainId
        self.nonce = nonce
        self.fees = FeeMarketFees(maxPriorityFeePerGas: maxPriorityFeePerGas, maxFeePerGas: maxFeePerGas)
        self.gasLimit = gasLimit
        self.destination = to
        self.value = value
        self.data = data
        self.accessList = accessList
        self.authorizationList = authorizationList
    }

    public var type: TransactionType { .setCode }
    public var to: Address? { destination }

    static var fieldCount: Int { 10 }

    var rlpFields: [RLPItem] {
        [chain.rlpItem, .uint(nonce)] + fees.rlpItems + [.uint(gasLimit),
         .bytes(destination.bytes), value.rlpItem, .bytes(data), accessList.rlpItem,
         .list(authorizationList.map(\.rlpItem))]
    }

    init(decoding reader: inout TransactionFieldReader) throws(TransactionDecodingError) {
        let chainId = try reader.u256("chainId")
        let nonce = try reader.uint64("nonce")
        let fees = try FeeMarketFees(decoding: &reader)
        let gasLimit = try reader.uint64("gasLimit")
        let to = try reader.address("to", allowCreation: false)
        let value = try reader.u256("value")
        let data = try reader.bytes("data")
        let accessList = try reader.accessList()
        var authorizations: [SignedAuthorization] = []
        for (index, item) in try reader.list("authorizationList").enumerated() {
            authorizations.append(try SignedAuthorization(decoding: item, field: "authorizationList[\(index)]"))
        }
        self.init(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: fees.maxPriorityFeePerGas, maxFeePerGas: fees.maxFeePerGas,
                  gasLimit: gasLimit, to: to!, value: value, data: data, accessList: accessList,
                  authorizationList: authorizations)
    }
}
