/// Snappy: the decoder never crashes and never returns more than it declared or the maximum;
/// whatever it decodes, and the raw input itself, round-trip through our encoder.
func fuzzSnappy(_ bytes: [UInt8]) {
    let maximum = 1 << 20
    if let output = try? Snappy.decompress(bytes, maximumLength: maximum) {
        precondition(output.count <= maximum, "decoded past the maximum")
        precondition((try? Snappy.decompressedLength(bytes)) == output.count, "length header disagrees with the output")
        precondition((try? Snappy.decompress(Snappy.compress(output))) == output, "round trip of a decoded block failed")
    }
    let compressed = Snappy.compress(bytes)
    precondition((try? Snappy.decompress(compressed, maximumLength: bytes.count)) == bytes, "round trip of the input failed")
}
