/// A small built-in table of well-known chain ids, used when previewing a transaction.
///
/// Only names are given; nothing here is trusted for anything but display. A chain id not in
/// the table is shown as "unknown chain N" and warned about.
public enum ChainNames {
    /// The known chains: id → name.
    public static let table: [(id: UInt64, name: String)] = [
        (1, "Ethereum mainnet"),
        (10, "OP Mainnet"),
        (100, "Gnosis"),
        (137, "Polygon PoS"),
        (1337, "local development chain"),
        (8453, "Base"),
        (17000, "Holesky"),
        (31337, "local development chain"),
        (42161, "Arbitrum One"),
        (560048, "Hoodi"),
        (11155111, "Sepolia"),
    ]

    /// The name of `chainId`, or nil when it is not in the table.
    public static func name(of chainId: U256) -> String? {
        guard let id = chainId.uint64Value else { return nil }
        return table.first { $0.id == id }?.name
    }

    /// "Ethereum mainnet (1)", or "unknown chain 12345".
    public static func describe(_ chainId: U256) -> String {
        if let name = name(of: chainId) { return "\(name) (\(chainId.decimalString))" }
        return "unknown chain \(chainId.decimalString)"
    }
}
