/// The eth Transactions message: full transactions pushed to a peer.
///
/// On the wire a legacy transaction is an embedded RLP list and a typed one an RLP byte
/// string holding `type || rlp(fields)`; `transactions` holds each in its EIP-2718 form
/// (`SignedTransaction.rawBytes`).
public struct EthTransactions: Sendable, Equatable {
    public var transactions: [[UInt8]]

    /// - Precondition: no transaction is empty.
    public init(transactions: [[UInt8]]) {
        self.transactions = transactions
    }

    public func encoded() -> [UInt8] {
        EthRLP.list(ofEncoded: transactions.map(EthRLP.transactionItem))
    }

    public init(decoding payload: [UInt8]) throws(EthMessageError) {
        let reader = EthMessageReader(message: "Transactions")
        let items = try reader.list(reader.decode(payload), named: "the message")
        transactions = try EthRLP.transactions(items, reader: reader)
    }
}

/// The eth/68 NewPooledTransactionHashes announcement: `[types: bytes, [size, ...], [hash, ...]]`,
/// one type byte, size and 32-byte hash per transaction (EIP-5793).
public struct NewPooledTransactionHashes: Sendable, Equatable {
    /// Transaction types (0 for legacy), one byte each.
    public var types: [UInt8]
    /// Sizes in bytes of each transaction as PooledTransactions would carry it.
    public var sizes: [UInt32]
    /// Transaction hashes, 32 bytes each.
    public var hashes: [[UInt8]]

    /// - Precondition: the three lists have the same length and every hash is 32 bytes.
    public init(types: [UInt8], sizes: [UInt32], hashes: [[UInt8]]) {
        precondition(types.count == sizes.count && sizes.count == hashes.count, "announcement lists differ in length")
        precondition(hashes.allSatisfy { $0.count == 32 }, "announced hashes must be 32 bytes")
        self.types = types
        self.sizes = sizes
        self.hashes = hashes
    }

    /// What to announce for a transaction given in the form it would be delivered in
    /// (`SignedTransaction.rawBytes`, or a blob transaction's network form with its sidecar):
    /// its type (0 for legacy), its size — the length of exactly those bytes, which is what
    /// go-ethereum's `Transaction.Size()` reports and checks against the announcement when the
    /// transaction is fetched — and its hash (for a blob transaction, of the form without
    /// the sidecar).
    public static func announcement(for raw: [UInt8]) throws(EthMessageError) -> (type: UInt8, size: UInt32, hash: [UInt8]) {
        let transaction: SignedTransaction
        do {
            transaction = try SignedTransaction.decode(raw)
        } catch {
            throw .malformed(message: "NewPooledTransactionHashes", reason: "cannot announce the transaction: \(error.description)")
        }
        guard raw.count <= Int(UInt32.max) else {
            throw .malformed(message: "NewPooledTransactionHashes", reason: "transaction larger than 4 GiB")
        }
        return (transaction.type.rawValue, UInt32(raw.count), transaction.hash)
    }

    /// The announcement for several transactions (see `announcement(for:)`).
    public init(announcing transactions: [[UInt8]]) throws(EthMessageError) {
        var types: [UInt8] = [], sizes: [UInt32] = [], hashes: [[UInt8]] = []
        for raw in transactions {
            let entry = try Self.announcement(for: raw)
            types.append(entry.type)
            sizes.append(entry.size)
            hashes.append(entry.hash)
        }
        self.init(types: types, sizes: sizes, hashes: hashes)
    }

    public func encoded() -> [UInt8] {
        RLP.encode(.list([.bytes(types), .list(sizes.map { .uint($0) }), .list(hashes.map { .bytes($0) })]))
    }

    /// Reads an eth/68 announcement; trailing items are tolerated, the three lengths must match.
    public init(decoding payload: [UInt8]) throws(EthMessageError) {
        let reader = EthMessageReader(message: "NewPooledTransactionHashes")
        let items = try reader.list(payload, minimum: 3)
        let types = try reader.bytes(items[0], named: "types")
        let sizeItems = try reader.list(items[1], named: "sizes")
        let hashItems = try reader.list(items[2], named: "hashes")
        guard types.count == sizeItems.count, sizeItems.count == hashItems.count else {
            throw reader.fail("\(types.count) types, \(sizeItems.count) sizes and \(hashItems.count) hashes (must be equal)")
        }
        var sizes: [UInt32] = []
        sizes.reserveCapacity(sizeItems.count)
        for (index, item) in sizeItems.enumerated() {
            let size = try reader.uint64(item, named: "size \(index)")
            guard size <= UInt64(UInt32.max) else { throw reader.fail("size \(index) is over 32 bits") }
            sizes.append(UInt32(size))
        }
        var hashes: [[UInt8]] = []
        hashes.reserveCapacity(hashItems.count)
        for (index, item) in hashItems.enumerated() { hashes.append(try reader.hash(item, named: "hash \(index)")) }
        self.init(types: types, sizes: sizes, hashes: hashes)
    }
}

/// The eth GetPooledTransactions request (eth/66+): `[request-id, [hash, ...]]`.
public struct GetPooledTransactions: Sendable, Equatable {
    public var requestID: UInt64
    /// Requested transaction hashes, 32 bytes each.
    public var hashes: [[UInt8]]

    public init(requestID: UInt64, hashes: [[UInt8]]) {
        self.requestID = requestID
        self.hashes = hashes
    }

    public func encoded() -> [UInt8] {
        RLP.encode(.list([.uint(requestID), .list(hashes.map { .bytes($0) })]))
    }

    public init(decoding payload: [UInt8]) throws(EthMessageError) {
        let reader = EthMessageReader(message: "GetPooledTransactions")
        let items = try reader.list(payload, minimum: 2)
        requestID = try reader.uint64(items[0], named: "request id")
        var hashes: [[UInt8]] = []
        for (index, item) in try reader.list(items[1], named: "hashes").enumerated() {
            hashes.append(try reader.hash(item, named: "hash \(index)"))
        }
        self.hashes = hashes
    }
}

/// The eth PooledTransactions answer (eth/66+): `[request-id, [tx, ...]]`, transactions
/// embedded as in `EthTransactions`.
public struct PooledTransactions: Sendable, Equatable {
    public var requestID: UInt64
    /// The transactions in EIP-2718 form (a blob transaction in its network form).
    public var transactions: [[UInt8]]

    public init(requestID: UInt64, transactions: [[UInt8]]) {
        self.requestID = requestID
        self.transactions = transactions
    }

    public func encoded() -> [UInt8] {
        EthRLP.list(ofEncoded: [RLP.encode(.uint(requestID)), EthRLP.list(ofEncoded: transactions.map(EthRLP.transactionItem))])
    }

    public init(decoding payload: [UInt8]) throws(EthMessageError) {
        let reader = EthMessageReader(message: "PooledTransactions")
        let items = try reader.list(payload, minimum: 2)
        requestID = try reader.uint64(items[0], named: "request id")
        transactions = try EthRLP.transactions(try reader.list(items[1], named: "transactions"), reader: reader)
    }
}
