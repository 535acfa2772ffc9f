import SigilCore
import SigilTestSupport

/// Seeded random transaction requests for round-trip and property tests.
struct RequestTestRandom {
    var rng: SeededGenerator
    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool() -> Bool { Bool.random(using: &rng) }
    mutating func bytes(_ count: Int) -> [UInt8] { rng.bytes(count) }
    mutating func address() -> Address { try! Address(bytes: bytes(20)) }

    /// A U256 of a random width (often small, sometimes full).
    mutating func u256(maxBytes: Int = 32) -> U256 {
        let width = [0, 1, 2, 4, 8, 12, 20, 32].filter { $0 <= maxBytes }.randomElement(using: &rng)!
        return try! U256(bigEndian: bytes(width))
    }

    mutating func uint64() -> UInt64 {
        switch int(0...3) {
        case 0: return 0
        case 1: return UInt64.random(in: 0...255, using: &rng)
        case 2: return UInt64.max
        default: return UInt64.random(in: 0...UInt64.max, using: &rng)
        }
    }

    mutating func accessList() -> AccessList {
        AccessList((0..<int(0...3)).map { _ in AccessList.Entry(address: address(), storageKeys: (0..<int(0...2)).map { _ in bytes(32) }) })
    }

    /// A request of `type` that passes `payload()` with default limits.
    mutating func validRequest(_ type: TransactionType) -> TransactionRequest {
        var chainId = u256(maxBytes: 8)
        if chainId.isZero { chainId = 1 }
        if type == .legacy, bool() { chainId = U256(UInt64(int(1...100_000))) }
        let maxFee = u256(maxBytes: 12)
        let tip = maxFee.isZero ? U256.zero : maxFee - (maxFee >> int(0...40))
        let to: Address? = (type == .blob || type == .setCode || bool()) ? address() : nil
        var request = TransactionRequest(
            type: type, chainId: chainId, nonce: uint64(), from: bool() ? address() : nil, to: to,
            value: u256(), data: bytes([0, 1, 4, 36, 68, 200].randomElement(using: &rng)!),
            gas: UInt64(int(21_000...30_000_000)))
        switch type {
        case .legacy, .accessList:
            request.gasPrice = u256(maxBytes: 12)
        default:
            request.maxFeePerGas = maxFee
            request.maxPriorityFeePerGas = tip
        }
        if type != .legacy { request.accessList = accessList() }
        if type == .blob {
            request.maxFeePerBlobGas = u256(maxBytes: 12)
            request.blobVersionedHashes = (0..<int(1...6)).map { _ in [0x01] + bytes(31) }
        }
        if type == .setCode {
            request.authorizationList = (0..<int(1...3)).map { _ in
                SignedAuthorization(authorization: Authorization(chainId: u256(maxBytes: 8), address: address(), nonce: uint64()),
                                    yParity: UInt8(int(0...1)), r: u256(), s: u256())
            }
        }
        return request
    }
}

/// Builds request-file JSON text from key/value pairs written as JSON fragments.
enum RequestTestJSON {
    /// A valid type-2 request as ordered (key, JSON fragment) pairs.
    static let dynamicFee: [(String, String)] = [
        ("format", "\"sigil.unsigned-tx/1\""), ("type", "\"0x2\""), ("chainId", "\"0x1\""), ("nonce", "\"0x0\""),
        ("from", "\"0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf\""),
        ("to", "\"0x0000000000000000000000000000000000000001\""), ("value", "\"0x64\""), ("data", "\"0x\""),
        ("gas", "\"0x5208\""), ("maxPriorityFeePerGas", "\"0x3b9aca00\""), ("maxFeePerGas", "\"0x2540be400\""),
        ("accessList", "[]"),
    ]

    static func text(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// `dynamicFee` with `key` replaced (or appended), or removed when `value` is nil.
    static func with(_ key: String, _ value: String?, base: [(String, String)] = dynamicFee) -> String {
        var pairs = base
        if let index = pairs.firstIndex(where: { $0.0 == key }) {
            if let value { pairs[index].1 = value } else { pairs.remove(at: index) }
        } else if let value {
            pairs.append((key, value))
        }
        return text(pairs)
    }
}
