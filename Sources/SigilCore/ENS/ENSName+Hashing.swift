extension ENSName {
    /// The EIP-137 namehash of an already normalized name: 32 zero bytes for "", else
    /// keccak256(namehash(parent) ‖ labelhash(label)) from the last label to the first.
    /// It does not normalize: pass the result of `normalize` (hashing an unnormalized name
    /// gives the node of a different name).
    public static func namehash(_ normalizedName: String) -> [UInt8] {
        var node = [UInt8](repeating: 0, count: 32)
        guard !normalizedName.isEmpty else { return node }
        for label in normalizedName.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).reversed() {
            node = Keccak256.hash(node + Keccak256.hash(Array(label)))
        }
        return node
    }

    /// keccak256 of the label's UTF-8 bytes (the label must be normalized and contain no ".").
    public static func labelhash(_ normalizedLabel: String) -> [UInt8] {
        Keccak256.hash(normalizedLabel)
    }

    /// The DNS wire format of a normalized name (ENSIP-10 `resolve(bytes name, ...)`): each label
    /// as a length byte and its UTF-8 bytes, then a zero byte. The empty name is one zero byte.
    /// Throws when a label is empty or longer than 255 bytes.
    public static func dnsEncoded(_ normalizedName: String) throws -> [UInt8] {
        var out: [UInt8] = []
        if !normalizedName.isEmpty {
            for label in normalizedName.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
                let codePoints = String(decoding: label, as: UTF8.self).unicodeScalars.map(\.value)
                if label.isEmpty {
                    throw ENSNameError(.emptyLabel, label: codePoints, "empty label")
                }
                if label.count > 255 {
                    throw ENSNameError(.labelTooLong, label: codePoints, "label longer than 255 bytes (\(label.count)) for DNS encoding")
                }
                out.append(UInt8(label.count))
                out += label
            }
        }
        out.append(0)
        return out
    }
}
