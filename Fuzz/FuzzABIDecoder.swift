/// The ABI decoder on hostile data: the first byte picks a type list. Accepted data must give
/// values that encode again, and that canonical encoding must decode to the same values. It is
/// not required to be the input's bytes: the decoder accepts any in-bounds offsets, so two
/// offsets may point at the same tail (aliasing) or tails may come in another order, which
/// `abi.encode` never writes.
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
        guard let encoded = try? ABIEncoder.encode(values, as: types) else {
            preconditionFailure("decoded values do not encode")
        }
        precondition((try? ABIDecoder.decode(encoded, as: types)) == values, "the canonical encoding does not decode to the same values")
    }
}
