import Foundation
import SigilCore
@testable import SigilNet
import Testing

@Suite("ChainIdentity")
struct ChainIdentityTests {
    @Test("built in: mainnet and sepolia; another chain without a schedule or an RPC peer is unknown")
    func builtInAndUnknown() throws {
        let mainnet = try ChainIdentity.resolve(chainId: 1, rpc: nil, timeout: 1, now: 1_800_000_000)
        #expect(mainnet.genesisHash == ForkSchedule.mainnet.genesisHash)
        #expect(mainnet.forkID == ForkSchedule.mainnet.forkID(headNumber: UInt64(Int64.max), headTime: 1_800_000_000))
        #expect(try ChainIdentity.resolve(chainId: 11_155_111, rpc: nil, timeout: 1).schedule == .sepolia)
        #expect {
            try ChainIdentity.resolve(chainId: 4242, rpc: nil, timeout: 1)
        } throws: { error in
            guard case DevP2PError.unknownChain(let reason) = error else { return false }
            return reason.contains("4242") && reason.contains("[forks]") && reason.contains("--rpc")
        }
    }

    @Test("a configured schedule: its genesis and fork id, head past every block fork, time forks by the clock")
    func configuredWithoutRPC() throws {
        let genesis = [UInt8](repeating: 0x5A, count: 32)
        let schedule = ForkSchedule(name: "devnet", chainID: 4242, genesisHash: genesis, genesisTime: 10,
                                    blockForks: [100, 200], timeForks: [5_000, 9_000])
        let before = try ChainIdentity.resolve(chainId: 4242, rpc: nil, timeout: 1, now: 6_000, configured: schedule)
        #expect(before.genesisHash == genesis && before.headHash == genesis && before.networkId == 4242)
        // Both block forks and the first time fork are past; the next one is announced.
        #expect(before.forkID == schedule.forkID(headNumber: 300, headTime: 6_000))
        #expect(before.forkID.next == 9_000)
        #expect(before.forkID != ForkSchedule.allAtGenesis(chainID: 4242, genesisHash: genesis).forkID(headNumber: 0, headTime: 0))
        let after = try ChainIdentity.resolve(chainId: 4242, rpc: nil, timeout: 1, now: 10_000, configured: schedule)
        #expect(after.forkID.next == 0 && after.forkID != before.forkID)
    }

    @Test("a configured schedule decides compatibility with a live peer")
    func configuredAgainstAPeer() throws {
        let chain = DevP2PTestChain.make(networkId: 4242)
        let peer = try DevP2PLoopbackPeer(chain: chain)
        defer { peer.stop() }
        // The same genesis, no forks after it: what the peer runs.
        let same = try ChainIdentity.resolve(chainId: 4242, rpc: nil, timeout: 1, configured:
            ForkSchedule(name: "same", chainID: 4242, genesisHash: chain.genesisHash, genesisTime: 0, blockForks: [], timeForks: []))
        let session = try DevP2PSession.open(peer.enode, key: .generate(), chain: same, clientId: "sigil/test",
                                             deadline: MonotonicClock.now() + 5)
        session.disconnect(.requested, deadline: MonotonicClock.now() + 1)
        // A fork at block 1 the peer does not have: we are past it, the peer is stale.
        let forked = try ChainIdentity.resolve(chainId: 4242, rpc: nil, timeout: 1, configured:
            ForkSchedule(name: "forked", chainID: 4242, genesisHash: chain.genesisHash, genesisTime: 0, blockForks: [1], timeForks: []))
        #expect {
            try DevP2PSession.open(peer.enode, key: .generate(), chain: forked, clientId: "sigil/test",
                                   deadline: MonotonicClock.now() + 5)
        } throws: { error in
            guard case DevP2PError.incompatible(_, let reason) = error else { return false }
            return reason.contains("fork id")
        }
    }
}
