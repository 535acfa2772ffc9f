/// A validator withdrawal (EIP-4895), the withdrawals-trie value RLP([index, validatorIndex, address, amount]).
public struct Withdrawal: Sendable, Equatable {
    public var index: UInt64
    public var validatorIndex: UInt64
    public var address: Address
    /// The amount in gwei.
    public var amountGwei: UInt64

    public init(index: UInt64, validatorIndex: UInt64, address: Address, amountGwei: UInt64) {
        self.index = index
        self.validatorIndex = validatorIndex
        self.address = address
        self.amountGwei = amountGwei
    }

    /// The withdrawals-trie value.
    public var rlp: [UInt8] {
        RLP.encode(.list([.uint(index), .uint(validatorIndex), .bytes(address.bytes), .uint(amountGwei)]))
    }
}
