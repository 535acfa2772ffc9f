/// The outcome of checking a peer's fork id against our chain (EIP-2124).
public enum ForkIDValidation: Sendable, Equatable {
    /// The peer is on our chain (possibly ahead of or behind us).
    case compatible
    /// The peer is on our chain but has not scheduled a fork we already passed: it needs a
    /// software update. The string says so in one line.
    case remoteStale(String)
    /// The peer is on another chain or another fork, or we are the ones missing a fork.
    case localIncompatibleOrStale(String)

    /// Whether the peer may stay connected.
    public var isCompatible: Bool { self == .compatible }

    /// The one-line reason for an incompatible peer, nil when compatible.
    public var reason: String? {
        switch self {
        case .compatible: return nil
        case .remoteStale(let reason), .localIncompatibleOrStale(let reason): return reason
        }
    }
}

extension ForkSchedule {
    /// Checks a peer's fork id with EIP-2124's rules, our head being `headNumber`/`headTime`,
    /// block forks compared with the head number and time forks with the head time (as
    /// go-ethereum does):
    /// 1. Same checksum as ours: compatible unless the peer's next fork is one we have already
    ///    passed (then we are on different chains).
    /// 2. The checksum of one of our past states: compatible when the peer's next fork is the
    ///    one we passed right after that state, otherwise the peer is stale.
    /// 3. The checksum of one of our future states: we are the ones syncing, compatible.
    /// 4. Anything else: another chain.
    public func validate(remote: ForkID, headNumber: UInt64, headTime: UInt64) -> ForkIDValidation {
        let forks = blockForks + timeForks
        var sums = [CRC32.checksum(genesisHash)]
        for fork in forks { sums.append(Self.checksum(sums[sums.count - 1], adding: fork)) }
        let remoteSum = remote.checksum
        let peer = "peer's fork id \(remote)"
        // A sentinel fork that is never passed ends the walk.
        let walk = forks + [UInt64.max]
        for (index, fork) in walk.enumerated() {
            // With no time forks the sentinel is a block (as in go-ethereum).
            let head = index < blockForks.count || timeForks.isEmpty ? headNumber : headTime
            if head >= fork { continue }
            // `index` is our first fork not yet passed; sums[index] is our current state.
            if sums[index] == remoteSum {
                // Rule 1a: the peer announces a fork we already passed without it.
                // (A next fork above this threshold is a timestamp, compared with our head time.)
                let timestampThreshold: UInt64 = 1_438_269_973
                if remote.next > 0 && (head >= remote.next || (remote.next > timestampThreshold && headTime >= remote.next)) {
                    return .localIncompatibleOrStale("\(peer) schedules a fork at \(remote.next), which \(name) has already passed without it")
                }
                return .compatible
            }
            // Rule 2: the peer is behind us on our chain.
            for past in 0..<index where sums[past] == remoteSum {
                if forks[past] != remote.next {
                    return .remoteStale("\(peer) is stale: it has not scheduled \(name)'s fork at \(forks[past]) (the peer needs a software update)")
                }
                return .compatible
            }
            // Rule 3: the peer is ahead of us on our chain.
            if sums[(index + 1)...].contains(remoteSum) { return .compatible }
            return .localIncompatibleOrStale("\(peer) is not on \(name)'s fork schedule (our fork id is \(forkID(headNumber: headNumber, headTime: headTime)))")
        }
        return .compatible // unreachable: the sentinel is never passed
    }
}
