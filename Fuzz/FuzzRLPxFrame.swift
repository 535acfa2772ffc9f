/// The RLPx frame decoder with a fixed session: arbitrary bytes as a header, then (if the
/// header were to pass its MAC) as a body, must throw cleanly, never crash. A codec paired
/// with the receiver's secrets also seals the input as a payload, which must round-trip.
private let fuzzRLPxSecrets: (RLPxSecrets, RLPxSecrets) = {
    func key(_ byte: UInt8) -> PrivateKey {
        var raw = [UInt8](repeating: byte, count: 32)
        return try! PrivateKey(secret: SecureBytes(consuming: &raw))
    }
    let a = key(1), b = key(2)
    var initiator = RLPxHandshake(initiator: a, remote: b.publicKey, ephemeralKey: key(3), nonce: [UInt8](repeating: 4, count: 32))
    var recipient = RLPxHandshake(recipient: b, ephemeralKey: key(5), nonce: [UInt8](repeating: 6, count: 32))
    _ = try! recipient.readAuth(try! initiator.makeAuth())
    try! initiator.readAck(try! recipient.makeAck())
    return (try! initiator.secrets(), try! recipient.secrets())
}()

func fuzzRLPxFrame(_ bytes: [UInt8]) {
    let receiver = try! RLPxFrameCodec(secrets: fuzzRLPxSecrets.1)
    if bytes.count >= RLPxFrameCodec.headerLength,
       let rest = try? receiver.decodeHeader(Array(bytes[0..<RLPxFrameCodec.headerLength])) {
        _ = try? receiver.decodeBody(Array(bytes[RLPxFrameCodec.headerLength...].prefix(rest)))
    }
    let bodyReceiver = try! RLPxFrameCodec(secrets: fuzzRLPxSecrets.1)
    _ = try? bodyReceiver.decodeBody(bytes)   // out of order: must throw, not crash

    let sender = try! RLPxFrameCodec(secrets: fuzzRLPxSecrets.0)
    let pairedReceiver = try! RLPxFrameCodec(secrets: fuzzRLPxSecrets.1)
    let id = UInt64(bytes.first ?? 0)
    let frame = try! sender.encode(messageID: id, payload: bytes)
    let rest = try! pairedReceiver.decodeHeader(Array(frame[0..<RLPxFrameCodec.headerLength]))
    precondition(rest == frame.count - RLPxFrameCodec.headerLength, "header announces the wrong length")
    let message = try! pairedReceiver.decodeBody(Array(frame[RLPxFrameCodec.headerLength...]))
    precondition(message.messageID == id && message.payload == bytes, "frame did not round-trip")
}
