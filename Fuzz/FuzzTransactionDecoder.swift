/// The transaction decoder (every type, and blob network forms): accepted bytes re-encode exactly,
/// and sender recovery never crashes.
func fuzzTransactionDecoder(_ bytes: [UInt8]) {
    if let transaction = try? SignedTransaction.decode(bytes) {
        if transaction.blobSidecar == nil {
            precondition(transaction.payload.encodedSigned(transaction.signature) == bytes, "re-encoding differs")
        }
        _ = try? transaction.recoverSender()
    }
}
