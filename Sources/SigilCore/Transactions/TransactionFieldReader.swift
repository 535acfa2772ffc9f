/// Reads a transaction's RLP fields in order, strictly, naming each field in its errors.
struct TransactionFieldReader {
    private let items: [RLPItem]
    private var index = 0

    /// A reader over `items`, which must number exactly `count` (`what` names the list).
    init(_ items: [RLPItem], count: Int, what: String? = nil) throws(TransactionDecodingError) {
        guard items.count == count else {
            throw .init(field: what, .wrongItemCount(expected: count, actual: items.count))
        }
        self.items = items
    }

    /// The next raw item.
    mutating func item() -> RLPItem {
        defer { index += 1 }
        return items[index]
    }

    /// The next byte string.
    mutating func bytes(_ name: String) throws(TransactionDecodingError) -> [UInt8] {
        guard case .bytes(let bytes) = item() else { throw .init(field: name, .expectedBytes) }
        return bytes
    }

    /// The next list.
    mutating func list(_ name: String) throws(TransactionDecodingError) -> [RLPItem] {
        guard case .list(let items) = item() else { throw .init(field: name, .expectedList) }
        return items
    }

    /// The next canonical integer's minimal bytes, at most `maxBytes` long.
    mutating func integerBytes(_ name: String, maxBytes: Int) throws(TransactionDecodingError) -> [UInt8] {
        let bytes = try bytes(name)
        if bytes.first == 0 { throw .init(field: name, .leadingZero) }
        guard bytes.count <= maxBytes else { throw .init(field: name, .integerTooLarge(maxBits: maxBytes * 8)) }
        return bytes
    }

    /// The next integer ≤ 2^64 - 1.
    mutating func uint64(_ name: String) throws(TransactionDecodingError) -> UInt64 {
        var value: UInt64 = 0
        for byte in try integerBytes(name, maxBytes: 8) { value = value << 8 | UInt64(byte) }
        return value
    }

    /// The next integer ≤ 2^256 - 1.
    mutating func u256(_ name: String) throws(TransactionDecodingError) -> U256 {
        let bytes = try integerBytes(name, maxBytes: 32)
        // Cannot fail: at most 32 bytes.
        return (try? U256(bigEndian: bytes)) ?? .zero
    }

    /// The next address; the empty string means creation and is allowed only if `allowCreation`.
    mutating func address(_ name: String, allowCreation: Bool) throws(TransactionDecodingError) -> Address? {
        let bytes = try bytes(name)
        if bytes.isEmpty {
            guard allowCreation else { throw .init(field: name, .creationNotAllowed) }
            return nil
        }
        guard bytes.count == 20 else { throw .init(field: name, .invalidAddressLength(bytes.count)) }
        return Address(validated: bytes)
    }

    /// The next access list.
    mutating func accessList() throws(TransactionDecodingError) -> AccessList {
        try AccessList(decoding: item())
    }

    /// The typed-transaction signature `[yParity, r, s]`: parity 0 or 1, r and s in [1, n-1].
    mutating func typedSignature() throws(TransactionDecodingError) -> Signature {
        let parityBytes = try integerBytes("yParity", maxBytes: 32)
        guard parityBytes.count <= 1, (parityBytes.first ?? 0) <= 1 else {
            throw .init(field: "yParity", .invalidYParity(Self.hexQuantity(parityBytes)))
        }
        return try signature(yParity: parityBytes.first ?? 0)
    }

    /// r and s as the next two fields, checked to be in [1, n-1].
    mutating func signature(yParity: UInt8) throws(TransactionDecodingError) -> Signature {
        let r = try integerBytes("r", maxBytes: 32)
        let s = try integerBytes("s", maxBytes: 32)
        return try Self.makeSignature(r: r, s: s, yParity: yParity)
    }

    static func makeSignature(r: [UInt8], s: [UInt8], yParity: UInt8) throws(TransactionDecodingError) -> Signature {
        let r32 = [UInt8](repeating: 0, count: 32 - r.count) + r
        let s32 = [UInt8](repeating: 0, count: 32 - s.count) + s
        guard !r.isEmpty else { throw .init(field: "r", .signatureZero("r")) }
        guard !s.isEmpty else { throw .init(field: "s", .signatureZero("s")) }
        guard Signature.isScalarInRange(r32) else { throw .init(field: "r", .signatureOutOfRange("r")) }
        guard Signature.isScalarInRange(s32) else { throw .init(field: "s", .signatureOutOfRange("s")) }
        do {
            return try Signature(r: r32, s: s32, yParity: yParity)
        } catch {
            throw .init(field: "s", .signatureOutOfRange("s"))
        }
    }

    /// `0x…` for an integer's minimal bytes (`0x0` for empty).
    static func hexQuantity(_ bytes: [UInt8]) -> String {
        ((try? U256(bigEndian: Array(bytes.prefix(32)))) ?? .zero).hexQuantity + (bytes.count > 32 ? "…" : "")
    }
}
