import SigilCore

/// How `sigil config show` prints effective settings: aligned `name  value  (source: origin)`
/// lines, or one JSON object `{"NAME": {"value": …, "source": "flag|environment|config|default|unset",
/// "origin": "…"}}` with the names in a fixed order.
public enum ConfigPresenter {
    public struct Row: Equatable, Sendable {
        public var name: String
        public var value: JSONValue
        public var source: ConfigSource
        public var origin: String
    }

    public static func rows(_ settings: EffectiveSettings) -> [Row] {
        func row<V>(_ name: String, _ setting: ConfigSetting<V>, _ convert: (V) -> JSONValue) -> Row {
            Row(name: name, value: setting.value.map(convert) ?? .null, source: setting.source, origin: setting.origin)
        }
        let list: ([String]) -> JSONValue = { .array($0.map(JSONValue.string)) }
        return [
            row("config", settings.configPath, JSONValue.string),
            row("keystore", settings.keystore, JSONValue.string),
            row("account", settings.account, JSONValue.string),
            row("network", settings.network, JSONValue.string),
            row("chainId", settings.chainId, { JSONValue.integer($0) }),
            row("rpc", settings.rpc, list),
            row("peers", settings.peers, list),
            row("explorer", settings.explorer, JSONValue.string),
            row("maxFeeGwei", settings.maxFeeGwei, JSONValue.string),
            row("priorityFeeGwei", settings.priorityFeeGwei, JSONValue.string),
            row("forks", settings.forks, { JSONValue.string($0.summary) }),
            row("verify", settings.verify, { JSONValue.bool($0) }),
            row("ensRegistry", settings.ensRegistry, { JSONValue.string($0.checksummed) }),
        ]
    }

    /// Human lines: the value (lists comma-separated, `-` when unset) and its source.
    public static func fields(_ rows: [Row]) -> [(String, String)] {
        rows.map { row in
            let value: String
            switch row.value {
            case .null: value = "-"
            case .string(let text): value = text
            case .number(let digits): value = digits
            case .array(let items): value = items.compactMap(\.stringValue).joined(separator: ",")
            default: value = row.value.serialized(pretty: false)
            }
            let source = row.source == .unset ? "(unset)"
                : "(" + row.source.rawValue + (row.origin.isEmpty ? "" : ": " + row.origin) + ")"
            return (row.name, value + "  " + source)
        }
    }

    public static func json(_ rows: [Row]) -> JSONValue {
        .object(rows.map { row in
            (row.name, .object([
                ("value", row.value),
                ("source", .string(row.source.rawValue)),
                ("origin", .string(row.origin)),
            ]))
        })
    }
}
