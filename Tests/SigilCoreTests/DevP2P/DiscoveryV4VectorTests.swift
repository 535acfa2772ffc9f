import Foundation
import SigilCore
import SigilTestSupport
import Testing

private typealias T = RLPxTestSupport

/// The discovery v4 packets of the EIP-8 vector file. Sigil has no discovery, but the packets
/// are checked with our primitives: hash = keccak256(signature || type || data), the signature
/// over keccak256(type || data) recovers node_key, and the data starts with an RLP list
/// (followed, per EIP-8, by extra list elements and random bytes).
@Suite struct DiscoveryV4VectorTests {
    @Test(TestEnvironment.vectorsTrait)
    func packetsAreSignedByNodeKey() throws {
        let root = try #require(Vectors.json("rlpx_eip8_handshake.json") as? [String: Any])
        let discovery = try #require(root["discovery_v4"] as? [String: Any])
        let nodeKey = T.key(try #require(discovery["node_key"] as? String)).publicKey
        let packets = try #require(discovery["packets"] as? [[String: String]])
        #expect(packets.count == 5)
        for packet in packets {
            let label = packet["label"] ?? "?"
            let bytes = T.bytes(try #require(packet["packet_hex"]))
            #expect(Array(bytes[0..<32]) == Keccak256.hash(Array(bytes[32...])), "\(label)")
            let signature = try Signature(bytes: Array(bytes[32..<97]))
            #expect(try signature.recoverPublicKey(digest: Keccak256.hash(Array(bytes[97...]))) == nodeKey, "\(label)")
            #expect((1...4).contains(bytes[97]), "\(label)")
            #expect(try RLP.decodePrefix(bytes, from: 98).item.listValue != nil, "\(label)")
        }
    }
}
