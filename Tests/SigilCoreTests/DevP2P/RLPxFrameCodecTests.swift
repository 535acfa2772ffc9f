import Foundation
@testable import SigilCore
import SigilTestSupport
import Testing

private typealias T = RLPxTestSupport

/// Frames between two codecs built from one random handshake: round trips and rejections.
@Suite struct RLPxFrameCodecTests {
    /// (initiator's codec, recipient's codec).
    private static func codecs() throws -> (RLPxFrameCodec, RLPxFrameCodec) {
        let (initiator, recipient) = try T.handshakePair()
        return (try RLPxFrameCodec(secrets: try initiator.secrets()), try RLPxFrameCodec(secrets: try recipient.secrets()))
    }

    private static func deliver(_ frame: [UInt8], to codec: RLPxFrameCodec) throws -> (messageID: UInt64, payload: [UInt8]) {
        let rest = try codec.decodeHeader(Array(frame[0..<RLPxFrameCodec.headerLength]))
        #expect(rest == frame.count - RLPxFrameCodec.headerLength)
        return try codec.decodeBody(Array(frame[RLPxFrameCodec.headerLength...]))
    }

    /// The MAC-seed block cipher (OpenSSL.swift's AESBlockCipher) is AES-256: FIPS-197 C.3.
    @Test func macSeedCipherIsAES256() throws {
        var key = (0..<32).map { UInt8($0) }
        let cipher = try AESBlockCipher(aes256Key: SecureBytes(consuming: &key))
        #expect(try cipher.encryptBlock(T.bytes("00112233445566778899aabbccddeeff")) == T.bytes("8ea2b7ca516745bfeafc49904b496089"))
        #expect(throws: CryptoError.self) { try cipher.encryptBlock([1, 2, 3]) }
    }

    @Test func manyFramesBothWays() throws {
        var rng = SystemRandomNumberGenerator()
        let (a, b) = try Self.codecs()
        for i in 0..<300 {
            let count = i % 7 == 0 ? Int.random(in: 0...5000, using: &rng) : Int.random(in: 0...40, using: &rng)
            let payload = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let id = [UInt64(0), 1, 2, 3, 0x10, 0x12, 0x7F, 0x80, 0x1234, .max][i % 10]
            let (sender, receiver) = Bool.random(using: &rng) ? (a, b) : (b, a)
            let frame = try sender.encode(messageID: id, payload: payload)
            #expect(frame.count % 16 == 0)
            let message = try Self.deliver(frame, to: receiver)
            #expect(message.messageID == id)
            #expect(message.payload == payload)
        }
    }

    /// The header is size || RLP [0, 0] || zeros, encrypted with AES-256-CTR(aes-secret, iv 0).
    @Test func headerLayout() throws {
        let (initiator, _) = try T.handshakePair()
        let secrets = try initiator.secrets()
        let codec = try RLPxFrameCodec(secrets: secrets)
        let frame = try codec.encode(messageID: 0x10, payload: [1, 2, 3])
        let plain = try OpenSSL.aes256CTR(key: secrets.aesSecret, iv: [UInt8](repeating: 0, count: 16), Array(frame[0..<16]))
        #expect(plain == [0, 0, 4, 0xC2, 0x80, 0x80] + [UInt8](repeating: 0, count: 10))
        #expect(frame.count == 32 + 16 + 16)
    }

    /// One flipped bit anywhere is caught by the MAC that covers it.
    @Test(arguments: [(0, "frame header"), (20, "frame header"), (40, "frame"), (70, "frame")])
    func flippedBitIsRejected(position: Int, what: String) throws {
        let (a, b) = try Self.codecs()
        var frame = try a.encode(messageID: 0x12, payload: [UInt8](repeating: 0xAB, count: 30))  // 32 + 32 + 16 = 80 bytes
        #expect(frame.count == 80)
        frame[position] ^= 0x04
        #expect(throws: RLPxError.badMAC(what)) { try Self.deliver(frame, to: b) }
        #expect(RLPxError.badMAC(what).description == "peer sent a \(what) with a bad MAC")
    }

    @Test func oversizedFrameIsRejected() throws {
        let (a, b) = try Self.codecs()
        b.frameSizeLimit = 1024
        let frame = try a.encode(messageID: 0x12, payload: [UInt8](repeating: 7, count: 2000))
        #expect(throws: RLPxError.badSize(2001)) { try b.decodeHeader(Array(frame[0..<32])) }
        #expect(throws: RLPxError.badSize(RLPxFrameCodec.maximumFrameSize + 1)) {
            try a.encode(messageID: 0, payload: [UInt8](repeating: 0, count: RLPxFrameCodec.maximumFrameSize))
        }
    }

    @Test func wrongLengthsAndOrder() throws {
        let (a, b) = try Self.codecs()
        let frame = try a.encode(messageID: 3, payload: [0xC0])
        #expect(throws: RLPxError.self) { try b.decodeBody(Array(frame[32...])) }            // body before header
        #expect(throws: RLPxError.self) { try b.decodeHeader(Array(frame[0..<31])) }         // short header
        _ = try b.decodeHeader(Array(frame[0..<32]))
        #expect(throws: RLPxError.self) { try b.decodeBody(Array(frame[32..<(frame.count - 1)])) }
    }

    /// Differential: a Python implementation of the frame format (pycryptodome AES and Keccak,
    /// recomputing each MAC digest from scratch) reads our frames, and we read its frames.
    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func matchesPythonReference() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededGenerator(seed: seed)
        let (initiator, _) = try T.handshakePair()
        let secrets = try initiator.secrets()
        let mac = T.secret(secrets.macSecret)
        let remoteNonce = try #require(initiator.remoteNonce)
        // Our (initiator) egress MAC starts with (mac ^ recipient nonce) || auth; ingress with (mac ^ our nonce) || ack.
        let ourEgressInit = zip(mac, remoteNonce).map { $0 ^ $1 } + (try #require(initiator.authWire))
        let ourIngressInit = zip(mac, initiator.nonce).map { $0 ^ $1 } + (try #require(initiator.ackWire))
        let codec = try RLPxFrameCodec(secrets: secrets)

        func randomMessage() -> (UInt64, [UInt8]) {
            let id = [UInt64(0), 1, 0x10, 0x7F, 0x80, 0xFFFF, .max][Int.random(in: 0..<7, using: &rng)]
            let count = Bool.random(using: &rng) ? Int.random(in: 0...40, using: &rng) : Int.random(in: 0...3000, using: &rng)
            return (id, rng.bytes(count))
        }
        let outgoing = (0..<25).map { _ in randomMessage() }
        let incoming = (0..<25).map { _ in randomMessage() }
        let frames = try outgoing.map { try Hex.encode(codec.encode(messageID: $0.0, payload: $0.1), prefix: false) }
        let request: [String: Any] = ["frames": [
            "aes_secret": Hex.encode(T.secret(secrets.aesSecret), prefix: false), "mac_secret": Hex.encode(mac, prefix: false),
            "ingress_init": Hex.encode(ourEgressInit, prefix: false), "egress_init": Hex.encode(ourIngressInit, prefix: false),
            "receive": frames,
            "send": incoming.map { ["id": $0.0, "payload": Hex.encode($0.1, prefix: false)] as [String: Any] },
        ]]
        let output = try #require(try PythonOracle.run("rlpx_oracle.py", input: request) as? [String: Any])
        let received = try #require(output["received"] as? [[String: Any]])
        let sent = try #require(output["sent"] as? [String])
        #expect(received.count == outgoing.count, "seed \(seed): \(received.last ?? [:])")
        for (message, decoded) in zip(outgoing, received) {
            #expect((decoded["id"] as? NSNumber)?.uint64Value == message.0, "seed \(seed)")
            #expect((decoded["payload"] as? String).map(T.bytes) == message.1, "seed \(seed)")
        }
        #expect(sent.count == incoming.count)
        for (message, frame) in zip(incoming, sent) {
            let decoded = try Self.deliver(T.bytes(frame), to: codec)
            #expect(decoded.messageID == message.0 && decoded.payload == message.1, "seed \(seed)")
        }
    }
}
