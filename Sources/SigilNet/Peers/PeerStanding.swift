import Synchronization

/// The peers one command has seen fall behind: a peer still silent when a race's grace ended,
/// while another peer had answered. Later races of the same command give such a peer no grace
/// of its own (its answer is still taken if it comes while the race runs), so a hung peer costs
/// one grace per command, not one per question. An answer in time clears it.
public final class PeerStanding: Sendable {
    private let lagging = Mutex<Set<String>>([])

    public init() {}

    /// Whether `url` was left behind by an earlier race and has not answered since.
    public func isLagging(_ url: String) -> Bool { lagging.withLock { $0.contains(url) } }

    /// Whether every one of `urls` is lagging (true for none).
    func allLagging(_ urls: [String]) -> Bool { lagging.withLock { set in urls.allSatisfy { set.contains($0) } } }

    func markLagging(_ urls: [String]) { lagging.withLock { $0.formUnion(urls) } }

    func answered(_ url: String) { _ = lagging.withLock { $0.remove(url) } }
}
