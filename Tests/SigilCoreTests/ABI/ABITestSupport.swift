import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Shared helpers for the ABI test files.
enum ABITestSupport {
    static func bytes(_ hex: String) -> [UInt8] {
        do { return try Hex.decode(hex, prefix: .optional) } catch { fatalError("bad hex in test: \(hex)") }
    }

    // MARK: Random types and values

    static func randomType(depth: Int, using rng: inout SeededGenerator) -> ABIType {
        if depth == 0 || Int.random(in: 0..<5, using: &rng) < 2 {
            switch Int.random(in: 0..<8, using: &rng) {
            case 0: return .uint(bits: 8 * Int.random(in: 1...32, using: &rng))
            case 1: return .int(bits: 8 * Int.random(in: 1...32, using: &rng))
            case 2: return .address
            case 3: return .bool
            case 4: return .fixedBytes(Int.random(in: 1...32, using: &rng))
            case 5: return .bytes
            case 6: return .string
            default: return [.uint(bits: 256), .uint(bits: 8), .int(bits: 256), .int(bits: 8)].randomElement(using: &rng)!
            }
        }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .fixedArray(randomType(depth: depth - 1, using: &rng), count: Int.random(in: 1...3, using: &rng))
        case 1: return .array(randomType(depth: depth - 1, using: &rng))
        default: return .tuple((0..<Int.random(in: 1...4, using: &rng)).map { _ in randomType(depth: depth - 1, using: &rng) })
        }
    }

    static func randomTypeList(using rng: inout SeededGenerator) -> [ABIType] {
        (0..<Int.random(in: 0...4, using: &rng)).map { _ in randomType(depth: Int.random(in: 0...3, using: &rng), using: &rng) }
    }

    /// A random integer of at most `bits` bits, favouring 0, 1 and the maximum.
    static func randomUnsigned(bits: Int, using rng: inout SeededGenerator) -> U256 {
        let maxValue = bits == 256 ? U256.max : (U256.one << bits) - U256.one
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return .zero
        case 1: return .one
        case 2: return maxValue
        default:
            let random = U256(w0: rng.next(), w1: rng.next(), w2: rng.next(), w3: rng.next())
            return random >> Int.random(in: (256 - bits)...255, using: &rng)
        }
    }

    static let stringPieces = ["a", "Z", "0", " ", ",", "\"", "\\", "[", "(", "é", "漢", "🚀", "\n", "hello", "ß"]

    static func randomValue(_ type: ABIType, using rng: inout SeededGenerator) -> ABIValue {
        switch type {
        case .uint(let bits): return .uint(randomUnsigned(bits: bits, using: &rng))
        case .int(let bits):
            let negative = Bool.random(using: &rng)
            var magnitude = randomUnsigned(bits: bits - 1, using: &rng)
            if negative && Int.random(in: 0..<4, using: &rng) == 0 { magnitude = U256.one << (bits - 1) }
            return .int(I256(magnitude: magnitude, negative: negative)!)
        case .address: return .address(try! Address(bytes: rng.bytes(20)))
        case .bool: return .bool(Bool.random(using: &rng))
        case .fixedBytes(let count): return .fixedBytes(rng.bytes(count))
        case .bytes:
            let count = [0, 1, 31, 32, 33, 64, Int.random(in: 0...100, using: &rng)].randomElement(using: &rng)!
            return .bytes(rng.bytes(count))
        case .string:
            return .string((0..<Int.random(in: 0...12, using: &rng)).map { _ in stringPieces.randomElement(using: &rng)! }.joined())
        case .fixedArray(let element, let count):
            return .array((0..<count).map { _ in randomValue(element, using: &rng) })
        case .array(let element):
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in randomValue(element, using: &rng) })
        case .tuple(let components):
            return .tuple(components.map { randomValue($0, using: &rng) })
        }
    }

    /// The canonical type name, written independently of `ABIType.canonicalName`.
    static func canonical(_ type: ABIType) -> String {
        switch type {
        case .uint(let b): return "uint" + String(b)
        case .int(let b): return "int" + String(b)
        case .address: return "address"
        case .bool: return "bool"
        case .fixedBytes(let n): return "bytes" + String(n)
        case .bytes: return "bytes"
        case .string: return "string"
        case .fixedArray(let e, let n): return canonical(e) + "[" + String(n) + "]"
        case .array(let e): return canonical(e) + "[]"
        case .tuple(let cs): return "(" + cs.map(canonical).joined(separator: ",") + ")"
        }
    }

    // MARK: JSON forms

    /// The oracle's JSON form: integers as decimal strings, bytes and addresses as 0x hex.
    static func json(_ value: ABIValue) -> Any {
        switch value {
        case .uint(let v): return v.decimalString
        case .int(let v): return v.description
        case .address(let a): return Hex.encode(a.bytes)
        case .bool(let b): return b
        case .fixedBytes(let b), .bytes(let b): return Hex.encode(b)
        case .string(let s): return s
        case .array(let e), .tuple(let e): return e.map(json)
        }
    }

    /// A value from a vector file's JSON argument. Integers may be numbers, decimal strings or
    /// 0x hex; byte arguments are 0x hex, or ASCII text when `asciiBytes` is set.
    static func value(fromJSON json: Any, type: ABIType, asciiBytes: Bool) throws -> ABIValue {
        func number() throws -> U256 {
            if let n = json as? NSNumber { return U256(n.uint64Value) }
            return try U256(parsing: json as! String)
        }
        func byteString() throws -> [UInt8] {
            let text = json as! String
            return asciiBytes ? Array(text.utf8) : try Hex.decode(text)
        }
        switch type {
        case .uint: return .uint(try number())
        case .int: return .int(I256(twosComplement: try number()))
        case .address: return .address(try Address(parsing: (json as! String)))
        case .bool: return .bool((json as! NSNumber).boolValue)
        case .fixedBytes(let n):
            var b = try byteString()
            if asciiBytes { b += [UInt8](repeating: 0, count: max(0, n - b.count)) }
            return .fixedBytes(b)
        case .bytes: return .bytes(try byteString())
        case .string: return .string(json as! String)
        case .fixedArray(let e, _), .array(let e):
            return .array(try (json as! [Any]).map { try value(fromJSON: $0, type: e, asciiBytes: asciiBytes) })
        case .tuple(let cs):
            return .tuple(try zip(json as! [Any], cs).map { try value(fromJSON: $0, type: $1, asciiBytes: asciiBytes) })
        }
    }
}
