import Foundation
import Testing

/// Just enough hex and RLP for the command-line tests to read and alter what `sigil` prints,
/// without linking SigilCore: these tests check the binary from the outside.
enum RawBytes {
    static func hex(_ bytes: [UInt8]) -> String { "0x" + bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(_ hex: String) throws -> [UInt8] {
        let digits = Array((hex.hasPrefix("0x") ? String(hex.dropFirst(2)) : hex).utf8)
        guard digits.count % 2 == 0 else { throw RawBytesError("odd hex length") }
        return try stride(from: 0, to: digits.count, by: 2).map { i in
            guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { throw RawBytesError("bad hex") }
            return byte
        }
    }

    /// A decoded RLP item: a byte string or a list.
    indirect enum Item: Equatable {
        case bytes([UInt8])
        case list([Item])

        var bytes: [UInt8]? { if case .bytes(let b) = self { b } else { nil } }
        var list: [Item]? { if case .list(let l) = self { l } else { nil } }
        /// The big-endian integer of a byte string (up to 8 bytes).
        var uint: UInt64? { bytes.flatMap { $0.count <= 8 ? $0.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } : nil } }
    }

    /// Decodes one item that spans all of `data`.
    static func decode(_ data: [UInt8]) throws -> Item {
        var position = 0
        let item = try decodeItem(data, &position)
        guard position == data.count else { throw RawBytesError("trailing bytes") }
        return item
    }

    private static func decodeItem(_ data: [UInt8], _ position: inout Int) throws -> Item {
        guard position < data.count else { throw RawBytesError("input ends early") }
        let prefix = data[position]
        position += 1
        func length(_ count: Int) throws -> Int {
            guard position + count <= data.count else { throw RawBytesError("input ends early") }
            let value = data[position..<position + count].reduce(0) { $0 << 8 | Int($1) }
            position += count
            return value
        }
        func take(_ count: Int) throws -> [UInt8] {
            guard position + count <= data.count else { throw RawBytesError("input ends early") }
            defer { position += count }
            return Array(data[position..<position + count])
        }
        switch prefix {
        case 0x00...0x7f: return .bytes([prefix])
        case 0x80...0xb7: return .bytes(try take(Int(prefix) - 0x80))
        case 0xb8...0xbf: return .bytes(try take(try length(Int(prefix) - 0xb7)))
        default:
            let count = prefix <= 0xf7 ? Int(prefix) - 0xc0 : try length(Int(prefix) - 0xf7)
            let end = position + count
            guard end <= data.count else { throw RawBytesError("input ends early") }
            var items: [Item] = []
            while position < end { items.append(try decodeItem(data, &position)) }
            return .list(items)
        }
    }

    static func encode(_ item: Item) -> [UInt8] {
        func header(_ count: Int, short: UInt8, long: UInt8) -> [UInt8] {
            if count <= 55 { return [short + UInt8(count)] }
            var length: [UInt8] = []
            var n = count
            while n > 0 { length.insert(UInt8(n & 0xff), at: 0); n >>= 8 }
            return [long + UInt8(length.count)] + length
        }
        switch item {
        case .bytes(let b) where b.count == 1 && b[0] < 0x80: return b
        case .bytes(let b): return header(b.count, short: 0x80, long: 0xb7) + b
        case .list(let items):
            let body = items.flatMap(encode)
            return header(body.count, short: 0xc0, long: 0xf7) + body
        }
    }

    /// The fields of a typed transaction (`type || rlp(list)`) and its type byte.
    static func typedFields(_ raw: String) throws -> (type: UInt8, fields: [Item]) {
        let data = try bytes(raw)
        guard let type = data.first, type < 0x80, let fields = try decode(Array(data.dropFirst())).list else {
            throw RawBytesError("not a typed transaction")
        }
        return (type, fields)
    }

    static let secp256k1Order: [UInt8] = try! bytes("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")

    /// n - s for a 32-byte s (big-endian subtraction).
    static func negate(_ s: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var borrow = 0
        for i in (0..<32).reversed() {
            var d = Int(secp256k1Order[i]) - Int(s[i]) - borrow
            borrow = d < 0 ? 1 : 0
            if d < 0 { d += 256 }
            out[i] = UInt8(d)
        }
        return out
    }

    /// The same typed transaction with its signature mirrored to (r, n - s, 1 - yParity): the
    /// same signer, but a high s, which Ethereum rejects since Homestead.
    static func highS(_ raw: String) throws -> String {
        var (type, fields) = try typedFields(raw)
        let count = fields.count
        guard let s = fields[count - 1].bytes, s.count == 32, let parity = fields[count - 3].uint else {
            throw RawBytesError("expected a 32-byte s")
        }
        fields[count - 1] = .bytes(negate(s))
        fields[count - 3] = .bytes(parity == 0 ? [1] : [])
        return hex([type] + encode(.list(fields)))
    }

    /// The same typed transaction with r replaced by 2^248: in range, but not the x coordinate
    /// of any curve point (x³ + 7 is not a square mod p), so no sender can be recovered.
    static let unrecoverableR: [UInt8] = [1] + [UInt8](repeating: 0, count: 31)
    static func unrecoverable(_ raw: String) throws -> String {
        var (type, fields) = try typedFields(raw)
        fields[fields.count - 2] = .bytes(unrecoverableR)
        return hex([type] + encode(.list(fields)))
    }
}

struct RawBytesError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
