@_spi(_Unicode) import Swift

/// Unicode NFKD for BIP-39 passphrases, without Foundation or ICU.
///
/// The standard library exposes canonical decomposition (NFD, via its `_Unicode` SPI) but no
/// compatibility mappings. So this computes NFKD exactly for every text in which no scalar
/// can have a compatibility decomposition (where NFKD equals NFD), and refuses the rest.
/// A scalar is accepted when it is ASCII, or NFKC_Casefold leaves it unchanged
/// (`changesWhenNFKCCaseFolded` is false), or it is a cased letter that only case folding
/// changes (its lower-case form is itself unchanged by NFKC_Casefold, and upper-casing that
/// gives the scalar back, up to canonical equivalence). That refuses e.g.
/// full-width letters, ligatures, superscripts, `ß`, and default-ignorable marks such as
/// ZERO WIDTH JOINER — conservative, but never wrong. An exhaustive comparison with Python's
/// `unicodedata.normalize("NFKD", …)` over all accepted scalars is in MnemonicTests.
enum UnicodeNFKD {
    /// NFKD of `text`, or the 1-based position of the first scalar that is refused.
    static func normalize(_ text: String) -> Result<String, RefusedScalar> {
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            guard isSafe(scalar) else { return .failure(RefusedScalar(position: position)) }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return .success(text) }
        var out = String.UnicodeScalarView()
        for scalar in text._nfd { out.append(scalar) }
        return .success(String(out))
    }

    struct RefusedScalar: Error, Equatable {
        let position: Int
    }

    /// Whether NFKD and NFD agree on `scalar` (see the type's documentation for the rule).
    static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return true }
        let properties = scalar.properties
        if !properties.changesWhenNFKCCaseFolded { return true }
        guard properties.changesWhenCaseFolded, properties.isCased else { return false }
        let lower = properties.lowercaseMapping.unicodeScalars
        guard lower.first != scalar || lower.count > 1 else { return false }
        guard lower.allSatisfy({ $0.isASCII || !$0.properties.changesWhenNFKCCaseFolded }) else { return false }
        // The scalar must be (canonically) the upper case of its lower case: this refuses
        // look-alike symbols such as U+03F4 GREEK CAPITAL THETA SYMBOL, whose lower case is θ.
        let text = String(scalar)
        return text.lowercased().uppercased() == text
    }
}
