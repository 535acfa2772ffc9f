/// Message ids of the eth protocol as they appear on an RLPx connection: the eth capability
/// is the only one we negotiate, so its messages start at `offset` (0x10), right after the
/// base protocol's reserved ids (Hello 0x00, Disconnect 0x01, Ping 0x02, Pong 0x03).
public enum EthMessageCode {
    /// Where the eth capability's ids start.
    public static let offset: UInt64 = 0x10
    /// Status (eth 0x00).
    public static let status: UInt64 = offset + 0x00
    /// Transactions (eth 0x02): full transactions pushed to the peer.
    public static let transactions: UInt64 = offset + 0x02
    /// NewPooledTransactionHashes (eth 0x08): announcements, eth/68 form with types and sizes.
    public static let newPooledTransactionHashes: UInt64 = offset + 0x08
    /// GetPooledTransactions (eth 0x09): a request for announced transactions.
    public static let getPooledTransactions: UInt64 = offset + 0x09
    /// PooledTransactions (eth 0x0a): the answer to GetPooledTransactions.
    public static let pooledTransactions: UInt64 = offset + 0x0a
}

/// RLP assembly from pieces that are already encoded (a legacy transaction is embedded as is).
enum EthRLP {
    /// A list whose items are the given encodings, concatenated.
    static func list(ofEncoded items: [[UInt8]]) -> [UInt8] {
        let payloadLength = items.reduce(0) { $0 + $1.count }
        var out = listHeader(payloadLength: payloadLength)
        out.reserveCapacity(out.count + payloadLength)
        for item in items { out.append(contentsOf: item) }
        return out
    }

    static func listHeader(payloadLength: Int) -> [UInt8] {
        if payloadLength < 56 { return [0xc0 + UInt8(payloadLength)] }
        let length = minimalBigEndian(UInt64(payloadLength))
        return [0xf7 + UInt8(length.count)] + length
    }

    /// A transaction as an item of a Transactions or PooledTransactions list: a legacy
    /// transaction (an RLP list, first byte ≥ 0xc0) embedded as it is, a typed one
    /// (`type || rlp`) as a byte string.
    static func transactionItem(_ raw: [UInt8]) -> [UInt8] {
        precondition(!raw.isEmpty, "empty transaction")
        return raw[0] >= 0xc0 ? raw : RLP.encode(.bytes(raw))
    }

    /// The transactions of a decoded list, back in their EIP-2718 form.
    static func transactions(_ items: [RLPItem], reader: EthMessageReader) throws(EthMessageError) -> [[UInt8]] {
        var out: [[UInt8]] = []
        out.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            switch item {
            case .list:
                // Strict decoding means re-encoding gives back exactly the bytes received.
                out.append(RLP.encode(item))
            case .bytes(let typed):
                guard let type = typed.first, type >= 0x01, type <= 0x7f else {
                    throw reader.fail("transaction \(index) is a byte string but not a typed transaction (type byte 0x01–0x7f)")
                }
                out.append(typed)
            }
        }
        return out
    }
}
