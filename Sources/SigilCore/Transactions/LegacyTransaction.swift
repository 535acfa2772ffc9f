/// A legacy (pre-EIP-2718) transaction, with EIP-155 replay protection when `chainId` is set.
///
/// Signing payload: `rlp([nonce, gasPrice, gasLimit, to, value, data])`, plus
/// `chainId, 0, 0` under EIP-155. Signed: the six fields then `v, r, s` with
/// v = 27 + yParity, or chainId·2 + 35 + yParity under EIP-155.
public struct LegacyTransaction: TransactionPayload, Hashable {
    public var chainId: U256?
    public var nonce: UInt64
    /// Wei per unit of gas.
    public var gasPrice: U256
    public var gasLimit: UInt64
    public var to: Address?
    public var value: U256
    public var data: [UInt8]

    /// A legacy transaction; `chainId` nil means pre-EIP-155 (no replay protection).
    public init(chainId: U256?, nonce: UInt64, gasPrice: U256, gasLimit: UInt64,
                to: Address?, value: U256, data: [UInt8] = []) {
        self.chainId = chainId
        self.nonce = nonce
        self.gasPrice = gasPrice
        self.gasLimit = gasLimit
        self.to = to
        self.value = value
        self.data = data
    }

    public var type: TransactionType { .legacy }

    /// The largest chain id whose EIP-155 v (chainId·2 + 36) fits in 256 bits.
    public static let maxChainId: U256 = (U256.max - 36) >> 1

    private var rlpFields: [RLPItem] {
        [.uint(nonce), gasPrice.rlpItem, .uint(gasLimit), to.rlpItem, value.rlpItem, .bytes(data)]
    }

    public func signingPayload() -> [UInt8] {
        var fields = rlpFields
        if let chainId { fields += [chainId.rlpItem, .bytes([]), .bytes([])] }
        return RLP.encode(.list(fields))
    }

    /// The v value for `yParity`: 27/28, or chainId·2 + 35/36 (wrapping if chainId exceeds
    /// `maxChainId`, which `PrivateKey.sign` refuses).
    public func v(yParity: UInt8) -> U256 {
        guard let chainId else { return U256(27 + UInt64(yParity)) }
        return (chainId << 1) &+ U256(35 + UInt64(yParity))
    }

    public func encodedSigned(_ signature: Signature) -> [UInt8] {
        RLP.encode(.list(rlpFields + [v(yParity: signature.yParity).rlpItem, .uintBytes(signature.r), .uintBytes(signature.s)]))
    }

    /// Decodes the nine items of a signed legacy transaction.
    static func decodeSigned(_ items: [RLPItem]) throws(TransactionDecodingError) -> (LegacyTransaction, Signature) {
        var reader = try TransactionFieldReader(items, count: 9)
        let nonce = try reader.uint64("nonce")
        let gasPrice = try reader.u256("gasPrice")
        let gasLimit = try reader.uint64("gasLimit")
        let to = try reader.address("to", allowCreation: true)
        let value = try reader.u256("value")
        let data = try reader.bytes("data")
        let v = try reader.u256("v")
        let chainId: U256?
        let parity: UInt8
        if v == 27 || v == 28 {
            chainId = nil
            parity = UInt8(v.uint64Value! - 27)
        } else if v >= 35 {
            let offset = v - 35
            chainId = offset >> 1
            parity = UInt8(offset.uint64Value.map { $0 & 1 } ?? UInt64(offset.minimalBigEndianBytes.last! & 1))
        } else {
            throw .init(field: "v", .invalidLegacyV(v.decimalString))
        }
        let signature = try reader.signature(yParity: parity)
        let tx = LegacyTransaction(chainId: chainId, nonce: nonce, gasPrice: gasPrice, gasLimit: gasLimit,
                                   to: to, value: value, data: data)
        return (tx, signature)
    }
}
