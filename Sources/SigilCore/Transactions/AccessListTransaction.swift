/// An EIP-2930 transaction (type 1): a legacy-style gas price plus an access list.
///
/// Fields: `[chainId, nonce, gasPrice, gasLimit, to, value, data, accessList]`.
public struct AccessListTransaction: AccessListCarrying, TypedTransactionFields, Hashable {
    public var chainId: U256? { chain }
    /// The chain id (always present).
    public var chain: U256
    public var nonce: UInt64
    /// Wei per unit of gas.
    public var gasPrice: U256
    public var gasLimit: UInt64
    public var to: Address?
    public var value: U256
    public var data: [UInt8]
    public var accessList: AccessList

    /// An EIP-2930 transaction; `to` nil creates a contract.
    public init(chainId: U256, nonce: UInt64, gasPrice: U256, gasLimit: UInt64, to: Address?,
                value: U256, data: [UInt8] = [], accessList: AccessList = AccessList()) {
        self.chain = chainId
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    public var type: TransactionType { .accessList }

    static var fieldCount: Int { 8 }

    var rlpFields: [RLPItem] {
        [chain.rlpItem, .uint(nonce), gasPrice.rlpItem, .uint(gasLimit), to.rlpItem,
         value.rlpItem, .bytes(data), accessList.rlpItem]
    }

    init(decoding reader: inout TransactionFieldReader) throws(TransactionDecodingError) {
        self.init(chainId: try reader.u256("chainId"), nonce: try reader.uint64("nonce"),
                  gasPrice: try reader.u256("gasPrice"), gasLimit: try reader.uint64("gasLimit"),
                  to: try reader.address("to", allowCreation: true), value: try reader.u256("value"),
                  data: try reader.bytes("data"), accessList: try reader.accessList())
    }
}
