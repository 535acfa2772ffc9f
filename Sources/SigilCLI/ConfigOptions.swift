import ArgumentParser

/// `--config FILE`: which config file to read (default: `$SIGIL_CONFIG`, else
/// `$XDG_CONFIG_HOME/sigil/config.toml`).
public struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Config file (default: $SIGIL_CONFIG, else $XDG_CONFIG_HOME/sigil/config.toml).",
        valueName: "file"), completion: .file(extensions: ["toml"]))
    public var config: String?

    public init() {}
}
