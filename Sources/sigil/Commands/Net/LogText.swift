import SigilCore
import SigilNet

/// The text lines of `sigil logs`, one per log: `block N tx 0x… log I  CONTRACT  Event(name: value, …)`.
///
/// A scan prints thousands of lines, so they are written as bytes into one buffer per chunk,
/// skipping work `DecodedEvent.description` would do for each: checksummed addresses are
/// computed once per address, and values that can only print as digits or hex (addresses,
/// integers, bools, bytesN) are not run through `DisplayText`; everything else (strings, bytes,
/// arrays, tuples, hashed topics) is shown as the decoder shows it, escaped. The text is the
/// decoder's.
final class LogText {
    private var checksums: [Address: [UInt8]] = [:]
    private static let digits = Array("0123456789abcdef".utf8)

    /// Appends the line of `log` (and its newline) to `out`.
    func append(_ log: EventLog, _ decoded: DecodedEvent?, to out: inout [UInt8]) {
        out += Self.block
        decimal(log.blockNumber, to: &out)
        out += Self.tx
        hex(log.transactionHash, to: &out)
        out += Self.index
        decimal(log.logIndex, to: &out)
        out += Self.gap
        out += address(log.address)
        out += Self.gap
        guard let decoded else {
            out += Array("topics [".utf8)
            for (i, topic) in log.topics.enumerated() {
                if i > 0 { out += Self.comma }
                hex(topic, to: &out)
            }
            out += Array("] data ".utf8)
            hex(log.data, to: &out)
            out.append(UInt8(ascii: "\n"))
            return
        }
        out += Array(decoded.event.name.utf8)
        out.append(UInt8(ascii: "("))
        for (i, field) in decoded.fields.enumerated() {
            if i > 0 { out += Self.comma }
            out += Array(field.name.utf8)
            out += Self.colon
            value(field, to: &out)
        }
        out += Self.close
    }

    private static let block = Array("block ".utf8), tx = Array(" tx ".utf8), index = Array(" log ".utf8)
    private static let gap = Array("  ".utf8), comma = Array(", ".utf8), colon = Array(": ".utf8), close = Array(")\n".utf8)

    private func address(_ address: Address) -> [UInt8] {
        if let known = checksums[address] { return known }
        let text = Array(address.checksummed.utf8)
        checksums[address] = text
        return text
    }

    private func value(_ field: DecodedEvent.Field, to out: inout [UInt8]) {
        switch field.value {
        case .value(.address(let holder)): out += address(holder)
        case .value(.uint(let number)):
            if let small = number.uint64Value { decimal(small, to: &out) } else { out += Array(number.decimalString.utf8) }
        case .value(.int(let number)): out += Array(number.description.utf8)
        case .value(.bool(let flag)): out += Array((flag ? "true" : "false").utf8)
        case .value(.fixedBytes(let bytes)): hex(bytes, to: &out)
        default: out += Array(field.display.utf8)
        }
    }

    private func hex(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "0"))
        out.append(UInt8(ascii: "x"))
        for byte in bytes {
            out.append(Self.digits[Int(byte >> 4)])
            out.append(Self.digits[Int(byte & 0x0F)])
        }
    }

    private func decimal(_ value: UInt64, to out: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        out += digits.reversed()
    }
}
