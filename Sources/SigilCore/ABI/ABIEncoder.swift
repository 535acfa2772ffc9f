/// `abi.encode`: the Solidity contract ABI encoding of a tuple of values (heads, then tails
/// behind 32-byte offsets), checking each value against its type.
public enum ABIEncoder {
    /// Encodes `values` as the tuple `(types...)`.
    public static func encode(_ values: [ABIValue], as types: [ABIType]) throws(ABIError) -> [UInt8] {
        guard values.count == types.count else { throw .argumentCount(expected: types.count, got: values.count) }
        var out: [UInt8] = []
        try appendSequence(values, types: types, path: { "argument \($0 + 1)" }, to: &out)
        return out
    }

    /// Appends heads and tails of a sequence whose types are `types`.
    private static func appendSequence(
        _ values: [ABIValue], types: some Collection<ABIType>, path: (Int) -> String, to out: inout [UInt8]
    ) throws(ABIError) {
        guard values.count == types.count else {
            throw .valueMismatch(path: path(values.count), reason: "expected \(types.count) values, got \(values.count)")
        }
        let headLength = ABIType.headSize(of: types)
        guard headLength < Int.max else {
            throw .valueMismatch(path: path(0), reason: "the types are too large to encode")
        }
        out.reserveCapacity(out.count + min(headLength, 1 << 16))
        var tails: [UInt8] = []
        for (index, (value, type)) in zip(values, types).enumerated() {
            if type.isDynamic {
                out.append(contentsOf: U256(UInt64(headLength + tails.count)).bigEndianBytes)
                try appendValue(value, type: type, path: path(index), to: &tails)
            } else {
                try appendValue(value, type: type, path: path(index), to: &out)
            }
        }
        out.append(contentsOf: tails)
    }

    private static func appendValue(_ value: ABIValue, type: ABIType, path: String, to out: inout [UInt8]) throws(ABIError) {
        func mismatch(_ reason: String? = nil) -> ABIError {
            .valueMismatch(path: path, reason: reason ?? "expected a \(type.canonicalName) value, got \(value.kindName)")
        }
        switch (type, value) {
        case (.uint(let bits), .uint(let v)):
            guard v.bitWidth <= bits else { throw mismatch("\(v) does not fit in uint\(bits)") }
            out.append(contentsOf: v.bigEndianBytes)
        case (.int(let bits), .int(let v)):
            guard v.fits(bitWidth: bits) else { throw mismatch("\(v) does not fit in int\(bits)") }
            out.append(contentsOf: v.bits.bigEndianBytes)
        case (.address, .address(let a)):
            out.append(contentsOf: repeatElement(0, count: 12))
            out.append(contentsOf: a.bytes)
        case (.bool, .bool(let b)):
            out.append(contentsOf: repeatElement(0, count: 31))
            out.append(b ? 1 : 0)
        case (.fixedBytes(let count), .fixedBytes(let bytes)):
            guard bytes.count == count else { throw mismatch("bytes\(count) needs exactly \(count) bytes, got \(bytes.count)") }
            out.append(contentsOf: bytes)
            out.append(contentsOf: repeatElement(0, count: 32 - count))
        case (.bytes, .bytes(let bytes)):
            appendDynamicBytes(bytes, to: &out)
        case (.string, .string(let text)):
            appendDynamicBytes(Array(text.utf8), to: &out)
        case (.fixedArray(let element, let count), .array(let elements)):
            guard elements.count == count else { throw mismatch("\(type.canonicalName) needs \(count) elements, got \(elements.count)") }
            try appendSequence(elements, types: repeatElement(element, count: count), path: { "\(path)[\($0)]" }, to: &out)
        case (.array(let element), .array(let elements)):
            out.append(contentsOf: U256(UInt64(elements.count)).bigEndianBytes)
            try appendSequence(elements, types: repeatElement(element, count: elements.count), path: { "\(path)[\($0)]" }, to: &out)
        case (.tuple(let components), .tuple(let values)):
            guard values.count == components.count else { throw mismatch("\(type.canonicalName) needs \(components.count) components, got \(values.count)") }
            try appendSequence(values, types: components, path: { "\(path).\($0)" }, to: &out)
        default:
            throw mismatch()
        }
    }

    /// Length word, the bytes, then zero padding to a multiple of 32.
    private static func appendDynamicBytes(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(contentsOf: U256(UInt64(bytes.count)).bigEndianBytes)
        out.append(contentsOf: bytes)
        out.append(contentsOf: repeatElement(0, count: (32 - bytes.count % 32) % 32))
    }
}
