/// HTTP responses, the first bytes any peer sends (Sources/SigilNet/Transport/HTTPResponseParser.swift,
/// compiled into the fuzz binary on its own): never a crash, and the bytes arriving in two parts
/// give the same response (or a failure) as all at once, since the parser runs on a growing buffer.
func fuzzHTTPResponse(_ bytes: [UInt8]) {
    guard bytes.count <= 60_000 else { return }   // the 64 KiB header limit applies to a prefix
    func parse(cuts: [Int]) -> String {
        var parser = HTTPResponseParser()
        for (index, cut) in cuts.enumerated() {
            do {
                if case .complete(let response) = try parser.step(Array(bytes[0..<cut]), closed: index == cuts.count - 1) {
                    precondition(response.status >= 200 && response.status <= 999, "status \(response.status)")
                    return "\(response.status) \(response.headers.map { $0.name + ":" + $0.value }) \(response.body)"
                }
            } catch {
                return "failure"
            }
        }
        return "incomplete"
    }
    let whole = parse(cuts: [bytes.count])
    precondition(whole != "incomplete", "a closed connection must end the parse")
    for cut in Set([bytes.count / 3, bytes.count / 2, (2 * bytes.count) / 3]) where cut < bytes.count {
        let parts = parse(cuts: [cut, bytes.count])
        precondition(parts == whole, "split at \(cut): \(parts) vs \(whole)")
    }
}
