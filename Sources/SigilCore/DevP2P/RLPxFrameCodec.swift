/// Seals and opens RLPx frames for one connection, after the handshake. One codec per
/// connection. Not thread-safe beyond this: the egress half (`encode`) and the ingress half
/// (`decodeHeader`, `decodeBody`, `frameSizeLimit`) share no mutable state, so one sending
/// thread and one receiving thread may use it at once (hence `@unchecked Sendable`), but each
/// half must be used by one thread at a time.
///
/// A frame is `header-ciphertext (16) || header-mac (16) || frame-ciphertext || frame-mac (16)`:
/// - header = frame-size (3 bytes, big-endian) || header-data RLP [0, 0] || zero padding to 16;
/// - frame-data = RLP(message id) || payload, zero-padded to a multiple of 16; frame-size is
///   its length before padding;
/// - both are encrypted with AES-256-CTR (key aes-secret, zero iv), one stream per direction;
/// - header-mac: seed = aes(mac-secret, mac.digest[:16]) ^ header-ciphertext; mac.update(seed);
///   the tag is mac.digest[:16]. frame-mac: mac.update(frame-ciphertext); seed =
///   aes(mac-secret, mac.digest[:16]) ^ mac.digest[:16]; mac.update(seed); tag mac.digest[:16].
///
/// After any error the connection must be dropped: the MAC and cipher states have moved on.
public final class RLPxFrameCodec: @unchecked Sendable {
    /// The bytes to read first for each frame: header ciphertext and header MAC.
    public static let headerLength = 32
    /// The largest frame size the 3-byte header field can express (16 MiB - 1).
    public static let maximumFrameSize = 0xFF_FFFF

    private let egressCipher: AESCTRStream
    private let ingressCipher: AESCTRStream
    private let egressMACCipher: AESBlockCipher
    private let ingressMACCipher: AESBlockCipher
    private var egressMAC: Keccak256
    private var ingressMAC: Keccak256
    /// The frame size announced by the last header read, until its body is read.
    private var pendingFrameSize: Int?
    /// Frames announcing more than this are rejected with `.badSize` (default: no limit below the format's).
    public var frameSizeLimit: Int = RLPxFrameCodec.maximumFrameSize

    /// A codec using the handshake's secrets.
    public init(secrets: RLPxSecrets) throws(RLPxError) {
        let zeroIV = [UInt8](repeating: 0, count: 16)
        do {
            egressCipher = try AESCTRStream(aes256Key: secrets.aesSecret, iv: zeroIV)
            ingressCipher = try AESCTRStream(aes256Key: secrets.aesSecret, iv: zeroIV)
            egressMACCipher = try AESBlockCipher(aes256Key: secrets.macSecret)
            ingressMACCipher = try AESBlockCipher(aes256Key: secrets.macSecret)
        } catch { throw .crypto(error) }
        egressMAC = secrets.egressMAC
        ingressMAC = secrets.ingressMAC
    }

    /// One frame carrying `payload` as message `messageID` (payload already compressed if
    /// the protocol requires it).
    public func encode(messageID: UInt64, payload: [UInt8]) throws(RLPxError) -> [UInt8] {
        let id = RLP.encode(.uint(messageID))
        let frameSize = id.count + payload.count
        guard frameSize <= Self.maximumFrameSize else { throw .badSize(frameSize) }
        let padded = (frameSize + 15) & ~15
        var out = [UInt8](repeating: 0, count: Self.headerLength + padded + 16)
        out[0] = UInt8(frameSize >> 16); out[1] = UInt8((frameSize >> 8) & 0xFF); out[2] = UInt8(frameSize & 0xFF)
        out[3] = 0xC2; out[4] = 0x80; out[5] = 0x80
        out.replaceSubrange(32..<(32 + id.count), with: id)
        out.replaceSubrange((32 + id.count)..<(32 + frameSize), with: payload)
        var failure: CryptoError?
        out.withUnsafeMutableBytes { buffer in
            let header = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<16])
            let body = UnsafeMutableRawBufferPointer(rebasing: buffer[32..<(32 + padded)])
            do throws(CryptoError) {
                try egressCipher.apply(UnsafeRawBufferPointer(header), into: header)
                Self.headerMAC(&egressMAC, egressMACCipher, header: UnsafeRawBufferPointer(header), into: buffer.baseAddress! + 16)
                try egressCipher.apply(UnsafeRawBufferPointer(body), into: body)
                Self.frameMAC(&egressMAC, egressMACCipher, frame: UnsafeRawBufferPointer(body), into: buffer.baseAddress! + 32 + padded)
            } catch { failure = error }
        }
        if let failure { throw .crypto(failure) }
        return out
    }

    /// Checks a frame header's MAC and returns how many more bytes to read for its body
    /// (the padded frame plus its 16-byte MAC). Throws `.badMAC("frame header")` or
    /// `.badSize` for a frame of 0 bytes or over `frameSizeLimit`.
    public func decodeHeader(_ header: [UInt8]) throws(RLPxError) -> Int {
        guard header.count == Self.headerLength else { throw .malformed("frame header (\(header.count) bytes, expected 32)") }
        guard pendingFrameSize == nil else { throw .outOfOrder("a frame header was read before the previous frame's body") }
        var plain = Array(header[0..<16])
        var tag = (UInt64(0), UInt64(0))
        var failure: CryptoError?
        plain.withUnsafeMutableBytes { buffer in
            withUnsafeMutableBytes(of: &tag) { Self.headerMAC(&ingressMAC, ingressMACCipher, header: UnsafeRawBufferPointer(buffer), into: $0.baseAddress!) }
            do throws(CryptoError) { try ingressCipher.apply(UnsafeRawBufferPointer(buffer), into: buffer) } catch { failure = error }
        }
        if let failure { throw .crypto(failure) }
        let valid = withUnsafeBytes(of: &tag) { constantTimeEqual($0, header[16..<32]) }
        guard valid else { throw .badMAC("frame header") }
        let size = Int(plain[0]) << 16 | Int(plain[1]) << 8 | Int(plain[2])
        guard size > 0, size <= frameSizeLimit else { throw .badSize(size) }
        pendingFrameSize = size
        return ((size + 15) & ~15) + 16
    }

    /// Checks the frame MAC of the body announced by the last header and returns its message.
    public func decodeBody(_ bytes: [UInt8]) throws(RLPxError) -> (messageID: UInt64, payload: [UInt8]) {
        guard let size = pendingFrameSize else { throw .outOfOrder("a frame body was read without its header") }
        let padded = (size + 15) & ~15
        guard bytes.count == padded + 16 else {
            throw .malformed("frame body (\(bytes.count) bytes where the header announces \(padded + 16))")
        }
        pendingFrameSize = nil
        var frame = Array(bytes[0..<padded])
        var tag = (UInt64(0), UInt64(0))
        frame.withUnsafeBytes { buffer in
            withUnsafeMutableBytes(of: &tag) { Self.frameMAC(&ingressMAC, ingressMACCipher, frame: buffer, into: $0.baseAddress!) }
        }
        let valid = withUnsafeBytes(of: &tag) { constantTimeEqual($0, bytes[padded...]) }
        if valid {
            var failure: CryptoError?
            frame.withUnsafeMutableBytes { buffer in
                do throws(CryptoError) { try ingressCipher.apply(UnsafeRawBufferPointer(buffer), into: buffer) } catch { failure = error }
            }
            if let failure { throw .crypto(failure) }
        }
        guard valid else { throw .badMAC("frame") }
        frame.removeLast(padded - size)
        let id: RLPItem, end: Int
        do { (id, end) = try RLP.decodePrefix(frame, from: 0) } catch { throw .malformed("frame (no message id: \(error.description))") }
        guard let messageID = try? id.uint64() else { throw .malformed("frame (message id is not an integer)") }
        return (messageID, Array(frame[end...]))
    }

    // MARK: MACs

    /// header-mac: seed = aes(digest[:16]) ^ header; mac.update(seed); tag = digest[:16].
    private static func headerMAC(
        _ mac: inout Keccak256, _ cipher: AESBlockCipher, header: UnsafeRawBufferPointer, into tag: UnsafeMutableRawPointer
    ) {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digest) { d in
            mac.finalize(into: d)
            cipher.encryptBlock(d.baseAddress!, into: d.baseAddress!)
            for i in 0..<16 { d[i] ^= header[i] }
            mac.update(UnsafeRawBufferPointer(rebasing: d[0..<16]))
            mac.finalize(into: d)
            tag.copyMemory(from: d.baseAddress!, byteCount: 16)
        }
    }

    /// frame-mac: mac.update(frame); seed = aes(digest[:16]) ^ digest[:16]; mac.update(seed); tag = digest[:16].
    private static func frameMAC(
        _ mac: inout Keccak256, _ cipher: AESBlockCipher, frame: UnsafeRawBufferPointer, into tag: UnsafeMutableRawPointer
    ) {
        mac.update(frame)
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digest) { d in
            mac.finalize(into: d)
            cipher.encryptBlock(d.baseAddress!, into: d.baseAddress! + 16)
            for i in 0..<16 { d[i] ^= d[16 + i] }
            mac.update(UnsafeRawBufferPointer(rebasing: d[0..<16]))
            mac.finalize(into: d)
            tag.copyMemory(from: d.baseAddress!, byteCount: 16)
        }
    }
}
