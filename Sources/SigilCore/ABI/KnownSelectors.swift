/// A built-in table of common contract functions, for showing what calldata does.
///
/// Selectors are computed from the signatures on first use, never written out by hand.
/// Where two standards share a selector (ERC-20 and ERC-721 `approve`, `transferFrom`,
/// `balanceOf`) there is one entry; `standard` names both and parameter names fit both.
public enum KnownSelectors {
    /// A known function and the standard it comes from.
    public struct Entry: Sendable {
        public let function: ABIFunction
        public let standard: String
        public let selector: [UInt8]
    }

    /// Signatures with parameter names, and their standards.
    static let table: [(signature: String, standard: String)] = [
        ("transfer(address to, uint256 value)", "ERC-20"),
        ("approve(address spender, uint256 value)", "ERC-20 / ERC-721"),
        ("transferFrom(address from, address to, uint256 value)", "ERC-20 / ERC-721"),
        ("balanceOf(address owner)(uint256)", "ERC-20 / ERC-721"),
        ("allowance(address owner, address spender)(uint256)", "ERC-20"),
        ("totalSupply()(uint256)", "ERC-20"),
        ("decimals()(uint8)", "ERC-20"),
        ("symbol()(string)", "ERC-20"),
        ("name()(string)", "ERC-20"),
        ("increaseAllowance(address spender, uint256 addedValue)", "ERC-20 (OpenZeppelin)"),
        ("decreaseAllowance(address spender, uint256 subtractedValue)", "ERC-20 (OpenZeppelin)"),
        ("permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)", "EIP-2612"),
        ("ownerOf(uint256 tokenId)(address)", "ERC-721"),
        ("getApproved(uint256 tokenId)(address)", "ERC-721"),
        ("isApprovedForAll(address owner, address operator)(bool)", "ERC-721 / ERC-1155"),
        ("safeTransferFrom(address from, address to, uint256 tokenId)", "ERC-721"),
        ("safeTransferFrom(address from, address to, uint256 tokenId, bytes data)", "ERC-721"),
        ("setApprovalForAll(address operator, bool approved)", "ERC-721 / ERC-1155"),
        ("safeTransferFrom(address from, address to, uint256 id, uint256 value, bytes data)", "ERC-1155"),
        ("safeBatchTransferFrom(address from, address to, uint256[] ids, uint256[] values, bytes data)", "ERC-1155"),
        ("deposit()", "WETH"),
        ("withdraw(uint256 wad)", "WETH"),
        ("multicall(bytes[] data)(bytes[])", "Multicall"),
        ("multicall(uint256 deadline, bytes[] data)(bytes[])", "Multicall (Uniswap V3)"),
    ]

    /// Every entry, computed once.
    public static let all: [Entry] = table.map { row in
        let function = try! ABIFunction(parsing: row.signature)
        return Entry(function: function, standard: row.standard, selector: function.selector)
    }

    /// The entry whose selector is `selector`, if any.
    public static func lookup(_ selector: some Collection<UInt8>) -> Entry? {
        all.first { $0.selector.elementsEqual(selector) }
    }
}
