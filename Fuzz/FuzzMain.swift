#if canImport(Glibc)
import Glibc
#endif

// One libFuzzer binary for every target, so SigilCore is compiled with coverage once.
// scripts/fuzz.sh sets SIGIL_FUZZ_TARGET to the name of a target in this table.
// Each target is a function in Fuzz/Fuzz<Name>.swift that must never crash on any input and
// checks its own invariants with `precondition`.
let fuzzTargets: [String: ([UInt8]) -> Void] = [
    "RLPDecoder": fuzzRLPDecoder,
    "JSONParser": fuzzJSONParser,
    "Hex": fuzzHex,
    "TransactionDecoder": fuzzTransactionDecoder,
    "ABIDecoder": fuzzABIDecoder,
    "TypedData": fuzzTypedData,
    "RequestFile": fuzzRequestFile,
    "PayoutCSV": fuzzPayoutCSV,
    "Policy": fuzzPolicy,
    "RLPxFrame": fuzzRLPxFrame,
    "Snappy": fuzzSnappy,
    "EthMessages": fuzzEthMessages,
    "TrieProof": fuzzTrieProof,
    "BlockHeader": fuzzBlockHeader,
    "ReceiptProof": fuzzReceiptProof,
    "EventLogs": fuzzEventLogs,
    "HTTPResponse": fuzzHTTPResponse,
]

nonisolated(unsafe) let selectedTarget: ([UInt8]) -> Void = {
    guard let name = getenv("SIGIL_FUZZ_TARGET").map({ String(cString: $0) }), let target = fuzzTargets[name] else {
        fatalError("set SIGIL_FUZZ_TARGET to one of: \(fuzzTargets.keys.sorted().joined(separator: ", "))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    selectedTarget(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
