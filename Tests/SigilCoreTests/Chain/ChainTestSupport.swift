import Foundation
import SigilCore
import SigilTestSupport

/// Readers for the JSON the chain vectors use: hex data, hex quantities (any width, leading
/// zeros allowed as the sources write them), and the trie tests' "0x-hex or text" strings.
enum ChainTestSupport {
    struct Bad: Error, CustomStringConvertible {
        let description: String
    }

    /// `0x`-prefixed hex data (an odd digit count is padded with a leading zero).
    static func bytes(_ value: Any?) throws -> [UInt8] {
        guard let text = value as? String, text.hasPrefix("0x") else { throw Bad(description: "not 0x-hex: \(String(describing: value))") }
        var digits = String(text.dropFirst(2))
        if digits.count % 2 == 1 { digits = "0" + digits }
        return try Hex.decode(digits, prefix: .forbidden)
    }

    /// A hex quantity as minimal big-endian bytes (empty for zero).
    static func quantityBytes(_ value: Any?) throws -> [UInt8] {
        let raw = try bytes(value)
        return Array(raw.drop(while: { $0 == 0 }))
    }

    static func u256(_ value: Any?) throws -> U256 {
        try U256(bigEndian: quantityBytes(value))
    }

    static func uint64(_ value: Any?) throws -> UInt64 {
        let raw = try quantityBytes(value)
        guard raw.count <= 8 else { throw Bad(description: "quantity wider than 64 bits: \(String(describing: value))") }
        return raw.reduce(0) { $0 << 8 | UInt64($1) }
    }

    static func address(_ value: Any?) throws -> Address {
        try Address(bytes: bytes(value))
    }

    /// The trie tests' key/value rule: a `0x` string is hex bytes, any other string its UTF-8 bytes.
    static func trieBytes(_ text: String) throws -> [UInt8] {
        text.hasPrefix("0x") ? try bytes(text) : Array(text.utf8)
    }

    /// The seed of a randomized test (`SIGIL_TEST_SEED` replays one), printed so a failure can be replayed.
    static func seed(_ label: String) -> UInt64 {
        let seed = SeededGenerator.seedFromEnvironment("SIGIL_TEST_SEED")
        print("\(label): seed \(seed) (replay with SIGIL_TEST_SEED=\(seed))")
        return seed
    }
}
