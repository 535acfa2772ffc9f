import SigilCLI
import Synchronization

/// The effective settings (flags, environment, config file), resolved once per command: the
/// config file is read and validated the first time a command asks, and every later question
/// (peers, chain id, verification, ENS registry...) is answered from that one resolution.
final class ResolvedSettings: Sendable {
    static let shared = ResolvedSettings()

    private struct Key: Hashable {
        let config: String?
        let network: String?
        let rpc: [String]
    }

    private let resolved = Mutex<[Key: EffectiveSettings]>([:])

    func settings(config: String?, network: String?, rpc: [String]) throws -> EffectiveSettings {
        let key = Key(config: config, network: network, rpc: rpc)
        if let settings = resolved.withLock({ $0[key] }) { return settings }
        let settings = try EffectiveSettings.resolve(flags: ConfigFlags(config: config, network: network, rpc: rpc))
        resolved.withLock { $0[key] = settings }
        return settings
    }
}
