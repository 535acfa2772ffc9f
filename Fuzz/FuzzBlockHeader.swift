/// The block header decoder: an accepted input re-encodes to the same bytes, hashes to
/// keccak256 of them and passes `validate()`; receipts likewise round-trip.
func fuzzBlockHeader(_ bytes: [UInt8]) {
    if let header = try? BlockHeader(rlp: bytes) {
        precondition(header.rlp == bytes, "accepted a header that re-encodes differently")
        precondition(header.hash == Keccak256.hash(bytes), "hash is not keccak256 of the header RLP")
        precondition((try? header.validate()) != nil, "a decoded header fails validate()")
        precondition([15, 16, 17, 20, 21].contains(header.fieldCount))
    }
    if let receipt = try? Receipt(encoded: bytes) {
        precondition(receipt.encoded == bytes, "accepted a receipt that re-encodes differently")
        _ = receipt.bloomMatchesLogs
    }
}
