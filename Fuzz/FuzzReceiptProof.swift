/// The offline receipt proof (`sigil.receipt-proof/1`): `ReceiptProofBundle.parse` and
/// `verify()` must never crash, and a bundle that parses re-serializes to exactly its bytes.
///
/// Byte 0 picks the mode. Even: the input is the file itself. Odd: the rest is cut at 0xFE 0xFE
/// into transactions, from which a consistent block is built (receipts with one log each, a
/// header over both roots); its serialized bundle must parse back to itself and verify, and the
/// same bundle with one byte changed (position and value from the input's first bytes) must
/// be refused, unless the change only moved the index to an identical transaction.
func fuzzReceiptProof(_ bytes: [UInt8]) {
    guard let mode = bytes.first else { return }
    if mode & 1 == 0 {
        checkReceiptProofFile(bytes)
        return
    }
    guard bytes.count >= 4 else { return }
    var transactions: [[UInt8]] = [[]]
    var index = 4
    while index < bytes.count {
        if bytes[index] == 0xFE, index + 1 < bytes.count, bytes[index + 1] == 0xFE {
            transactions.append([])
            index += 2
        } else {
            transactions[transactions.count - 1].append(bytes[index])
            index += 1
        }
    }
    var receipts: [[UInt8]] = []
    var gas: UInt64 = 0
    for (position, transaction) in transactions.enumerated() {
        gas += 21_000 + UInt64(transaction.count)
        let logs = transaction.count % 2 == 0 ? [] : [Log(address: .zero, topics: [Keccak256.hash(transaction)], data: transaction)]
        let outcome: Receipt.Outcome = transaction.count % 3 == 0 ? .status(false) : .status(true)
        receipts.append(Receipt(type: UInt8(position % 5), outcome: outcome, cumulativeGasUsed: gas,
                                logsBloom: Receipt.bloom(of: logs), logs: logs).encoded)
    }
    let zero = [UInt8](repeating: 0, count: 32)
    let header = BlockHeader(parentHash: zero, ommersHash: zero, beneficiary: .zero, stateRoot: zero,
                             transactionsRoot: MerklePatriciaTrie.orderedRoot(transactions),
                             receiptsRoot: MerklePatriciaTrie.orderedRoot(receipts),
                             logsBloom: [UInt8](repeating: 0, count: 256), difficulty: U256(0), number: UInt64(bytes[1]),
                             gasLimit: 30_000_000, gasUsed: gas, timestamp: 0, extraData: [], mixHash: zero,
                             nonce: [UInt8](repeating: 0, count: 8), baseFeePerGas: U256(7))
    let chosen = Int(bytes[2]) % transactions.count
    let bundle = ReceiptProofBundle(transactionHash: Keccak256.hash(transactions[chosen]), blockNumber: header.number,
                                    blockHash: header.hash, header: header.rlp, transactionIndex: chosen,
                                    transactions: transactions, receipts: receipts)
    let file = Array(bundle.serialized().utf8)
    precondition((try? ReceiptProofBundle.parse(file)) == bundle, "a serialized bundle does not parse back to itself")
    guard let proved = try? bundle.verify() else { preconditionFailure("a consistent bundle does not verify") }
    precondition(proved.transactionIndex == chosen && proved.blockHash == header.hash)
    precondition(proved.gasUsed == 21_000 + UInt64(transactions[chosen].count), "wrong gas used")
    precondition((try? bundle.verify(pinned: zero)) == nil, "verified against another pinned hash")

    var changed = file
    let at = (Int(bytes[3]) << 8 | Int(bytes[1])) % changed.count
    changed[at] = changed[at] &+ (bytes[2] | 1)
    if let accepted = checkReceiptProofFile(changed) {
        var moved = bundle
        moved.transactionIndex = accepted.transactionIndex
        precondition(accepted == moved && transactions[accepted.transactionIndex] == transactions[chosen],
                     "a changed byte at \(at) still verifies")
    }
}

/// Parses and verifies one file; whatever parses must re-serialize to the same bytes and what
/// verifies must be consistent. Returns the bundle when it verified.
@discardableResult
private func checkReceiptProofFile(_ bytes: [UInt8]) -> ReceiptProofBundle? {
    guard let bundle = try? ReceiptProofBundle.parse(bytes) else { return nil }
    precondition(Array(bundle.serialized().utf8) == bytes, "accepted a bundle that re-serializes differently")
    guard let proved = try? bundle.verify() else { return nil }
    precondition(proved.transactionIndex < bundle.transactions.count && bundle.transactions.count == bundle.receipts.count)
    precondition(Keccak256.hash(bundle.transactions[proved.transactionIndex]) == bundle.transactionHash)
    precondition(proved.header.hash == bundle.blockHash && proved.header.number == bundle.blockNumber)
    return bundle
}
