// libFuzzer target: the payout CSV parser. It must never crash; anything it accepts must have
// unique, non-empty ids, an amount for every ether row, and parse again to the same batch.
func fuzzPayoutCSV(_ bytes: [UInt8]) {
    guard let batch = try? PayoutBatch.parse(bytes, maxRows: 1000) else { return }
    precondition(Set(batch.rows.map(\.id)).count == batch.rows.count, "duplicate ids accepted")
    for row in batch.rows {
        precondition(!row.id.isEmpty, "empty id accepted")
        precondition((row.token == nil) == (row.wei != nil), "ether row without an amount")
    }
    precondition((try? PayoutBatch.parse(bytes, maxRows: 1000)) == batch, "not deterministic")
}
