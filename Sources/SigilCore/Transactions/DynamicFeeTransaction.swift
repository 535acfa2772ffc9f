/// An EIP-1559 transaction (type 2): a fee cap and a priority fee instead of a gas price.
///
/// Fields: `[chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList]`.
public struct DynamicFeeTransaction: FeeMarketTransaction, TypedTransactionFields, Hashable {
    public var chainId: U256? { chain }
    /// The chain id (always present).
    public var chain: U256
    public var nonce: UInt64
    /// The tip and the fee cap per gas.
    public var fees: FeeMarketFees
    public var gasLimit: UInt64
    public var to: Address?
    public var value: U256
    public var data: [UInt8]
    public var accessList: AccessList

    /// An EIP-1559 transaction; `to` nil creates a contract.
    public init(chainId: U256, nonce: UInt64, maxPriorityFeePerGas: U256, maxFeePerGas: U256,
                gasLimit: UInt64, to: Address?, value: U256, data: [UInt8] = [],
                accessList: AccessList = AccessList()) {
        self.chain = chainId
        self.nonce = nonce
        self.fees = FeeMarketFees(maxPriorityFeePerGas: maxPriorityFeePerGas, maxFeePerGas: maxFeePerGas)
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    public var type: TransactionType { .dynamicFee }

    static var fieldCount: Int { 9 }

    var rlpFields: [RLPItem] {
        [chain.rlpItem, .uint(nonce)] + fees.rlpItems + [.uint(gasLimit),
         to.rlpItem, value.rlpItem, .bytes(data), accessList.rlpItem]
    }

    init(decoding reader: inout TransactionFieldReader) throws(TransactionDecodingError) {
        let chainId = try reader.u256("chainId")
        let nonce = try reader.uint64("nonce")
        let fees = try FeeMarketFees(decoding: &reader)
        self.init(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
                  maxFeePerGas: fees.maxFeePerGas, gasLimit: try reader.uint64("gasLimit"),
                  to: try reader.address("to", allowCreation: true), value: try reader.u256("value"),
                  data: try reader.bytes("data"), accessList: try reader.accessList())
    }
}
