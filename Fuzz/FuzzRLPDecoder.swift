// libFuzzer target: the strict RLP decoder. Anything it accepts must re-encode to the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRLPDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let item = try? RLP.decode(bytes) {
        precondition(RLP.encode(item) == bytes, "accepted a non-canonical encoding")
    }
    return 0
}
