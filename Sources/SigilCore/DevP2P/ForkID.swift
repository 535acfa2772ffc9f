/// An EIP-2124 fork identifier: a CRC-32 over the genesis hash and every fork passed so far,
/// and the block number or timestamp of the next scheduled fork (0 when none is known).
public struct ForkID: Sendable, Hashable, CustomStringConvertible {
    /// FORK_HASH: the 4-byte big-endian CRC-32.
    public let hash: [UInt8]
    /// FORK_NEXT: the next fork's block number or timestamp, 0 if none.
    public let next: UInt64

    /// - Precondition: `hash` is 4 bytes.
    public init(hash: [UInt8], next: UInt64) {
        precondition(hash.count == 4, "ForkID hash must be 4 bytes")
        self.hash = hash
        self.next = next
    }

    /// A fork id from the CRC-32 value itself.
    public init(checksum: UInt32, next: UInt64) {
        self.init(hash: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: checksum >> $0) }, next: next)
    }

    /// The CRC-32 as an integer.
    public var checksum: UInt32 {
        hash.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// `[hash, next]` as sent in the eth Status message.
    public var rlp: RLPItem {
        .list([.bytes(hash), .uint(next)])
    }

    /// Reads `[hash: 4 bytes, next: uint64]`; extra trailing items are tolerated (EIP-2124
    /// leaves room for future fields).
    public init(rlp: RLPItem) throws(EthMessageError) {
        let reader = EthMessageReader(message: "fork id in Status")
        let items = try reader.list(rlp, named: "the fork id")
        guard items.count >= 2 else { throw reader.fail("the fork id needs 2 items, found \(items.count)") }
        let hash = try reader.bytes(items[0], named: "the fork hash")
        guard hash.count == 4 else { throw reader.fail("the fork hash must be 4 bytes, found \(hash.count)") }
        self.init(hash: hash, next: try reader.uint64(items[1], named: "the fork next"))
    }

    /// "0xfc64ec04 next 1150000".
    public var description: String {
        "\(Hex.encode(hash)) next \(next)"
    }
}
