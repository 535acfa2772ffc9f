/// Event logs and revert data from hostile input. The first byte picks an event (a common one
/// or one with dynamic and indexed dynamic parameters) and how many 32-byte topics follow;
/// the rest is the log data. A decoded log has one field per parameter, hashed exactly for the
/// indexed dynamic ones, and its text shows no control character. The same bytes read as
/// revert data always give a one-line, escaped reason.
private let fuzzEvents: [ABIEvent] = KnownEvents.all.map(\.event) + [
    "Note(string indexed tag, string text, bytes32 indexed id, (uint8,bytes)[] items)",
    "Raw(bytes data) anonymous",
].map { try! ABIEvent(parsing: $0) }

private let fuzzErrors = [try! ABIErrorSignature(parsing: "Custom(string reason, uint256[] codes)")]

func fuzzEventLogs(_ bytes: [UInt8]) {
    guard let first = bytes.first else { return }
    let event = fuzzEvents[Int(first) % fuzzEvents.count]
    let topicCount = Int(first >> 5) % 5
    let body = Array(bytes.dropFirst())
    var topics: [[UInt8]] = []
    for index in 0..<topicCount where body.count >= (index + 1) * 32 {
        topics.append(Array(body[(index * 32)..<((index + 1) * 32)]))
    }
    if !event.anonymous && !topics.isEmpty && first & 1 == 1 { topics[0] = event.topic0 }
    let data = Array(body.dropFirst(topics.count * 32))
    if let decoded = try? event.decodeLog(topics: topics, data: data) {
        precondition(decoded.fields.count == event.inputs.count, "a field is missing")
        for (field, parameter) in zip(decoded.fields, event.inputs) where parameter.indexed {
            if case .hashed = field.value { precondition(parameter.isHashedWhenIndexed, "a value type came out hashed") }
        }
        precondition(!DisplayText.needsEscaping(decoded.description), "decoded text is not escaped")
        _ = decoded.json.serialized()
    }
    _ = KnownEvents.decode(topics: topics, data: data)
    let reason = RevertReason(data: bytes, errorSignatures: fuzzErrors)
    precondition(!DisplayText.needsEscaping(reason.description), "revert reason is not escaped")
    precondition(!reason.description.contains("\n"), "revert reason spans lines")
    _ = reason.json.serialized()
}
