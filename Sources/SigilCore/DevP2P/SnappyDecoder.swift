/// The strict raw-block decoder behind `Snappy.decompress`.
enum SnappyDecoder {
    /// More output per element byte than any element gives (a 3-byte copy yields 64 bytes).
    static let maximumExpansion = 22

    static func decompress(_ input: [UInt8], maximumLength: Int) throws(SnappyError) -> [UInt8] {
        let (length, headerSize) = try Snappy.readLength(input)
        guard length <= maximumLength else { throw .lengthTooLarge(declared: length, maximum: maximumLength) }
        let elementBytes = input.count - headerSize
        guard length <= elementBytes * maximumExpansion else {
            throw .lengthExceedsInput(declared: length, elementBytes: elementBytes)
        }
        var output = [UInt8](repeating: 0, count: length)
        var failure: SnappyError?
        input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                failure = decodeElements(source, from: headerSize, into: destination)
            }
        }
        if let failure { throw failure }
        return output
    }

    /// Decodes every element after the header into `destination` (exactly the declared length).
    /// Returns the first problem, or nil when the output was filled exactly.
    private static func decodeElements(
        _ source: UnsafeBufferPointer<UInt8>, from start: Int, into destination: UnsafeMutableBufferPointer<UInt8>
    ) -> SnappyError? {
        let end = source.count
        let declared = destination.count
        var position = start
        var written = 0
        while position < end {
            let tagOffset = position
            let tag = source[position]
            position += 1
            let length: Int
            let distance: Int
            switch tag & 3 {
            case 0:
                var literal = Int(tag >> 2)
                if literal >= 60 {
                    let extra = literal - 59
                    guard extra <= end - position else { return .truncatedElement(offset: tagOffset) }
                    literal = 0
                    for index in 0..<extra { literal |= Int(source[position + index]) << (8 * index) }
                    position += extra
                }
                literal += 1
                guard literal <= end - position else { return .truncatedElement(offset: tagOffset) }
                guard literal <= declared - written else { return .outputOverflow(offset: tagOffset, declared: declared) }
                UnsafeMutableRawPointer(destination.baseAddress! + written)
                    .copyMemory(from: source.baseAddress! + position, byteCount: literal)
                position += literal
                written += literal
                continue
            case 1:
                guard position < end else { return .truncatedElement(offset: tagOffset) }
                length = 4 + Int((tag >> 2) & 7)
                distance = Int(tag >> 5) << 8 | Int(source[position])
                position += 1
            case 2:
                guard end - position >= 2 else { return .truncatedElement(offset: tagOffset) }
                length = Int(tag >> 2) + 1
                distance = Int(source[position]) | Int(source[position + 1]) << 8
                position += 2
            default:
                guard end - position >= 4 else { return .truncatedElement(offset: tagOffset) }
                length = Int(tag >> 2) + 1
                distance = Int(source[position]) | Int(source[position + 1]) << 8
                    | Int(source[position + 2]) << 16 | Int(source[position + 3]) << 24
                position += 4
            }
            guard distance != 0 && distance <= written else {
                return .badCopyOffset(offset: tagOffset, distance: distance, produced: written)
            }
            guard length <= declared - written else { return .outputOverflow(offset: tagOffset, declared: declared) }
            let base = destination.baseAddress!
            if distance >= length {
                UnsafeMutableRawPointer(base + written).copyMemory(from: base + written - distance, byteCount: length)
            } else {
                // Overlapping: each byte may be one this copy just wrote (a repeated pattern).
                for index in written..<(written + length) { base[index] = base[index - distance] }
            }
            written += length
        }
        guard written == declared else { return .lengthMismatch(declared: declared, produced: written) }
        return nil
    }
}
