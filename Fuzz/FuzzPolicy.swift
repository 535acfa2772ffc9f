/// The policy reader and engine. Parsing must never crash; an accepted policy must give the
/// same decision twice, and a refusal must name one of the policy's rules. The input is split
/// at the first NUL byte: policy JSON, then a request file evaluated against it.
func fuzzPolicy(_ bytes: [UInt8]) {
    let split = bytes.firstIndex(of: 0) ?? bytes.count
    guard let policy = try? SigningPolicy.parse(Array(bytes[..<split])) else { return }
    let request: TransactionRequest? = split < bytes.count ? try? RequestFile.parse(Array(bytes[(split + 1)...])) : nil
    guard let request else {
        _ = PolicyEngine(policy: policy, clock: { 0 }).evaluateMessage()
        return
    }
    let engine = PolicyEngine(policy: policy, clock: { 86_400 * 20_000 })
    let state = PolicyState(day: 20_000, spentWei: 1)
    let decision = engine.evaluate(request: request, state: state)
    precondition(decision == engine.evaluate(request: request, state: state), "policy decision is not deterministic")
    if case .refused(let rule, _) = decision {
        precondition(SigningPolicy.keys.contains(rule), "refusal names an unknown rule \(rule)")
    } else {
        _ = engine.recording(request, in: state)
    }
}
