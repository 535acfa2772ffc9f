import SigilCore

/// Shell completion callbacks (`completion: .custom(...)`): they run inside the binary when the
/// user presses TAB, so they must be quick, print nothing and never fail.
public enum ConfigCompletions {
    /// Keystore account names and checksummed addresses starting with `prefix`, from the folder
    /// given by `--keystore` on the command line being completed, else `$SIGIL_KEYSTORE`, else
    /// the config's `defaults.keystore`, else the data directory's `keystore/`.
    @Sendable
    public static func accounts(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let directory = KeystoreDirectory(path: keystorePath(words: words))
        guard let accounts = try? directory.accounts() else { return [] }
        var candidates: [String] = []
        for account in accounts {
            if let name = account.name { candidates.append(name) }
            if let address = account.address { candidates.append(address.checksummed) }
        }
        return candidates.filter { $0.hasPrefix(prefix) }
    }

    /// Network names from the config file, for `--network`.
    @Sendable
    public static func networks(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        ConfigFile.networkNames().filter { $0.hasPrefix(prefix) }
    }

    /// The keystore folder the completed command would use.
    static func keystorePath(words: [String]) -> String {
        var flags = ConfigFlags()
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            if word == "--keystore" { flags.keystore = iterator.next().map(unquote) }
            else if word.hasPrefix("--keystore=") { flags.keystore = unquote(String(word.dropFirst(11))) }
            else if word == "--config" { flags.config = iterator.next().map(unquote) }
            else if word.hasPrefix("--config=") { flags.config = unquote(String(word.dropFirst(9))) }
        }
        if let settings = try? EffectiveSettings.resolve(flags: flags), let path = settings.keystore.value {
            return path
        }
        return flags.keystore ?? DataDirectory.environment("SIGIL_KEYSTORE") ?? DataDirectory.keystore
    }

    /// Shell words arrive verbatim: strip one level of matching quotes.
    static func unquote(_ word: String) -> String {
        guard word.count >= 2, let first = word.first, first == "'" || first == "\"", word.last == first else { return word }
        return String(word.dropFirst().dropLast())
    }
}
