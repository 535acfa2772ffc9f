import SigilCore
import TOMLKit

#if canImport(Glibc)
import Glibc
#endif

/// Reading `config.toml`: `--config FILE`, else `$SIGIL_CONFIG`, else
/// `$XDG_CONFIG_HOME/sigil/config.toml`, else `~/.config/sigil/config.toml`.
///
/// Parsing is strict: an unknown key or a value of the wrong type is an error naming the file
/// and the key path; a syntax error names the file, line and column.
public enum ConfigFile {
    /// Where the config is read from when neither `--config` nor `SIGIL_CONFIG` is given.
    public static var defaultPath: String {
        if let xdg = DataDirectory.environment("XDG_CONFIG_HOME") { return xdg + "/sigil/config.toml" }
        return (DataDirectory.environment("HOME") ?? ".") + "/.config/sigil/config.toml"
    }

    /// Reads and validates the config at `path`.
    public static func load(path: String) throws(ConfigError) -> SigilConfig {
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(path, limit: 1 << 20)
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// The config at `path`, or an empty config when the file does not exist (the default
    /// location need not exist; an explicitly named file must).
    public static func loadIfPresent(path: String) throws(ConfigError) -> SigilConfig {
        guard FileIO.exists(path) else { return SigilConfig() }
        return try load(path: path)
    }

    /// Parses TOML text; `path` is only used in error messages.
    public static func parse(_ text: String, path: String) throws(ConfigError) -> SigilConfig {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column,
                          message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, message: "\(error)")
        }
        let reader = ConfigTableReader(path: path)
        try reader.allowOnly(["defaults", "networks"], in: root, at: "")
        var config = SigilConfig()
        if let value = root["defaults"] {
            let table = try reader.table(value, at: "defaults")
            try reader.allowOnly(["account", "keystore", "network"], in: table, at: "defaults")
            config.defaults = SigilConfig.Defaults(
                account: try reader.string(table, "account", at: "defaults"),
                keystore: try reader.string(table, "keystore", at: "defaults"),
                network: try reader.string(table, "network", at: "defaults"))
        }
        if let value = root["networks"] {
            let networks = try reader.table(value, at: "networks")
            for name in networks.keys.sorted() {
                config.networks[name] = try reader.network(networks[name]!, at: "networks." + name)
            }
        }
        return config
    }

    /// The names of the configured networks, sorted; empty when there is no readable config.
    /// For shell completion of `--network`: never fails.
    public static func networkNames() -> [String] {
        let path = DataDirectory.environment("SIGIL_CONFIG") ?? defaultPath
        guard let config = try? loadIfPresent(path: path) else { return [] }
        return config.networks.keys.sorted()
    }

    static func reason(_ error: any Error) -> String {
        if let fileError = error as? FileError {
            switch fileError.reason {
            case .notFound: return "no such file"
            case .permissionDenied: return "permission denied"
            case .isDirectory: return "is a directory"
            case .tooLarge: return "larger than 1 MiB"
            default: return "\(fileError)"
            }
        }
        return "\(error)"
    }
}

/// Typed, strict access to TOMLKit tables, with key paths for error messages.
struct ConfigTableReader {
    let path: String

    func allowOnly(_ allowed: Set<String>, in table: TOMLTable, at prefix: String) throws(ConfigError) {
        for key in table.keys.sorted() where !allowed.contains(key) {
            throw .unknownKey(path: path, key: prefix.isEmpty ? key : prefix + "." + key)
        }
    }

    func table(_ value: any TOMLValueConvertible, at key: String) throws(ConfigError) -> TOMLTable {
        guard let table = value.table else { throw .invalidValue(path: path, key: key, expected: "a table") }
        return table
    }

    func string(_ table: TOMLTable, _ key: String, at prefix: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string, !text.isEmpty else {
            throw .invalidValue(path: path, key: prefix + "." + key, expected: "a non-empty string")
        }
        return text
    }

    func strings(_ table: TOMLTable, _ key: String, at prefix: String) throws(ConfigError) -> [String] {
        guard let value = table[key] else { return [] }
        let expected = "an array of non-empty strings"
        guard let array = value.array else { throw .invalidValue(path: path, key: prefix + "." + key, expected: expected) }
        var result: [String] = []
        for (index, element) in array.enumerated() {
            guard let text = element.string, !text.isEmpty else {
                throw .invalidValue(path: path, key: "\(prefix).\(key)[\(index)]", expected: "a non-empty string")
            }
            result.append(text)
        }
        return result
    }

    /// Gwei as exact decimal text: an integer, or a string such as "1.5" (floats are refused:
    /// amounts are never floating point).
    func gwei(_ table: TOMLTable, _ key: String, at prefix: String) throws(ConfigError) -> String? {
        guard let value = table[key] else { return nil }
        let expected = "gwei as an integer or a decimal string such as \"1.5\""
        let text: String
        if let int = value.int, int >= 0 {
            text = String(int)
        } else if let string = value.string {
            text = string
        } else {
            throw .invalidValue(path: path, key: prefix + "." + key, expected: expected)
        }
        guard (try? Amount.parse(text + "gwei")) != nil else {
            throw .invalidValue(path: path, key: prefix + "." + key, expected: expected)
        }
        return text
    }

    func network(_ value: any TOMLValueConvertible, at prefix: String) throws(ConfigError) -> SigilConfig.Network {
        let table = try table(value, at: prefix)
        try allowOnly(["chainId", "rpc", "peers", "explorer", "maxFeeGwei", "priorityFeeGwei", "forks", "verify", "ensRegistry"],
                      in: table, at: prefix)
        var verify: Bool? = nil
        if let value = table["verify"] {
            guard let flag = value.bool else { throw .invalidValue(path: path, key: prefix + ".verify", expected: "true or false") }
            verify = flag
        }
        guard let chainValue = table["chainId"] else { throw .missingKey(path: path, key: prefix + ".chainId") }
        guard let chainId = chainValue.int, chainId > 0 else {
            throw .invalidValue(path: path, key: prefix + ".chainId", expected: "a positive integer")
        }
        let peers = try strings(table, "peers", at: prefix)
        for (index, peer) in peers.enumerated() where !peer.hasPrefix("enode://") {
            throw .invalidValue(path: path, key: "\(prefix).peers[\(index)]", expected: "an enode:// URL")
        }
        let rpc = try strings(table, "rpc", at: prefix)
        let ensRegistry = try string(table, "ensRegistry", at: prefix).map { text throws(ConfigError) -> Address in
            guard text.hasPrefix("0x"), let address = try? Address(parsing: text) else {
                throw .invalidValue(path: path, key: prefix + ".ensRegistry", expected: "a 0x-prefixed 20-byte address (EIP-55 checked when mixed case)")
            }
            return address
        }
        for (index, url) in rpc.enumerated() where !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw .invalidValue(path: path, key: "\(prefix).rpc[\(index)]", expected: "an http:// or https:// URL")
        }
        return SigilConfig.Network(
            chainId: UInt64(chainId), rpc: rpc, peers: peers,
            explorer: try string(table, "explorer", at: prefix),
            maxFeeGwei: try gwei(table, "maxFeeGwei", at: prefix),
            priorityFeeGwei: try gwei(table, "priorityFeeGwei", at: prefix),
            forks: try table["forks"].map { value throws(ConfigError) in try forks(value, at: prefix + ".forks") },
            verify: verify, ensRegistry: ensRegistry)
    }

    /// `[networks.NAME.forks]`: genesisHash (required, 32 bytes hex), genesisTime, and the
    /// ascending fork `blocks` and `times`.
    func forks(_ value: any TOMLValueConvertible, at prefix: String) throws(ConfigError) -> SigilConfig.Forks {
        let table = try table(value, at: prefix)
        try allowOnly(["genesisHash", "genesisTime", "blocks", "times"], in: table, at: prefix)
        guard let text = try string(table, "genesisHash", at: prefix) else { throw .missingKey(path: path, key: prefix + ".genesisHash") }
        guard text.hasPrefix("0x"), let hash = try? Hex.decode(text, count: 32) else {
            throw .invalidValue(path: path, key: prefix + ".genesisHash", expected: "a 0x-prefixed 32-byte hash")
        }
        var genesisTime: UInt64 = 0
        if let time = table["genesisTime"] {
            guard let seconds = time.int, seconds >= 0 else {
                throw .invalidValue(path: path, key: prefix + ".genesisTime", expected: "a non-negative integer (Unix seconds)")
            }
            genesisTime = UInt64(seconds)
        }
        return SigilConfig.Forks(genesisHash: hash, genesisTime: genesisTime,
                                 blocks: try ascending(table, "blocks", at: prefix), times: try ascending(table, "times", at: prefix))
    }

    /// An optional array of non-negative integers in ascending order.
    func ascending(_ table: TOMLTable, _ key: String, at prefix: String) throws(ConfigError) -> [UInt64] {
        guard let value = table[key] else { return [] }
        let expected = "an ascending array of non-negative integers"
        guard let array = value.array else { throw .invalidValue(path: path, key: prefix + "." + key, expected: expected) }
        var result: [UInt64] = []
        for (index, element) in array.enumerated() {
            guard let number = element.int, number >= 0, result.last.map({ $0 <= UInt64(number) }) ?? true else {
                throw .invalidValue(path: path, key: "\(prefix).\(key)[\(index)]", expected: expected)
            }
            result.append(UInt64(number))
        }
        return result
    }
}
