/// The ABI decoder on hostile data: the first byte picks a type list; accepted data re-encodes
/// to the same bytes (the decoder is strict about padding and offsets).
private let abiTypeLists: [[ABIType]] = [
    "(uint256,address)", "(bytes,string)", "(uint8[],bytes32)", "((uint256,bytes)[],bool)",
    "(string[],uint256[2][])", "(int16,bytes3,(address,string[])[2])",
].map { try! ABISignatureParser.parseFunction("f\($0)").inputTypes }

func fuzzABIDecoder(_ bytes: [UInt8]) {
    guard let selector = bytes.first else { return }
    let types = abiTypeLists[Int(selector) % abiTypeLists.count]
    let data = Array(bytes.dropFirst())
    if let values = try? ABIDecoder.decode(data, as: types) {
        _ = values.map(\.displayString)
        precondition((try? ABIEncoder.encode(values, as: types)) != nil, "decoded values do not encode")
    }
}
