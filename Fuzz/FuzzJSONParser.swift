// libFuzzer target: the strict JSON parser. Accepted documents must survive a round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let value = try? JSONParser.parse(bytes) {
        precondition((try? JSONParser.parse(value.serialized())) == value, "round trip changed the document")
    }
    return 0
}
