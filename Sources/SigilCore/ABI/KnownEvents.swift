/// A built-in table of common events, to decode logs whose event is not given.
///
/// ERC-20 and ERC-721 `Transfer` and `Approval` share topic 0 and differ by how many
/// parameters are indexed, so a log is matched by topic 0 and then by whether it decodes.
/// Topic hashes are computed from the declarations on first use, never written by hand.
public enum KnownEvents {
    /// A known event and the standard it comes from.
    public struct Entry: Sendable {
        public let event: ABIEvent
        public let standard: String
    }

    /// Declarations with `indexed` and parameter names, and their standards.
    static let table: [(declaration: String, standard: String)] = [
        ("Transfer(address indexed from, address indexed to, uint256 value)", "ERC-20"),
        ("Transfer(address indexed from, address indexed to, uint256 indexed tokenId)", "ERC-721"),
        ("Approval(address indexed owner, address indexed spender, uint256 value)", "ERC-20"),
        ("Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)", "ERC-721"),
        ("ApprovalForAll(address indexed owner, address indexed operator, bool approved)", "ERC-721 / ERC-1155"),
        ("TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)", "ERC-1155"),
        ("TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)", "ERC-1155"),
        ("URI(string value, uint256 indexed id)", "ERC-1155"),
        ("Deposit(address indexed dst, uint256 wad)", "WETH"),
        ("Withdrawal(address indexed src, uint256 wad)", "WETH"),
        ("OwnershipTransferred(address indexed previousOwner, address indexed newOwner)", "Ownable"),
    ]

    /// Every entry, computed once.
    public static let all: [Entry] = table.map { row in
        Entry(event: try! ABIEvent(parsing: row.declaration), standard: row.standard)
    }

    /// The entries whose topic 0 is `topic0`.
    public static func candidates(topic0: some Collection<UInt8>) -> [Entry] {
        all.filter { $0.event.topic0.elementsEqual(topic0) }
    }

    /// The log decoded by the first known event that decodes it, with that event's standard;
    /// nil when no known event does.
    public static func decode(topics: [[UInt8]], data: [UInt8]) -> (event: DecodedEvent, standard: String)? {
        guard let first = topics.first else { return nil }
        for entry in candidates(topic0: first) {
            if let decoded = try? entry.event.decodeLog(topics: topics, data: data) { return (decoded, entry.standard) }
        }
        return nil
    }
}
