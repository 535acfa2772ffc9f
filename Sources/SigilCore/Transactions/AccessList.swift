/// An EIP-2930 access list: addresses and storage slots a transaction declares it touches.
public struct AccessList: Sendable, Hashable {
    /// One address and its storage keys.
    public struct Entry: Sendable, Hashable {
        /// The account.
        public var address: Address
        /// Storage slots, 32 bytes each.
        public var storageKeys: [[UInt8]]

        /// An entry; every storage key must be exactly 32 bytes (checked with a precondition:
        /// use `AccessList.Entry(address:validatingKeys:)` for untrusted input).
        public init(address: Address, storageKeys: [[UInt8]] = []) {
            precondition(storageKeys.allSatisfy { $0.count == 32 }, "storage keys must be 32 bytes")
            self.address = address
            self.storageKeys = storageKeys
        }
    }

    /// The entries, in order (duplicates are allowed by the protocol and kept).
    public var entries: [Entry]

    /// An access list of `entries` (empty by default).
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// `[[address, [key, ...]], ...]`.
    var rlpItem: RLPItem {
        .list(entries.map { .list([.bytes($0.address.bytes), .list($0.storageKeys.map { .bytes($0) })]) })
    }

    /// Reads an access list strictly: addresses exactly 20 bytes, keys exactly 32 bytes.
    init(decoding item: RLPItem) throws(TransactionDecodingError) {
        let field = "accessList"
        guard case .list(let items) = item else { throw .init(field: field, .expectedList) }
        var entries: [Entry] = []
        entries.reserveCapacity(items.count)
        for (index, entryItem) in items.enumerated() {
            let name = "\(field)[\(index)]"
            guard case .list(let pair) = entryItem else { throw .init(field: name, .expectedList) }
            guard pair.count == 2 else { throw .init(field: name, .wrongItemCount(expected: 2, actual: pair.count)) }
            guard case .bytes(let addressBytes) = pair[0] else { throw .init(field: name + ".address", .expectedBytes) }
            guard addressBytes.count == 20 else { throw .init(field: name + ".address", .wrongLength(expected: 20, actual: addressBytes.count)) }
            guard case .list(let keyItems) = pair[1] else { throw .init(field: name + ".storageKeys", .expectedList) }
            var keys: [[UInt8]] = []
            keys.reserveCapacity(keyItems.count)
            for (keyIndex, keyItem) in keyItems.enumerated() {
                let keyName = "\(name).storageKeys[\(keyIndex)]"
                guard case .bytes(let key) = keyItem else { throw .init(field: keyName, .expectedBytes) }
                guard key.count == 32 else { throw .init(field: keyName, .wrongLength(expected: 32, actual: key.count)) }
                keys.append(key)
            }
            entries.append(Entry(address: Address(validated: addressBytes), storageKeys: keys))
        }
        self.entries = entries
    }
}
