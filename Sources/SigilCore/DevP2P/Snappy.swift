/// Snappy compression in the raw block format, as devp2p uses it for every message after Hello.
///
/// A block is the uncompressed length as a little-endian base-128 varint, then a sequence of
/// elements, each starting with a tag byte whose low two bits give its kind:
/// - `00` a literal: the upper six bits hold `length - 1` below 60; 60…63 mean the length
///   minus one follows in 1…4 little-endian bytes; then the literal bytes;
/// - `01` a copy of 4…11 bytes from an 11-bit offset (3 offset bits in the tag, 8 after it);
/// - `10` a copy of 1…64 bytes from a 16-bit little-endian offset;
/// - `11` a copy of 1…64 bytes from a 32-bit little-endian offset.
/// A copy repeats bytes already produced, `offset` bytes back; the offset may be smaller than
/// the length, which repeats a pattern (a run).
///
/// Sigil has its own implementation (rather than Debian's libsnappy) so that SigilCore keeps
/// to the C libraries it already links, the decoder's checks are ours to state (every rejection
/// is a one-line `SnappyError`, the declared length is bounded before anything is allocated),
/// and the fuzzers cover it together with the rest of SigilCore.
public enum Snappy {
    /// The largest uncompressed length the format can declare (a 32-bit varint).
    public static let formatMaximumLength = Int(UInt32.max)

    /// Compresses `input` into one raw Snappy block.
    ///
    /// The encoder works like the reference one: 64 KiB fragments, each searched with a hash
    /// table of 4-byte sequences, skipping faster through data that does not compress.
    /// - Precondition: `input.count` fits the format's 32-bit length.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        precondition(input.count <= formatMaximumLength, "Snappy: input longer than 4 GiB")
        return SnappyEncoder.compress(input)
    }

    /// Decompresses one raw Snappy block, strictly.
    ///
    /// Rejected: an empty input or a bad length varint; a declared length above
    /// `maximumLength` (checked before allocating); an element cut off by the end of the input;
    /// a copy with offset 0 or reaching before the start of the output; an element writing past
    /// the declared length; an output shorter than declared.
    public static func decompress(_ input: [UInt8], maximumLength: Int = 16 << 20) throws(SnappyError) -> [UInt8] {
        try SnappyDecoder.decompress(input, maximumLength: maximumLength)
    }

    /// The uncompressed length a block declares, without decompressing it.
    public static func decompressedLength(_ input: [UInt8]) throws(SnappyError) -> Int {
        try readLength(input).length
    }

    /// The length varint at the start of a block and the number of bytes it takes.
    ///
    /// Like the reference decoder, at most five bytes and at most 32 bits are accepted.
    static func readLength(_ input: [UInt8]) throws(SnappyError) -> (length: Int, headerSize: Int) {
        guard !input.isEmpty else { throw .emptyInput }
        var value: UInt64 = 0
        for index in 0..<min(input.count, 5) {
            let byte = input[index]
            value |= UInt64(byte & 0x7f) << (7 * UInt64(index))
            if byte & 0x80 == 0 {
                guard value <= UInt64(UInt32.max) else { throw .badLengthHeader("length over 32 bits") }
                return (Int(value), index + 1)
            }
        }
        if input.count < 5 { throw .badLengthHeader("length varint is cut off") }
        throw .badLengthHeader("length varint longer than 5 bytes")
    }

    /// Appends `value` as a little-endian base-128 varint.
    static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        out.append(UInt8(rest))
    }
}
