/// The raw-block encoder behind `Snappy.compress`: a greedy LZ77 over 64 KiB fragments with a
/// hash table of 4-byte sequences, in the manner of the reference implementation.
enum SnappyEncoder {
    /// Fragment size: matches never cross a fragment, so offsets fit the 2-byte copy form.
    static let fragmentSize = 1 << 16
    /// Largest hash table (entries); smaller fragments use a smaller power of two.
    static let maximumTableSize = 1 << 14
    /// Near a fragment's end no match is searched (4-byte loads stay inside the fragment).
    static let inputMargin = 15

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32 + input.count + input.count / 6)
        Snappy.appendVarint(input.count, to: &out)
        guard !input.isEmpty else { return out }
        var table = [UInt16](repeating: 0, count: maximumTableSize)
        input.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let end = min(start + fragmentSize, buffer.count)
                compressFragment(buffer.baseAddress!, start: start, end: end, table: &table, into: &out)
                start = end
            }
        }
        return out
    }

    private static func compressFragment(
        _ source: UnsafePointer<UInt8>, start: Int, end: Int, table: inout [UInt16], into out: inout [UInt8]
    ) {
        var nextEmit = start
        let length = end - start
        if length >= inputMargin {
            var tableSize = 256
            while tableSize < maximumTableSize && tableSize < length { tableSize <<= 1 }
            let shift = UInt32(32 - tableSize.trailingZeroBitCount)
            for index in 0..<tableSize { table[index] = 0 }
            func load(_ index: Int) -> UInt32 {
                UnsafeRawPointer(source + index).loadUnaligned(as: UInt32.self)
            }
            func hash(_ index: Int) -> Int {
                Int((load(index) &* 0x1e35_a7bd) >> shift)
            }
            let inputLimit = end - inputMargin
            var ip = start + 1
            search: while true {
                // Look for a 4-byte match, stepping further the longer nothing matches.
                var skip = 32
                var nextIp = ip
                var candidate: Int
                repeat {
                    ip = nextIp
                    nextIp = ip + (skip >> 5)
                    skip += 1
                    if nextIp > inputLimit { break search }
                    let slot = hash(ip)
                    candidate = start + Int(table[slot])
                    table[slot] = UInt16(ip - start)
                } while load(ip) != load(candidate)
                appendLiteral(source, from: nextEmit, to: ip, into: &out)
                // Emit copies while the position right after a match starts another one.
                repeat {
                    let matchStart = ip
                    let matched = 4 + matchLength(source, candidate + 4, ip + 4, end: end)
                    ip += matched
                    appendCopy(distance: matchStart - candidate, length: matched, into: &out)
                    nextEmit = ip
                    if ip >= inputLimit { break search }
                    table[hash(ip - 1)] = UInt16(ip - 1 - start)
                    let slot = hash(ip)
                    candidate = start + Int(table[slot])
                    table[slot] = UInt16(ip - start)
                } while load(ip) == load(candidate)
                ip += 1
            }
        }
        if nextEmit < end { appendLiteral(source, from: nextEmit, to: end, into: &out) }
    }

    /// How many bytes at `earlier` equal those at `later` (< `end`), eight at a time.
    private static func matchLength(_ source: UnsafePointer<UInt8>, _ earlier: Int, _ later: Int, end: Int) -> Int {
        var count = 0
        while later + count + 8 <= end {
            let a = UnsafeRawPointer(source + earlier + count).loadUnaligned(as: UInt64.self)
            let b = UnsafeRawPointer(source + later + count).loadUnaligned(as: UInt64.self)
            let difference = a ^ b
            // Little-endian loads: the first differing byte is the lowest set byte.
            if difference != 0 { return count + (UInt64(littleEndian: difference).trailingZeroBitCount >> 3) }
            count += 8
        }
        while later + count < end && source[earlier + count] == source[later + count] { count += 1 }
        return count
    }

    /// A literal element for `source[from..<to]` (non-empty).
    private static func appendLiteral(_ source: UnsafePointer<UInt8>, from: Int, to: Int, into out: inout [UInt8]) {
        let lengthMinusOne = to - from - 1
        if lengthMinusOne < 60 {
            out.append(UInt8(lengthMinusOne << 2))
        } else {
            var extra = 1
            while extra < 4 && lengthMinusOne >> (8 * extra) != 0 { extra += 1 }
            out.append(UInt8((59 + extra) << 2))
            for index in 0..<extra { out.append(UInt8(truncatingIfNeeded: lengthMinusOne >> (8 * index))) }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: source + from, count: to - from))
    }

    /// Copy elements for a match of `length` ≥ 4 bytes, `distance` < 65536 back.
    private static func appendCopy(distance: Int, length: Int, into out: inout [UInt8]) {
        var rest = length
        // Split long matches so that every piece is at least 4 bytes (the 1-byte-offset form's minimum).
        while rest >= 68 {
            appendShortCopy(distance: distance, length: 64, into: &out)
            rest -= 64
        }
        if rest > 64 {
            appendShortCopy(distance: distance, length: 60, into: &out)
            rest -= 60
        }
        appendShortCopy(distance: distance, length: rest, into: &out)
    }

    /// One copy element of 4…64 bytes: the 1-byte-offset form when it fits, else the 2-byte form.
    private static func appendShortCopy(distance: Int, length: Int, into out: inout [UInt8]) {
        if length < 12 && distance < 2048 {
            out.append(UInt8(1 | (length - 4) << 2 | (distance >> 8) << 5))
            out.append(UInt8(truncatingIfNeeded: distance))
        } else {
            out.append(UInt8(2 | (length - 1) << 2))
            out.append(UInt8(truncatingIfNeeded: distance))
            out.append(UInt8(truncatingIfNeeded: distance >> 8))
        }
    }
}
