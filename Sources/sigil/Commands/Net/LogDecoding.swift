import SigilCLI
import SigilCore
import SigilNet

/// Which events `sigil logs` decodes a log with: those given with --event (their topic 0 is
/// also the filter's), else the ones Sigil knows (`KnownEvents`).
struct LogDecoding {
    let events: [ABIEvent]

    init(events declarations: [String]) throws {
        events = try declarations.map { try ABIEvent(parsing: $0) }
    }

    /// The topic 0 values the filter requires: nil without --event, or when one of them is
    /// anonymous (it has no topic 0 to ask for).
    var topic0s: [[UInt8]]? {
        events.isEmpty || events.contains(where: \.anonymous) ? nil : events.map(\.topic0)
    }

    /// The log decoded by the first event that decodes it, or nil (then it is shown raw).
    func decode(_ log: EventLog) -> DecodedEvent? {
        guard !events.isEmpty else { return KnownEvents.decode(topics: log.topics, data: log.data)?.event }
        for event in events where event.anonymous || log.topics.first.map({ $0 == event.topic0 }) == true {
            if let decoded = try? event.decodeLog(topics: log.topics, data: log.data) { return decoded }
        }
        return nil
    }
}
