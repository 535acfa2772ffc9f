import SigilCLI
import SigilCore
import SigilNet

/// How proved and unproved answers are shown: a `verified`/`unverified` line in text, a
/// `verification` object in JSON, and one warning per peer that lied, disagreed or was silent.
enum VerificationOutput {
    /// One warning line per peer that could not be used; a peer caught serving something that
    /// does not check out is called out as such.
    static func warnFaults(_ faults: [PeerFault]) {
        for fault in faults {
            let kind = fault.invalid ? "served an answer that does not check out" : "was not used"
            StandardStreams.writeWarning("peer \(fault.url) \(kind): \(fault.reason)")
        }
    }

    /// The text line and JSON object of a proved answer (after warning about its faults).
    static func proved<T>(_ verified: Verified<T>) -> (field: (String, String), json: (String, JSONValue)) {
        warnFaults(verified.block.faults)
        return (("verified", String(verified.summary.dropFirst("verified: ".count))), ("verification", verified.json))
    }

    static let notServed = "no peer serves the proof it needs"

    /// The proved value, or nil (after a warning) when no peer serves the proof: the caller then
    /// falls back to the peers' word, labelled. Lies and disagreement still throw.
    static func unlessNotServed<T>(_ body: () throws -> Verified<T>) throws -> Verified<T>? {
        do { return try body() } catch {
            guard case VerificationError.proofsNotServed(let what, let faults) = error else { throw error }
            StandardStreams.writeWarning("no peer serves the proof of \(what) (\(faults.map(\.url).joined(separator: ", "))): "
                                         + "the answer below is the peers' word, unverified")
            return nil
        }
    }

    /// The text line and JSON object of an answer taken on a peer's word.
    static func unproved(_ reason: String) -> (field: (String, String), json: (String, JSONValue)) {
        (("verified", "NO: \(reason); taken on the peer's word"), ("verification", Unverified.json(reason: reason)))
    }
}
