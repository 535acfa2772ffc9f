// libFuzzer target: strict hex decoding of arbitrary (possibly invalid UTF-8) text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let bytes = try? Hex.decode(text, prefix: .optional) {
        precondition(Hex.encode(bytes, prefix: false) == text.lowercased().replacing("0x", with: "", maxReplacements: 1),
                     "decode/encode mismatch")
    }
    return 0
}
