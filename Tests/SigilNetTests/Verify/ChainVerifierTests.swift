import Foundation
import SigilCore
import SigilNet
import SigilTestSupport
import Testing

/// `ChainVerifier` against the real dev node and real lying or hung peers (FaultPeer): proved
/// accounts, agreement rules (default, `agree`, pinned), and which peers are named as faults.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ChainVerifierTests {
    typealias S = VerifyTestSupport
    let node: DevNode

    init() throws { node = try DevNode() }

    func verifier(_ peers: [String], timeout: Double = 10, _ settings: VerificationSettings = VerificationSettings()) -> ChainVerifier {
        ChainVerifier(peers: peers, timeout: timeout, settings: settings)
    }

    /// The proved account equals the node's own balance and nonce at the node's latest block.
    func expectMatchesNode(_ proved: Verified<ProvedAccount>, _ address: Address) throws {
        let latest = try S.latest(node)
        #expect(proved.block.number == latest.number && proved.block.hash == latest.hash)
        #expect(proved.block.header.hash == latest.hash)
        #expect(proved.value.address == address)
        #expect(proved.value.state.balance == (try S.balance(node, address)))
        #expect(proved.value.state.nonce == (try S.quantity(node.rpc("eth_getTransactionCount", [Hex.encode(address.bytes), "latest"]))))
        #expect(proved.proof == "account proof against stateRoot")
    }

    @Test("one peer: its account proof is checked and used")
    func onePeer() throws {
        _ = try S.mine(try NetTestSupport.transfer(from: 1, nonce: 0), on: node)
        let address = try NetTestSupport.key(1).address
        let proved = try verifier([node.url]).account(address)
        try expectMatchesNode(proved, address)
        #expect(proved.value.state.nonce == 1)
        #expect(proved.block.agreeing == [node.url] && proved.block.asked == [node.url] && proved.provedBy == node.url)
        #expect(proved.block.faults.isEmpty && !proved.block.pinned)
        // An account never used: a proof of absence, all zero.
        let empty = try verifier([node.url]).account(try Address(bytes: [UInt8](repeating: 0x5a, count: 20)))
        #expect(empty.value.state.balance == .zero && empty.value.state.nonce == 0)
    }

    @Test("two agreeing peers: both named as agreeing, no fault")
    func twoAgreeingPeers() throws {
        let honest = try FaultPeer(upstream: node, .honest)
        let address = try NetTestSupport.key(2).address
        let proved = try verifier([node.url, honest.url]).account(address)
        try expectMatchesNode(proved, address)
        #expect(proved.block.agreeing == [node.url, honest.url] && proved.block.asked.count == 2)
        #expect(proved.block.faults.isEmpty)
    }

    @Test("agree 1 with a hung peer first: the answer does not wait for it, and it is named as not answering")
    func agreeOneDoesNotWaitForAHungPeer() throws {
        let hung = try FaultPeer(upstream: node, .hang)
        let address = try NetTestSupport.key(3).address
        let start = Date()
        let proved = try verifier([hung.url, node.url], timeout: 20, VerificationSettings(agree: 1)).account(address)
        print("agree 1 beside a hung peer (timeout 20 s): returned after \(Date().timeIntervalSince(start)) s")
        try expectMatchesNode(proved, address)
        #expect(proved.provedBy == node.url && proved.block.agreeing == [node.url])
        #expect(proved.block.faults.map(\.url) == [hung.url])
        #expect(proved.block.faults.first?.invalid == false)
    }

    /// With the default rule every configured peer up to 2 must agree: one honest peer beside a
    /// hung one is not enough, so the read fails (after the hung peer's timeout) rather than
    /// trusting a single peer; the hung peer is listed as unusable, not as a liar.
    @Test("default rule, honest + hung: no agreement once the hung peer times out")
    func defaultRuleNeedsTwoOfTwo() throws {
        let hung = try FaultPeer(upstream: node, .hang)
        let start = Date()
        #expect {
            try verifier([node.url, hung.url], timeout: 2).account(try NetTestSupport.key(3).address)
        } throws: { error in
            print("default rule, honest + hung (timeout 2 s): failed after \(Date().timeIntervalSince(start)) s")
            guard case .noAgreement(_, let required, let votes, let failures) = error as? VerificationError else { return false }
            return required == 2 && votes.map(\.url) == [node.url] && failures.map(\.url) == [hung.url] && failures[0].invalid == false
        }
    }

    /// Two honest peers of three make the quorum; the hung third gets a grace (as long again as
    /// the quorum took, at least 0.25 s), then is named as not answering, and the read is proved.
    @Test("default rule, 2 honest + hung: proved after the grace, the hung peer named as not answering")
    func defaultRuleGraceForTheThirdPeer() throws {
        let honest = try FaultPeer(upstream: node, .honest)
        let hung = try FaultPeer(upstream: node, .hang)
        let address = try NetTestSupport.key(4).address
        let start = Date()
        let proved = try verifier([node.url, hung.url, honest.url], timeout: 20).account(address)
        print("default rule, 2 honest + hung (timeout 20 s): returned after \(Date().timeIntervalSince(start)) s")
        try expectMatchesNode(proved, address)
        #expect(proved.block.agreeing == [node.url, honest.url] && proved.block.asked.count == 3)
        #expect(proved.block.faults == [PeerFault(url: hung.url, reason: "no answer in time", invalid: false)])
    }

    @Test("a pinned block hash: the state at that block, proved without agreement; an unknown pin is refused")
    func pinnedBlockHash() throws {
        let address = try NetTestSupport.key(5).address
        _ = try S.mine(try NetTestSupport.transfer(from: 5, nonce: 0), on: node)
        let pinned = try S.latest(node)
        let balanceThen = try S.balance(node, address)
        _ = try S.mine(try NetTestSupport.transfer(from: 5, nonce: 1), on: node)
        #expect(try S.balance(node, address) != balanceThen)

        let fake = try FaultPeer(upstream: node, .fakeChain)
        let proved = try verifier([fake.url, node.url], VerificationSettings(pinnedBlockHash: pinned.hash)).account(address)
        #expect(proved.block.pinned && proved.block.hash == pinned.hash && proved.block.number == pinned.number)
        #expect(proved.value.state.balance == balanceThen && proved.value.state.nonce == 1)
        #expect(proved.provedBy == node.url)

        let unknown = [UInt8](repeating: 0xab, count: 32)
        #expect {
            try verifier([node.url], VerificationSettings(pinnedBlockHash: unknown)).account(address)
        } throws: { error in
            guard case .pinnedBlockUnavailable(let hash, let faults) = error as? VerificationError else { return false }
            return hash == Hex.encode(unknown) && faults.map(\.url) == [node.url]
        }
    }

    @Test("a peer on a fake chain: no agreement by default, both hashes listed")
    func fakeChainIsNoAgreement() throws {
        let fake = try FaultPeer(upstream: node, .fakeChain)
        let latest = try S.latest(node)
        #expect {
            try verifier([fake.url, node.url]).account(try NetTestSupport.key(6).address)
        } throws: { error in
            guard case .noAgreement(let block, let required, let votes, _) = error as? VerificationError else { return false }
            let said = Dictionary(uniqueKeysWithValues: votes.map { ($0.url, $0.hash) })
            return block == "#\(latest.number)" && required == 2 && said[node.url] == latest.hash
                && said[fake.url] != nil && said[fake.url] != latest.hash
        }
        // The honest peer alone: its header, hashing to the node's latest block hash.
        let header = try verifier([node.url]).header(at: .latest)
        #expect(header.hash == latest.hash && header.header.hash == latest.hash)
    }
}
