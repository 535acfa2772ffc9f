/// One RLP item located inside a byte array by its positions, found without allocating.
///
/// The trie proof verifier walks nodes with these instead of decoding them into `RLPItem`
/// trees, so checking a proof costs little beyond its Keccak-256 calls. The rules are the
/// canonical ones `RLP.decode` enforces (single bytes below 0x80 as themselves, short form
/// below 56, long-form lengths without a leading zero, everything inside its container).
struct RLPSpan {
    /// Index of the item's first header byte.
    var start: Int
    /// Index of the first payload byte (== `start` for a single byte below 0x80).
    var payloadStart: Int
    /// Index just past the item.
    var end: Int
    /// Whether the item is a list.
    var isList: Bool

    var payloadCount: Int { end - payloadStart }
    var encodedCount: Int { end - start }

    static let empty = RLPSpan(start: 0, payloadStart: 0, end: 0, isList: false)

    /// Why a span could not be read; `problem` is a clause for an error message.
    struct Problem: Error {
        let problem: String
    }

    /// Reads the header of the item at `position`, which must end at or before `limit`.
    static func read(_ bytes: [UInt8], at position: Int, limit: Int) throws(Problem) -> RLPSpan {
        guard position < limit else { throw Problem(problem: "item at byte \(position) runs past its container") }
        let prefix = bytes[position]
        switch prefix {
        case 0x00...0x7f:
            return RLPSpan(start: position, payloadStart: position, end: position + 1, isList: false)
        case 0x80...0xb7, 0xc0...0xf7:
            let isList = prefix >= 0xc0
            let length = Int(prefix - (isList ? 0xc0 : 0x80))
            let end = position + 1 + length
            guard end <= limit else { throw overrun(position) }
            if !isList && length == 1 && bytes[position + 1] < 0x80 {
                throw Problem(problem: "single byte below 0x80 wrapped in a string header at byte \(position)")
            }
            return RLPSpan(start: position, payloadStart: position + 1, end: end, isList: isList)
        default:
            let isList = prefix >= 0xf8
            let lengthOfLength = Int(prefix - (isList ? 0xf7 : 0xb7))
            let payloadStart = position + 1 + lengthOfLength
            guard payloadStart <= limit else { throw overrun(position) }
            guard bytes[position + 1] != 0 else {
                throw Problem(problem: "long-form length with a leading zero at byte \(position)")
            }
            var length = 0
            for index in (position + 1)..<payloadStart {
                length = length << 8 | Int(bytes[index])
                // The payload must fit before `limit`, so a larger length fails here, before it can overflow.
                guard length <= limit - payloadStart else { throw overrun(position) }
            }
            guard length >= 56 else {
                throw Problem(problem: "long-form length \(length) below 56 at byte \(position)")
            }
            return RLPSpan(start: position, payloadStart: payloadStart, end: payloadStart + length, isList: isList)
        }
    }

    private static func overrun(_ position: Int) -> Problem {
        Problem(problem: "item at byte \(position) runs past its container")
    }
}
