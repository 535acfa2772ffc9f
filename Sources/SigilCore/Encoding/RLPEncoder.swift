/// RLP encoding and decoding entry points.
///
/// Encoding is total (every `RLPItem` has exactly one encoding). Decoding lives in
/// RLPDecoder.swift and accepts only that canonical encoding.
public enum RLP {
    /// How deeply lists may nest before the decoder refuses the input (a top-level list is depth 1).
    public static let maxDepth = 1024

    /// The canonical RLP encoding of `item`.
    public static func encode(_ item: RLPItem) -> [UInt8] {
        var out = [UInt8]()
        encode(item, into: &out)
        return out
    }

    /// Appends the canonical RLP encoding of `item` to `out`.
    ///
    /// List payload lengths are measured in one pass first, so nested lists are written
    /// straight into `out` with no intermediate buffers.
    public static func encode(_ item: RLPItem, into out: inout [UInt8]) {
        switch item {
        case .bytes(let bytes):
            out.reserveCapacity(out.count + encodedLength(ofString: bytes))
            appendString(bytes, to: &out)
        case .list:
            var payloadLengths = [Int]()
            let total = measure(item, recordingListPayloadsInto: &payloadLengths)
            out.reserveCapacity(out.count + total)
            var cursor = 0
            write(item, payloadLengths: payloadLengths, cursor: &cursor, to: &out)
        }
    }

    /// The number of bytes `encode(item)` produces.
    public static func encodedLength(_ item: RLPItem) -> Int {
        switch item {
        case .bytes(let bytes):
            return encodedLength(ofString: bytes)
        case .list(let items):
            var payload = 0
            for child in items { payload += encodedLength(child) }
            return headerLength(payload) + payload
        }
    }

    // MARK: - Internals

    /// Encoded size of a byte string, including the single-byte special case.
    private static func encodedLength(ofString bytes: [UInt8]) -> Int {
        if bytes.count == 1 && bytes[0] < 0x80 { return 1 }
        return headerLength(bytes.count) + bytes.count
    }

    /// Size of the header for a payload of `length` bytes.
    private static func headerLength(_ length: Int) -> Int {
        length < 56 ? 1 : 1 + byteCount(of: length)
    }

    /// Bytes needed for `value` in minimal big-endian form (value > 0).
    private static func byteCount(of value: Int) -> Int {
        (Int.bitWidth - value.leadingZeroBitCount + 7) / 8
    }

    /// Returns the encoded size of `item`, appending the payload length of every list it
    /// contains in pre-order (the order `write` consumes them).
    private static func measure(_ item: RLPItem, recordingListPayloadsInto lengths: inout [Int]) -> Int {
        switch item {
        case .bytes(let bytes):
            return encodedLength(ofString: bytes)
        case .list(let items):
            let slot = lengths.count
            lengths.append(0)
            var payload = 0
            for child in items { payload += measure(child, recordingListPayloadsInto: &lengths) }
            lengths[slot] = payload
            return headerLength(payload) + payload
        }
    }

    /// Writes `item` using the pre-computed list payload lengths.
    private static func write(_ item: RLPItem, payloadLengths: [Int], cursor: inout Int, to out: inout [UInt8]) {
        switch item {
        case .bytes(let bytes):
            appendString(bytes, to: &out)
        case .list(let items):
            appendHeader(length: payloadLengths[cursor], shortBase: 0xc0, to: &out)
            cursor += 1
            for child in items { write(child, payloadLengths: payloadLengths, cursor: &cursor, to: &out) }
        }
    }

    private static func appendString(_ bytes: [UInt8], to out: inout [UInt8]) {
        if bytes.count == 1 && bytes[0] < 0x80 {
            out.append(bytes[0])
            return
        }
        appendHeader(length: bytes.count, shortBase: 0x80, to: &out)
        out.append(contentsOf: bytes)
    }

    /// Short form `base + length` below 56, else `base + 55 + n` followed by the n-byte length.
    private static func appendHeader(length: Int, shortBase: UInt8, to out: inout [UInt8]) {
        if length < 56 {
            out.append(shortBase + UInt8(length))
            return
        }
        let count = byteCount(of: length)
        out.append(shortBase + 55 + UInt8(count))
        for index in stride(from: count - 1, through: 0, by: -1) {
            out.append(UInt8(truncatingIfNeeded: length >> (index * 8)))
        }
    }
}
