/// Strict hex decoding of arbitrary (possibly invalid UTF-8) text.
func fuzzHex(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    if let decoded = try? Hex.decode(text, prefix: .optional) {
        precondition(Hex.encode(decoded, prefix: false) == text.lowercased().replacing("0x", with: "", maxReplacements: 1),
                     "decode/encode mismatch")
    }
}
