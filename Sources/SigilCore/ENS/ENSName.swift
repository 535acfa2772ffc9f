/// ENS names: normalization per ENSIP-15 and hashing per EIP-137 (ENSIP-1). Pure and offline;
/// the Unicode and ENSIP-15 tables are compiled in (`ENSNormalizationTables`).
///
///     let name = try ENSName.normalize("Nick.ETH")   // "nick.eth"
///     let node = ENSName.namehash(name)              // 32 bytes
public enum ENSName {
    /// The version of the compiled ENSIP-15 data: Unicode version and spec creation date.
    public static var dataVersion: String {
        "ENSIP-15 spec \(ENSNormalizationTables.specCreated), Unicode \(ENSNormalizationTables.unicodeVersion)"
    }

    /// The Unicode version of the compiled tables, e.g. "17.0.0 (2025-09-10T16:58:18.331Z)".
    public static var unicodeVersion: String { ENSNormalizationTables.unicodeVersion }

    /// `name` normalized per ENSIP-15: labels split at ".", each mapped, NFC-normalized and
    /// validated; emoji without FE0F. The empty name normalizes to itself.
    /// Throws `ENSNameError` for the first label that cannot be normalized.
    public static func normalize(_ name: String) throws -> String {
        try transform(name, beautified: false)
    }

    /// Like `normalize`, but for display: emoji keep their FE0F (fully qualified), and outside
    /// Greek labels "ξ" is shown as "Ξ". The result is not for hashing.
    public static func beautify(_ name: String) throws -> String {
        try transform(name, beautified: true)
    }

    /// Whether `name` is already normalized (normalizing it changes nothing).
    public static func isNormalized(_ name: String) -> Bool {
        (try? normalize(name)) == name
    }

    private static func transform(_ name: String, beautified: Bool) throws -> String {
        guard !name.isEmpty else { return "" }
        let normalizer = ENSLabelNormalizer()
        var labels: [String] = []
        for label in name.unicodeScalars.split(separator: ".", omittingEmptySubsequences: false) {
            let result = try normalizer.normalize(label.map(\.value))
            var codePoints = result.codePoints(beautified: beautified)
            if beautified, result.group?.name != "Greek" {
                codePoints = codePoints.map { $0 == 0x3BE ? 0x39E : $0 }
            }
            labels.append(ENSNormalForm.string(codePoints))
        }
        return labels.joined(separator: ".")
    }
}
