/// Strict decoding of `abi.encode` data for a list of types.
///
/// Rejected, with the byte where the problem is: data too short; offsets that are not a
/// multiple of 32 or point outside the data; lengths that cannot fit in the data; non-zero
/// high bits in `uintM`, `address` and `bool` words, `intM` words that are not a sign
/// extension; offsets that point back into the head they are part of (as eth-abi also
/// rejects); non-zero padding after `bytesM`, `bytes` and `string`; invalid UTF-8 in a
/// `string`; and, unless allowed, bytes after the last one the encoding uses.
///
/// Hostile input cannot cause large allocations or long runs: a length is checked against
/// the bytes left before anything is allocated, and the total number of 32-byte words read
/// (counting words read again through aliased offsets) is limited to twice the input's word
/// count plus a small constant, so decoding time and output size are linear in the input.
public enum ABIDecoder {
    /// Decodes `data` as the tuple `(types...)`. `offsetBase` is added to byte offsets in
    /// error messages (4 when `data` follows a selector).
    public static func decode(
        _ data: [UInt8], as types: [ABIType], allowTrailingBytes: Bool = false, offsetBase: Int = 0
    ) throws(ABIError) -> [ABIValue] {
        var state = State(data: data, offsetBase: offsetBase)
        let values = try state.sequence(types, count: types.count, at: 0)
        if !allowTrailingBytes && state.end < data.count {
            throw .invalidEncoding("\(data.count - state.end) unused byte\(data.count - state.end == 1 ? "" : "s") after the encoded values", offset: state.end + offsetBase)
        }
        return values
    }

    /// Like `decode`, also returning how many bytes the encoding used (the rest are trailing).
    public static func decodePrefix(_ data: [UInt8], as types: [ABIType], offsetBase: Int = 0) throws(ABIError) -> (values: [ABIValue], usedBytes: Int) {
        var state = State(data: data, offsetBase: offsetBase)
        let values = try state.sequence(types, count: types.count, at: 0)
        return (values, state.end)
    }

    private struct State {
        let data: [UInt8]
        let offsetBase: Int
        /// Words that may still be read.
        var budget: Int
        /// One past the last byte read.
        var end = 0

        init(data: [UInt8], offsetBase: Int) {
            self.data = data
            self.offsetBase = offsetBase
            budget = 2 * (data.count / 32) + 16
        }

        func fail(_ reason: String, at offset: Int) -> ABIError {
            .invalidEncoding(reason, offset: offset + offsetBase)
        }

        /// Charges `words` against the budget and records the furthest byte used.
        mutating func use(_ words: Int, endingAt last: Int, at offset: Int) throws(ABIError) {
            budget -= words
            guard budget >= 0 else {
                throw fail("the encoding reuses the same data through aliased offsets more than the input size allows", at: offset)
            }
            end = max(end, last)
        }

        /// The 32-byte word at `offset`.
        mutating func word(at offset: Int) throws(ABIError) -> ArraySlice<UInt8> {
            guard offset <= data.count - 32 else {
                throw fail("data ends (\(data.count) bytes) before the 32-byte word starting here", at: offset)
            }
            try use(1, endingAt: offset + 32, at: offset)
            return data[offset..<(offset + 32)]
        }

        /// The word at `offset` as an unsigned integer.
        mutating func wordValue(at offset: Int) throws(ABIError) -> U256 {
            let w = try word(at: offset)
            return try! U256(bigEndian: Array(w))
        }

        /// A word read as a non-negative size or offset no larger than the data.
        mutating func size(at offset: Int, what: String) throws(ABIError) -> Int {
            let w = try word(at: offset)
            guard w.prefix(24).allSatisfy({ $0 == 0 }) else {
                throw fail("\(what) 0x\(Hex.encode(w.drop(while: { $0 == 0 }), prefix: false)) is larger than the data (\(data.count) bytes)", at: offset)
            }
            var value = 0
            for byte in w.suffix(8) { value = value << 8 | Int(byte) }
            guard value >= 0, value <= data.count else {
                throw fail("\(what) \(value) is larger than the data (\(data.count) bytes)", at: offset)
            }
            return value
        }

        /// `count` values of `types` (a tuple or the elements of an array) whose heads start at `start`.
        mutating func sequence(_ types: some Sequence<ABIType>, count: Int, at start: Int) throws(ABIError) -> [ABIValue] {
            var values: [ABIValue] = []
            values.reserveCapacity(count)
            var position = start
            var headEnd: Int? = nil
            for type in types {
                if type.isDynamic {
                    let offset = try size(at: position, what: "offset")
                    guard offset % 32 == 0 else { throw fail("offset \(offset) is not a multiple of 32", at: position) }
                    let target = start + offset
                    guard target < data.count else {
                        throw fail("offset \(offset) points past the end of the data (\(data.count) bytes)", at: position)
                    }
                    // Computed only when needed: for T[n] the head is n times T's head size.
                    if headEnd == nil { headEnd = start + ABIType.headSize(of: types.prefix(count)) }
                    guard target >= headEnd! else {
                        throw fail("offset \(offset) points into the head it belongs to (which ends at byte \(headEnd! + offsetBase))", at: position)
                    }
                    values.append(try value(type, at: target))
                    position += 32
                } else {
                    values.append(try value(type, at: position))
                    position += type.headSize
                }
            }
            return values
        }

        mutating func value(_ type: ABIType, at offset: Int) throws(ABIError) -> ABIValue {
            switch type {
            case .uint(let bits):
                let v = try wordValue(at: offset)
                guard v.bitWidth <= bits else { throw fail("uint\(bits) value has non-zero high bits", at: offset) }
                return .uint(v)
            case .int(let bits):
                let v = try I256(twosComplement: wordValue(at: offset))
                guard v.fits(bitWidth: bits) else { throw fail("int\(bits) value is not sign-extended to 256 bits", at: offset) }
                return .int(v)
            case .address:
                let w = try word(at: offset)
                guard w.prefix(12).allSatisfy({ $0 == 0 }) else { throw fail("address has non-zero high bytes", at: offset) }
                return .address(try! Address(bytes: Array(w.suffix(20))))
            case .bool:
                let w = try word(at: offset)
                guard w.prefix(31).allSatisfy({ $0 == 0 }), w.last! <= 1 else { throw fail("bool is neither 0 nor 1", at: offset) }
                return .bool(w.last! == 1)
            case .fixedBytes(let count):
                let w = try word(at: offset)
                guard w.dropFirst(count).allSatisfy({ $0 == 0 }) else { throw fail("bytes\(count) has non-zero padding", at: offset) }
                return .fixedBytes(Array(w.prefix(count)))
            case .bytes:
                return .bytes(try dynamicBytes(at: offset, what: "bytes"))
            case .string:
                let raw = try dynamicBytes(at: offset, what: "string")
                guard let text = String(validating: raw, as: UTF8.self) else { throw fail("string is not valid UTF-8", at: offset + 32) }
                return .string(text)
            case .fixedArray(let element, let count):
                try checkRoom(count: count, elementSize: element.headSize, from: offset, lengthAt: offset)
                return .array(try sequence(repeatElement(element, count: count), count: count, at: offset))
            case .array(let element):
                let count = try size(at: offset, what: "array length")
                try checkRoom(count: count, elementSize: element.headSize, from: offset + 32, lengthAt: offset)
                return .array(try sequence(repeatElement(element, count: count), count: count, at: offset + 32))
            case .tuple(let components):
                try checkRoom(count: 1, elementSize: ABIType.headSize(of: components), from: offset, lengthAt: offset)
                return .tuple(try sequence(components, count: components.count, at: offset))
            }
        }

        /// Throws unless `count` heads of `elementSize` bytes fit between `from` and the end.
        func checkRoom(count: Int, elementSize: Int, from: Int, lengthAt: Int) throws(ABIError) {
            let room = data.count - min(from, data.count)
            guard elementSize == 0 || count <= room / elementSize else {
                throw fail("\(count) elements of \(elementSize) bytes do not fit in the \(room) bytes left", at: lengthAt)
            }
        }

        /// A length word, then that many bytes, then zero padding to a multiple of 32.
        mutating func dynamicBytes(at offset: Int, what: String) throws(ABIError) -> [UInt8] {
            let length = try size(at: offset, what: "\(what) length")
            let start = offset + 32
            let padded = (length + 31) / 32 * 32
            guard padded <= data.count - start else {
                throw fail("\(what) of \(length) bytes (\(padded) padded) does not fit in the \(data.count - start) bytes left", at: offset)
            }
            try use(padded / 32, endingAt: start + padded, at: offset)
            guard data[(start + length)..<(start + padded)].allSatisfy({ $0 == 0 }) else {
                throw fail("\(what) has non-zero padding", at: start + length)
            }
            return Array(data[start..<(start + length)])
        }
    }
}
