/// The request-file reader and the raw-unsigned decoder. Neither may crash; an accepted file must
/// serialize and parse back to the same request, and accepted raw bytes must re-encode to themselves.
func fuzzRequestFile(_ bytes: [UInt8]) {
    if let request = try? RequestFile.parse(bytes) {
        let text = RequestFile.serialize(request)
        let again = try? RequestFile.parse(text)
        precondition(again == request, "serialize/parse round trip changed the request")
        _ = TransactionPreview(request)
        _ = try? request.payload()
    }
    if let request = try? TransactionRequest(rawUnsigned: bytes) {
        precondition((try? request.rawUnsigned()) == bytes, "accepted a raw unsigned transaction that does not re-encode")
        _ = TransactionPreview(request)
    }
}
