import SigilCLI
import SigilCore
import SigilNet

/// Which events `sigil logs` decodes: those given with --event, else the ones Sigil knows.
struct LogDecoding {
    /// The topic 0 values the --event signatures require (nil: no --event).
    let topic0s: [[UInt8]]?

    init(events: [String]) throws {
        topic0s = events.isEmpty ? nil : []
    }

    /// STUB until the event decoder lands.
    struct Decoded {
        var description: String { "" }
        var json: JSONValue { .null }
    }

    func decode(_ log: EventLog) -> Decoded? { nil }
}
