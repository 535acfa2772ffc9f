/// Base58 (the Bitcoin alphabet) and Base58Check (payload || first 4 bytes of
/// SHA-256(SHA-256(payload))), as used by BIP-32 extended keys.
///
/// Each leading zero byte is written as a leading `1`. Secret payloads (an `xprv`) have their
/// own entry points that take and return `SecureBytes` and wipe every intermediate buffer.
/// Decoding is quadratic in the length, so text longer than `maximumTextLength` is refused.
public enum Base58 {
    /// The 58 digits, in value order: no `0`, `O`, `I` or `l`.
    public static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// The longest text `decode` and `decodeCheck` accept (an extended key is 111 characters).
    public static let maximumTextLength = 1024

    /// Bytes in a Base58Check checksum.
    public static let checksumLength = 4

    // MARK: Public data

    /// The Base58 text of `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        let ascii = bytes.withUnsafeBytes { encodeRaw($0) }
        return String(decoding: ascii, as: UTF8.self)
    }

    /// The bytes of Base58 `text`. Fails on a character outside the alphabet.
    public static func decode(_ text: String) throws(Base58Error) -> [UInt8] {
        let ascii = Array(text.utf8)
        let result = ascii.withUnsafeBytes { input in Result { () throws(Base58Error) in try decodeRaw(input) } }
        return try result.get()
    }

    /// The Base58Check text of `payload` (the checksum is appended here).
    public static func encodeCheck(_ payload: [UInt8]) -> String {
        encode(payload + checksum(payload))
    }

    /// The payload of Base58Check `text`, after verifying and removing its checksum.
    public static func decodeCheck(_ text: String) throws(Base58Error) -> [UInt8] {
        var decoded = try decode(text)
        try verifyAndStripChecksum(&decoded)
        return decoded
    }

    // MARK: Secret data

    /// The Base58Check text (ASCII) of a secret payload, itself kept secret.
    public static func encodeCheck(secret payload: SecureBytes) -> SecureBytes {
        var full = payload.withUnsafeBytes { Array($0) }
        full += checksum(payload)
        defer { SecureBytes.wipeArray(&full) }
        var ascii = full.withUnsafeBytes { encodeRaw($0) }
        return SecureBytes(consuming: &ascii)
    }

    /// The payload of secret Base58Check text (ASCII or UTF-8), kept secret.
    public static func decodeCheck(secret text: SecureBytes) throws(Base58Error) -> SecureBytes {
        var decoded = try text.withUnsafeBytes { (input) throws(Base58Error) in try decodeRaw(input) }
        do {
            try verifyAndStripChecksum(&decoded)
        } catch {
            SecureBytes.wipeArray(&decoded)
            throw error
        }
        return SecureBytes(consuming: &decoded)
    }

    // MARK: Implementation

    private static func checksum(_ payload: [UInt8]) -> [UInt8] {
        Array(OpenSSL.sha256(OpenSSL.sha256(payload)).prefix(checksumLength))
    }

    private static func checksum(_ payload: SecureBytes) -> [UInt8] {
        Array(OpenSSL.sha256(OpenSSL.sha256(payload)).prefix(checksumLength))
    }

    /// Checks the last four bytes against the checksum of the rest, then removes them.
    private static func verifyAndStripChecksum(_ decoded: inout [UInt8]) throws(Base58Error) {
        guard decoded.count >= checksumLength else { throw .missingChecksum(decodedLength: decoded.count) }
        let split = decoded.count - checksumLength
        var payload = Array(decoded[..<split])
        let expected = checksum(payload)
        var difference: UInt8 = 0
        for i in 0..<checksumLength { difference |= expected[i] ^ decoded[split + i] }
        SecureBytes.wipeArray(&payload)
        guard difference == 0 else { throw .checksumMismatch }
        decoded.withUnsafeMutableBytes { SecureBytes.wipe(UnsafeMutableRawBufferPointer(rebasing: $0[split...])) }
        decoded.removeLast(checksumLength)
    }

    /// Base58 digits (ASCII) of a big-endian number, with one `1` per leading zero byte.
    static func encodeRaw(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var zeros = 0
        while zeros < input.count && input[zeros] == 0 { zeros += 1 }
        // log(256) / log(58) < 1.37: enough base-58 digits for the rest.
        var digits = [UInt8](repeating: 0, count: (input.count - zeros) * 137 / 100 + 1)
        defer { SecureBytes.wipeArray(&digits) }
        var used = 0
        for index in zeros..<input.count {
            var carry = Int(input[index])
            var j = 0
            while j < used || carry != 0 {
                let position = digits.count - 1 - j
                carry += 256 * Int(digits[position])
                digits[position] = UInt8(carry % 58)
                carry /= 58
                j += 1
            }
            used = j
        }
        var out = [UInt8](repeating: alphabet[0], count: zeros)
        out.reserveCapacity(zeros + used)
        for digit in digits[(digits.count - used)...] { out.append(alphabet[Int(digit)]) }
        return out
    }

    /// The bytes of Base58 ASCII text, with one zero byte per leading `1`.
    static func decodeRaw(_ input: UnsafeRawBufferPointer) throws(Base58Error) -> [UInt8] {
        guard input.count <= maximumTextLength else { throw .tooLong(input.count) }
        var ones = 0
        while ones < input.count && input[ones] == alphabet[0] { ones += 1 }
        // log(58) / log(256) < 0.733: enough bytes for the rest.
        var bytes = [UInt8](repeating: 0, count: (input.count - ones) * 733 / 1000 + 1)
        defer { SecureBytes.wipeArray(&bytes) }
        var used = 0
        for index in ones..<input.count {
            guard let value = digitValue(input[index]) else { throw .invalidCharacter(position: index + 1) }
            var carry = Int(value)
            var j = 0
            while j < used || carry != 0 {
                let position = bytes.count - 1 - j
                carry += 58 * Int(bytes[position])
                bytes[position] = UInt8(carry & 0xFF)
                carry >>= 8
                j += 1
            }
            used = j
        }
        return [UInt8](repeating: 0, count: ones) + bytes[(bytes.count - used)...]
    }

    /// The value of one Base58 digit, or nil.
    private static func digitValue(_ character: UInt8) -> UInt8? {
        lookup[Int(character)] == 0xFF ? nil : lookup[Int(character)]
    }

    private static let lookup: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
        return table
    }()
}

/// Why Base58 or Base58Check text was rejected. Descriptions never repeat the text.
public enum Base58Error: CategorizedError, Equatable {
    /// A character outside the Base58 alphabet, at this 1-based byte position.
    case invalidCharacter(position: Int)
    /// The text is longer than `Base58.maximumTextLength` bytes.
    case tooLong(Int)
    /// Base58Check: fewer than 4 bytes decoded, so there is no checksum.
    case missingChecksum(decodedLength: Int)
    /// Base58Check: the checksum does not match (a typo or a truncated copy).
    case checksumMismatch

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .invalidCharacter(let position):
            return "invalid Base58 character at position \(position) (0, O, I and l are not used)"
        case .tooLong(let count):
            return "Base58 text is too long: \(count) characters (at most \(Base58.maximumTextLength))"
        case .missingChecksum(let length):
            return "Base58Check data is too short to hold a checksum: \(length) bytes"
        case .checksumMismatch:
            return "Base58Check checksum mismatch (mistyped or truncated?)"
        }
    }
}
