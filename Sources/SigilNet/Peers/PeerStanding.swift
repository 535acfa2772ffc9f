import SigilCore
import Synchronization

/// The peers seen fall behind: a peer still silent when a race's grace ended, while another
/// peer had answered. Later races give such a peer no grace of their own (its answer is still
/// taken if it comes while the race runs), so a hung peer costs one grace, not one per question.
/// An answer in time clears the mark.
///
/// With a `PeerStandingFile`, marks outlive the command: a peer marked by one command gets no
/// grace in the commands that follow for `PeerStandingFile.memory` seconds (then it is given
/// one again), so a dead peer left in a config costs its grace once every ten minutes, not on
/// every send.
public final class PeerStanding: Sendable {
    private struct State {
        /// Marked by this process.
        var lagging: Set<String> = []
        /// Marked by earlier commands (still in memory): the file's keys, with when they were marked.
        var remembered: [String: Int64] = [:]
    }

    private let state: Mutex<State>
    private let file: PeerStandingFile?

    public init(file: PeerStandingFile? = nil) {
        self.file = file
        state = Mutex(State(remembered: file?.load() ?? [:]))
    }

    /// Whether `url` was left behind by an earlier race (or command) and has not answered since.
    public func isLagging(_ url: String) -> Bool { state.withLock { Self.lagging(url, in: $0) } }

    /// Whether `url` is lagging because an earlier command marked it (read from the file).
    public func fellBehindInAnEarlierCommand(_ url: String) -> Bool {
        state.withLock { Self.remembered(url, in: $0) }
    }

    /// Whether every one of `urls` is lagging (true for none).
    func allLagging(_ urls: [String]) -> Bool { state.withLock { state in urls.allSatisfy { Self.lagging($0, in: state) } } }

    func markLagging(_ urls: [String]) {
        let added = state.withLock { state -> [String] in
            var added: [String] = []
            for url in urls where !state.lagging.contains(url) {
                state.lagging.insert(url)
                let key = PeerStandingFile.key(url)
                if state.remembered[key] == nil { added.append(key) }
            }
            return added
        }
        if let file, !added.isEmpty { file.update(marked: added, cleared: []) }
    }

    func answered(_ url: String) {
        let cleared = state.withLock { state -> Bool in
            state.lagging.remove(url)
            return state.remembered.removeValue(forKey: PeerStandingFile.key(url)) != nil
        }
        if let file, cleared { file.update(marked: [], cleared: [PeerStandingFile.key(url)]) }
    }

    private static func lagging(_ url: String, in state: State) -> Bool {
        state.lagging.contains(url) || remembered(url, in: state)
    }

    /// Marked by an earlier command (the key is hashed only when there are marks to look in).
    private static func remembered(_ url: String, in state: State) -> Bool {
        !state.remembered.isEmpty && state.remembered[PeerStandingFile.key(url)] != nil
    }
}
