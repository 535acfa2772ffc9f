import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

private typealias T = RLPxTestSupport

@Suite struct P2PHelloTests {
    /// The EIP-8 devp2p Hello: version 55 (0x37), extra list elements at the end.
    @Test(TestEnvironment.vectorsTrait)
    func parsesVectorHello() throws {
        let root = try #require(Vectors.json("rlpx_eip8_handshake.json") as? [String: Any])
        let entry = try #require(root["devp2p_hello"] as? [String: Any])
        let hello = try P2PHello(decoding: T.bytes(try #require(entry["packet_hex"] as? String)))
        #expect(hello.protocolVersion == 0x37)
        #expect(hello.clientID == "kneth/v0.91/plan9")
        #expect(hello.capabilities == [Capability(name: "eth", version: 61), Capability(name: "mork", version: 22)])
        #expect(hello.capabilities.map(\.description) == ["eth/61", "mork/22"])
        #expect(hello.listenPort == 9999)
        #expect(hello.nodeID == T.bytes(
            "fda1cff674c90c9a197539fe3dfb53086ace64f83ed7c6eabec741f7f381cc803e52ab2cd55d5569bce4347107a310dfd5f88a010cd2ffd1005ca406f1842877"))
    }

    @Test func roundTrip() throws {
        let hello = P2PHello(clientID: "Sigil/0.8", capabilities: [Capability(name: "eth", version: 68)],
                             nodeID: PrivateKey.generate().publicKey.raw)
        #expect(hello.protocolVersion == 5 && hello.listenPort == 0)
        #expect(try P2PHello(decoding: hello.encoded()) == hello)
    }

    @Test func rejectsMalformedHellos() {
        let node = RLPItem.bytes([UInt8](repeating: 1, count: 64))
        let cases: [RLPItem] = [
            .bytes([1]),
            .list([.uint(UInt64(5)), .string("x"), .list([]), .uint(UInt64(0))]),                        // 4 fields
            .list([.list([]), .string("x"), .list([]), .uint(UInt64(0)), node]),                       // version a list
            .list([.uint(UInt64(5)), .string("x"), .list([.list([.string("eth")])]), .uint(UInt64(0)), node]),  // cap without version
            .list([.uint(UInt64(5)), .string("x"), .list([]), .uint(UInt64(0)), .bytes([1, 2])]),      // short node id
        ]
        for item in cases {
            #expect(throws: RLPxError.self, "\(item)") { try P2PHello(decoding: RLP.encode(item)) }
        }
        #expect(throws: RLPxError.self) { try P2PHello(decoding: []) }
    }

    // MARK: Disconnect

    @Test func disconnectReasonForms() {
        #expect(DisconnectReason.encode(.tooManyPeers) == [0xC1, 0x04])
        #expect(DisconnectReason.decode(payload: [0xC1, 0x04]).reason == .tooManyPeers)
        #expect(DisconnectReason.decode(payload: [0xC1, 0x04]).words == "too many peers")
        #expect(DisconnectReason.decode(payload: [0x04]).reason == .tooManyPeers)               // bare integer
        #expect(DisconnectReason.decode(payload: [0xC1, 0x80]).reason == .requested)            // [0]
        #expect(DisconnectReason.decode(payload: [0x80]).reason == .requested)
        #expect(DisconnectReason.decode(payload: [0xC0]).words == "no reason given")
        #expect(DisconnectReason.decode(payload: []).code == nil)
        #expect(DisconnectReason.decode(payload: [0xC1, 0x2A]).words == "unknown reason 0x2a")
        #expect(DisconnectReason.decode(payload: [0xC1, 0x10]).description == "subprotocol error")
        #expect(DisconnectReason.decode(payload: [0xC2, 0x04, 0x05]).reason == .tooManyPeers)  // extra elements
        #expect(DisconnectReason.decode(payload: [0xFF, 0x01]).words.hasPrefix("unreadable reason"))
        for reason in DisconnectReason.allCases {
            #expect(DisconnectReason.decode(payload: DisconnectReason.encode(reason)).reason == reason)
            #expect(!reason.words.isEmpty)
        }
        #expect(Set(DisconnectReason.allCases.map(\.words)).count == DisconnectReason.allCases.count)
    }

    @Test func messageIDsAndPing() {
        #expect([P2PMessageID.hello, P2PMessageID.disconnect, P2PMessageID.ping, P2PMessageID.pong] == [0, 1, 2, 3])
        #expect(P2PPing.payload == RLP.encode(.list([])))
    }
}
