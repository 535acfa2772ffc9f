/// The EIP-1559 fee fields that types 2, 3 and 4 share: what the sender pays at most per gas,
/// and the part of it offered to the block producer. They sit together in each type's RLP
/// list (`maxPriorityFeePerGas, maxFeePerGas`), so they are read and written as one.
public struct FeeMarketFees: Sendable, Hashable {
    /// The tip per gas offered to the block producer.
    public var maxPriorityFeePerGas: U256
    /// The most the sender pays per gas (base fee + tip).
    public var maxFeePerGas: U256

    public init(maxPriorityFeePerGas: U256, maxFeePerGas: U256) {
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.maxFeePerGas = maxFeePerGas
    }

    /// The two fields in their RLP order.
    var rlpItems: [RLPItem] { [maxPriorityFeePerGas.rlpItem, maxFeePerGas.rlpItem] }

    /// Reads the two fields in their RLP order.
    init(decoding reader: inout TransactionFieldReader) throws(TransactionDecodingError) {
        let tip = try reader.u256("maxPriorityFeePerGas")
        self.init(maxPriorityFeePerGas: tip, maxFeePerGas: try reader.u256("maxFeePerGas"))
    }
}

/// A transaction with an EIP-2930 access list: types 1 to 4.
public protocol AccessListCarrying: TransactionPayload {
    var accessList: AccessList { get }
}

/// A fee-market transaction: types 2 (`DynamicFeeTransaction`), 3 (`BlobTransaction`) and 4
/// (`SetCodeTransaction`). Code that needs the fees asks for this protocol instead of
/// switching over the three types.
public protocol FeeMarketTransaction: AccessListCarrying {
    var fees: FeeMarketFees { get set }
}

extension FeeMarketTransaction {
    /// The tip per gas offered to the block producer.
    public var maxPriorityFeePerGas: U256 {
        get { fees.maxPriorityFeePerGas }
        set { fees.maxPriorityFeePerGas = newValue }
    }

    /// The most the sender pays per gas.
    public var maxFeePerGas: U256 {
        get { fees.maxFeePerGas }
        set { fees.maxFeePerGas = newValue }
    }
}
