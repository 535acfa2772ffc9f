extension SignedAuthorization {
    /// The tuple's RLP encoding `[chainId, address, nonce, yParity, r, s]`, as it appears in a
    /// type-4 transaction's authorization list.
    public var encoded: [UInt8] { RLP.encode(rlpItem) }
}
