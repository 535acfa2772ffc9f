/// The strict RLP decoder: anything it accepts must re-encode to the same bytes.
func fuzzRLPDecoder(_ bytes: [UInt8]) {
    if let item = try? RLP.decode(bytes) {
        precondition(RLP.encode(item) == bytes, "accepted a non-canonical encoding")
    }
}
