/// Path templates: a derivation path with `{i}` where an account index goes, such as
/// `m/44'/60'/{i}'/0/0` (Ledger Live's layout) or `m/44'/60'/0'/0/{i}` (the default one).
extension DerivationPath {
    /// The placeholder replaced by each index.
    public static let indexPlaceholder = "{i}"

    /// Whether `text` holds the `{i}` placeholder.
    public static func isTemplate(_ text: String) -> Bool {
        text.contains(indexPlaceholder)
    }

    /// The path `template` names for `index`: every `{i}` becomes the decimal index, then the
    /// result is parsed like any path (so `{i}'` gives a hardened step).
    public static func instantiating(template: String, index: UInt32) throws(DerivationPathError) -> DerivationPath {
        try DerivationPath(parsing: template.replacing(indexPlaceholder, with: String(index)))
    }
}
