/// The EIP-712 parser and hasher on arbitrary JSON text.
func fuzzTypedData(_ bytes: [UInt8]) {
    guard let json = try? JSONParser.parse(bytes), let document = try? TypedData(json: json) else { return }
    precondition(document.signingHash.count == 32)
    _ = document.summary
}
