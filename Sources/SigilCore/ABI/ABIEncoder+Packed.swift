extension ABIEncoder {
    /// `abi.encodePacked`: Solidity's non-standard packed mode.
    ///
    /// Rules (Solidity documentation, "Non-standard Packed Mode"): a value of a static type
    /// takes its natural size without padding (`uint16` 2 bytes, `int8` 1 byte two's
    /// complement, `address` 20, `bool` 1, `bytesN` N); `bytes` and `string` are their raw
    /// bytes with no length; array elements are padded to 32 bytes as `abi.encode` pads them.
    /// Refused, as the compiler refuses them: tuples (structs), nested arrays, and arrays of
    /// `bytes` or `string`. The result is ambiguous by design (`"a" "bc"` = `"ab" "c"`).
    public static func encodePacked(_ values: [ABIValue], as types: [ABIType]) throws(ABIError) -> [UInt8] {
        guard values.count == types.count else { throw .argumentCount(expected: types.count, got: values.count) }
        var out: [UInt8] = []
        for (index, (value, type)) in zip(values, types).enumerated() {
            let path = "argument \(index + 1)"
            switch type {
            case .tuple:
                throw .valueMismatch(path: path, reason: "tuples (structs) have no packed encoding")
            case .array(let element), .fixedArray(let element, _):
                switch element {
                case .array, .fixedArray, .tuple, .bytes, .string:
                    throw .valueMismatch(path: path, reason: "\(type.canonicalName): arrays of \(element.canonicalName) have no packed encoding")
                default:
                    // Each element as abi.encode writes a static value: one padded word.
                    do {
                        out += try encode([value], as: [type]).dropFirst(type.isDynamic ? 64 : 0)
                    } catch .valueMismatch(let inner, let reason) {
                        throw .valueMismatch(path: path + inner.dropFirst("argument 1".count), reason: reason)
                    }
                }
            default:
                try appendPacked(value, type: type, path: path, to: &out)
            }
        }
        return out
    }

    private static func appendPacked(_ value: ABIValue, type: ABIType, path: String, to out: inout [UInt8]) throws(ABIError) {
        switch (type, value) {
        case (.uint(let bits), .uint(let v)):
            guard v.bitWidth <= bits else { throw .valueMismatch(path: path, reason: "\(v) does not fit in uint\(bits)") }
            out += v.bigEndianBytes.suffix(bits / 8)
        case (.int(let bits), .int(let v)):
            guard v.fits(bitWidth: bits) else { throw .valueMismatch(path: path, reason: "\(v) does not fit in int\(bits)") }
            out += v.bits.bigEndianBytes.suffix(bits / 8)
        case (.address, .address(let a)):
            out += a.bytes
        case (.bool, .bool(let b)):
            out.append(b ? 1 : 0)
        case (.fixedBytes(let count), .fixedBytes(let bytes)):
            guard bytes.count == count else { throw .valueMismatch(path: path, reason: "bytes\(count) needs exactly \(count) bytes, got \(bytes.count)") }
            out += bytes
        case (.bytes, .bytes(let bytes)):
            out += bytes
        case (.string, .string(let text)):
            out += Array(text.utf8)
        default:
            throw .valueMismatch(path: path, reason: "expected a \(type.canonicalName) value, got \(value.kindName)")
        }
    }
}
