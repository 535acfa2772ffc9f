/// A BIP-39 mnemonic in the English word list.
///
/// Holds only the entropy, in `SecureBytes`; the phrase is rebuilt on demand. It prints as
/// `<mnemonic: N words, redacted>`. Use `withPhrase` for the one place that shows the words.
public struct Mnemonic: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let entropy: SecureBytes

    /// The number of words: 12, 15, 18, 21 or 24.
    public var wordCount: Int { entropy.count * 3 / 4 }

    public static let validWordCounts = [12, 15, 18, 21, 24]

    /// Wraps 16, 20, 24, 28 or 32 bytes of entropy.
    public init(entropy: SecureBytes) throws(MnemonicError) {
        guard [16, 20, 24, 28, 32].contains(entropy.count) else { throw .invalidEntropyLength(entropy.count) }
        self.entropy = entropy.withUnsafeBytes { SecureBytes(copying: $0) }
    }

    /// Parses a phrase (UTF-8). Words may be separated by any run of ASCII whitespace and are
    /// matched case-insensitively; the checksum must hold. Errors never echo a word.
    public init(phrase: SecureBytes) throws(MnemonicError) {
        var indices: [Int] = []
        defer { for i in indices.indices { indices[i] = 0 } }
        var count = 0
        var firstUnknown: Int?
        phrase.withUnsafeBytes { bytes in
            var word = [UInt8]()
            defer { SecureBytes.wipeArray(&word) }
            func finish() {
                guard !word.isEmpty else { return }
                count += 1
                if let index = Self.index(of: word) { indices.append(index) } else if firstUnknown == nil {
                    firstUnknown = count
                }
                SecureBytes.wipeArray(&word)
            }
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    finish()
                } else if word.count < 16 {
                    word.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else {
                    word.append(0xFF)  // too long for any list word; keep it unmatched
                    word.removeFirst()
                }
            }
            finish()
        }
        // The count first: with a missing word, reporting it is more useful than a checksum error.
        guard Self.validWordCounts.contains(count) else { throw .wrongWordCount(count) }
        if let firstUnknown { throw .unknownWord(position: firstUnknown) }
        entropy = try Self.entropy(from: indices)
    }

    /// A new mnemonic of `wordCount` words from OpenSSL's CSPRNG.
    public static func generate(wordCount: Int) throws(MnemonicError) -> Mnemonic {
        guard validWordCounts.contains(wordCount) else { throw .wrongWordCount(wordCount) }
        let entropy: SecureBytes
        do { entropy = try OpenSSL.randomSecret(wordCount * 4 / 3) } catch { throw .cryptoFailure(error.description) }
        return try Mnemonic(entropy: entropy)
    }

    /// The BIP-39 seed: PBKDF2-HMAC-SHA512(phrase, "mnemonic" + NFKD(passphrase), 2048) → 64 bytes.
    /// `passphrase` is UTF-8; see `UnicodeNFKD` for which non-ASCII passphrases are refused.
    public func seed(passphrase: SecureBytes = SecureBytes(count: 0)) throws(MnemonicError) -> SecureBytes {
        var salt = Array("mnemonic".utf8)
        defer { SecureBytes.wipeArray(&salt) }
        let isASCII = passphrase.withUnsafeBytes { $0.allSatisfy { $0 < 0x80 } }
        if isASCII {
            passphrase.withUnsafeBytes { salt.append(contentsOf: $0) }
        } else {
            guard let text = passphrase.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else {
                throw .passphraseNotUTF8
            }
            switch UnicodeNFKD.normalize(text) {
            case .success(let normalized): salt.append(contentsOf: normalized.utf8)
            case .failure(let refused): throw .passphraseNeedsCompatibilityNormalization(position: refused.position)
            }
        }
        let phrase = phraseBytes()
        do {
            return try OpenSSL.pbkdf2SHA512(password: phrase, salt: salt, iterations: 2048, keyLength: 64)
        } catch {
            throw .cryptoFailure(error.description)
        }
    }

    /// Calls `body` with the phrase: lower-case words separated by single spaces.
    public func withPhrase<R>(_ body: (String) throws -> R) rethrows -> R {
        try body(String(decoding: words().joined(separator: " ").utf8, as: UTF8.self))
    }

    /// Calls `body` with the entropy bytes.
    public func withEntropy<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try entropy.withUnsafeBytes(body)
    }

    public var description: String { "<mnemonic: \(wordCount) words, redacted>" }
    public var debugDescription: String { description }

    // MARK: Encoding

    private func phraseBytes() -> SecureBytes {
        var bytes = [UInt8]()
        for (i, word) in words().enumerated() {
            if i > 0 { bytes.append(0x20) }
            bytes.append(contentsOf: word.utf8)
        }
        return SecureBytes(consuming: &bytes)
    }

    /// entropy ++ checksum, cut into 11-bit indices.
    private func words() -> [String] {
        let checksum = OpenSSL.sha256(entropy)[0]
        return entropy.withUnsafeBytes { bytes in
            var out: [String] = []
            var accumulator = 0, bits = 0
            for i in 0...bytes.count {
                accumulator = (accumulator << 8 | Int(i < bytes.count ? bytes[i] : checksum)) & 0xFFFFF
                bits += 8
                if bits >= 11, out.count < wordCount {
                    bits -= 11
                    out.append(BIP39EnglishWordlist.words[(accumulator >> bits) & 0x7FF])
                }
            }
            return out
        }
    }

    private static func entropy(from indices: [Int]) throws(MnemonicError) -> SecureBytes {
        let totalBits = indices.count * 11
        let checksumBits = totalBits / 33
        var bytes = [UInt8](repeating: 0, count: (totalBits + 7) / 8)
        defer { SecureBytes.wipeArray(&bytes) }
        for (i, index) in indices.enumerated() {
            for bit in 0..<11 where index >> (10 - bit) & 1 == 1 {
                let position = i * 11 + bit
                bytes[position / 8] |= 0x80 >> UInt8(position % 8)
            }
        }
        let entropyBytes = (totalBits - checksumBits) / 8
        let entropy = SecureBytes(count: entropyBytes)
        entropy.withUnsafeMutableBytes { $0.copyBytes(from: bytes[0..<entropyBytes]) }
        let expected = OpenSSL.sha256(entropy)[0] >> UInt8(8 - checksumBits)
        let actual = bytes[entropyBytes] >> UInt8(8 - checksumBits)
        guard expected == actual else { throw .invalidChecksum }
        return entropy
    }

    /// Binary search in the (sorted) list.
    private static func index(of word: [UInt8]) -> Int? {
        let list = BIP39EnglishWordlist.words
        var low = 0, high = list.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let candidate = list[mid].utf8
            if candidate.elementsEqual(word) { return mid }
            if candidate.lexicographicallyPrecedes(word) { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }
}

extension SecureBytes {
    /// Zeroes and empties a temporary array that held secret bytes.
    static func wipeArray(_ array: inout [UInt8]) {
        array.withUnsafeMutableBytes { wipe($0) }
        array.removeAll()
    }
}

/// Why a mnemonic or passphrase was refused. Descriptions never contain a word of the phrase.
public enum MnemonicError: CategorizedError, Equatable {
    case wrongWordCount(Int)
    /// The word at this 1-based position is not in the list (the word itself is not shown).
    case unknownWord(position: Int)
    case invalidChecksum
    case invalidEntropyLength(Int)
    case passphraseNotUTF8
    /// The passphrase has a character whose NFKD form Sigil cannot compute (see `UnicodeNFKD`).
    case passphraseNeedsCompatibilityNormalization(position: Int)
    case cryptoFailure(String)

    public var category: ErrorCategory {
        switch self {
        case .passphraseNeedsCompatibilityNormalization: .unsupported
        case .cryptoFailure: .system
        default: .invalidInput
        }
    }

    public var description: String {
        switch self {
        case .wrongWordCount(let n): "expected 12, 15, 18, 21 or 24 words, got \(n)"
        case .unknownWord(let position): "word \(position) is not in the BIP-39 English list"
        case .invalidChecksum: "invalid mnemonic checksum (a word is wrong or the words are out of order)"
        case .invalidEntropyLength(let n): "mnemonic entropy must be 16, 20, 24, 28 or 32 bytes, got \(n)"
        case .passphraseNotUTF8: "the BIP-39 passphrase is not valid UTF-8"
        case .passphraseNeedsCompatibilityNormalization(let position):
            "BIP-39 passphrase character \(position) needs Unicode compatibility normalization (NFKD), which is not supported; use a passphrase without such characters"
        case .cryptoFailure(let message): "mnemonic: \(message)"
        }
    }
}
