#if canImport(Glibc)
import Glibc
#endif

/// Where Sigil keeps its data: `$SIGIL_HOME`, else `$XDG_DATA_HOME/sigil`, else
/// `~/.local/share/sigil`. Keys live in `keystore/`, journals in `journal/`,
/// the peers seen fall behind in `peers/standing`.
public enum DataDirectory {
    public static var root: String {
        if let home = environment("SIGIL_HOME") { return home }
        if let xdg = environment("XDG_DATA_HOME") { return xdg + "/sigil" }
        let home = environment("HOME") ?? "."
        return home + "/.local/share/sigil"
    }

    public static var keystore: String { root + "/keystore" }
    public static var journal: String { root + "/journal" }
    /// The peers recent commands saw fall behind (`PeerStandingFile`).
    public static var peerStanding: String { root + "/peers/standing" }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }
}
