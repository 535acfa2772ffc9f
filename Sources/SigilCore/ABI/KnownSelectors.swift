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

/// Calldata decoded against a known function, ready to show.
public struct DecodedCall: Sendable {
    /// One argument: its name (or `arg<n>`), type, value and display text.
    public struct Argument: Sendable {
        public let name: String
        public let type: ABIType
        public let value: ABIValue
        /// `value.displayString`; amounts stay raw integers (the caller applies decimals).
        public let display: String
    }

    public let function: ABIFunction
    public let standard: String?
    public let arguments: [Argument]
    /// Bytes after the encoded arguments (some wallets append tags); 0 normally.
    public let trailingBytes: Int

    /// The function name.
    public var name: String { function.name }
    /// The canonical signature.
    public var signature: String { function.signature }
}

/// Decodes calldata against the built-in table (or a given list of functions).
public enum CalldataDecoder {
    /// The decoded call when the selector is known and the arguments decode strictly; nil otherwise.
    public static func describe(_ data: [UInt8]) -> DecodedCall? {
        guard data.count >= 4, let entry = KnownSelectors.lookup(data.prefix(4)) else { return nil }
        return describe(data, as: entry.function, standard: entry.standard)
    }

    /// The decoded call for the first of `functions` whose selector matches and whose arguments decode.
    public static func describe(_ data: [UInt8], using functions: [ABIFunction]) -> DecodedCall? {
        guard data.count >= 4 else { return nil }
        for function in functions where function.selector.elementsEqual(data.prefix(4)) {
            if let call = describe(data, as: function, standard: nil) { return call }
        }
        return nil
    }

    private static func describe(_ data: [UInt8], as function: ABIFunction, standard: String?) -> DecodedCall? {
        guard let (values, used) = try? ABIDecoder.decodePrefix(Array(data[4...]), as: function.inputTypes, offsetBase: 4) else {
            return nil
        }
        let arguments = zip(function.inputs, values).enumerated().map { index, pair in
            DecodedCall.Argument(name: pair.0.name ?? "arg\(index)", type: pair.0.type, value: pair.1, display: pair.1.displayString)
        }
        return DecodedCall(function: function, standard: standard, arguments: arguments, trailingBytes: data.count - 4 - used)
    }
}
