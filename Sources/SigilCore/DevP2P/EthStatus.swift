/// The eth/68 Status message, exchanged right after Hello:
/// `[version, networkid, td, blockhash, genesis, forkid]`.
///
/// Decoding tolerates extra trailing items (forward compatibility, as EIP-8 asks of devp2p).
public struct EthStatus: Sendable, Equatable {
    /// The eth protocol version (68).
    public var version: UInt64
    /// The network id (equal to the chain id on today's public networks).
    public var networkID: UInt64
    /// Total difficulty of the head (frozen at the merge; any value is accepted by peers post-merge).
    public var totalDifficulty: U256
    /// The 32-byte hash of the head block.
    public var head: [UInt8]
    /// The 32-byte genesis hash.
    public var genesis: [UInt8]
    /// The EIP-2124 fork id at the head.
    public var forkID: ForkID

    public init(version: UInt64 = 68, networkID: UInt64, totalDifficulty: U256, head: [UInt8], genesis: [UInt8], forkID: ForkID) {
        self.version = version
        self.networkID = networkID
        self.totalDifficulty = totalDifficulty
        self.head = head
        self.genesis = genesis
        self.forkID = forkID
    }

    /// The RLP payload (before Snappy).
    public func encoded() -> [UInt8] {
        RLP.encode(.list([
            .uint(version), .uint(networkID), .bytes(totalDifficulty.minimalBigEndianBytes),
            .bytes(head), .bytes(genesis), forkID.rlp,
        ]))
    }

    /// Reads a Status payload; hashes must be 32 bytes, integers canonical.
    public init(decoding payload: [UInt8]) throws(EthMessageError) {
        let reader = EthMessageReader(message: "Status")
        let items = try reader.list(payload, minimum: 6)
        version = try reader.uint64(items[0], named: "version")
        networkID = try reader.uint64(items[1], named: "network id")
        let difficulty: [UInt8]
        do {
            difficulty = try items[2].uintBytes()
        } catch {
            throw reader.fail("total difficulty: \(error.description)")
        }
        guard difficulty.count <= 32, let td = try? U256(bigEndian: difficulty) else {
            throw reader.fail("total difficulty is wider than 256 bits")
        }
        totalDifficulty = td
        head = try reader.hash(items[3], named: "head hash")
        genesis = try reader.hash(items[4], named: "genesis hash")
        forkID = try ForkID(rlp: items[5])
    }
}
