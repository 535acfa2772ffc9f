import SigilCore

/// ERC-20 reads through `eth_call`: `decimals()` and `balanceOf(address)`.
public enum TokenReads {
    static let decimalsCall = try! ABIFunction(parsing: "decimals()(uint8)")
    static let balanceCall = try! ABIFunction(parsing: "balanceOf(address)(uint256)")

    /// The token's `decimals()`, checked to be a sane 0...77.
    public static func decimals(of token: Address, reader: NodeReader) throws -> Int {
        let answer = try reader.call(to: token, data: decimalsCall.encodeCall([]))
        guard case .uint(let value)? = try decimalsCall.decodeOutput(answer).first, let small = value.uint64Value, small <= 77 else {
            throw RPCError.malformed("\(token.checksummed) is not an ERC-20 token: decimals() gave no usable answer")
        }
        return Int(small)
    }

    public static func balance(of owner: Address, token: Address, reader: NodeReader, block: BlockTag = .latest) throws
        -> (raw: U256, decimals: Int) {
        let decimals = try decimals(of: token, reader: reader)
        let answer = try reader.call(to: token, data: balanceCall.encodeCall([.address(owner)]), at: block)
        guard case .uint(let raw)? = try balanceCall.decodeOutput(answer).first else {
            throw RPCError.malformed("balanceOf answer from \(token.checksummed) is not a uint256")
        }
        return (raw, decimals)
    }
}
