import SigilCLI
import SigilCore
import SigilNet

/// An address as the user named it: the address itself and, when it was given by a name (a
/// keystore account or an ENS name), that name, so previews can show `alice.eth (0x…)`.
struct NamedAddress {
    let address: Address
    let name: String?
    /// How an ENS name resolved (registry, resolver, node); nil for other names.
    var ens: ENSResolution? = nil

    /// `name (0xChecksummed)` for a named address, the checksummed address otherwise.
    var display: String {
        name.map { "\(DisplayText.escaped($0)) (\(address.checksummed))" } ?? address.checksummed
    }

    /// JSON members for the address and, when named, the name (`{"address", "name"}`).
    func jsonMembers(_ key: String = "address") -> [(String, JSONValue)] {
        [(key, .string(address.checksummed))] + (name.map { [(key == "address" ? "name" : key + "Name", .string($0))] } ?? [])
    }

    /// Whether `text` is taken for an ENS name: it has a dot and is not 0x-hex. (A keystore
    /// account name with a dot must be given by its address.)
    static func isENSName(_ text: String) -> Bool {
        text.contains(".") && !(text.hasPrefix("0x") || text.hasPrefix("0X"))
    }
}

extension NetworkOptions {
    /// The one way a networked command reads an address it is given (`--to`, `balance ADDR`,
    /// `call TO`, `logs --address`, ...): whatever `AddressResolver` reads (0x + 40 hex digits,
    /// a keystore account name) and, through these peers, an ENS name (text with a dot).
    /// Every networked command calls this, so a new kind of name works everywhere at once.
    func resolveAddress(_ text: String, keystoreFlag: String? = nil) throws -> NamedAddress {
        if NamedAddress.isENSName(text) {
            let resolution = try ensResolver().resolve(text)
            return NamedAddress(address: resolution.address, name: resolution.name, ens: resolution)
        }
        let address = try AddressResolver.resolve(text, keystoreFlag: keystoreFlag) as Address
        let isHex = text.hasPrefix("0x") || text.hasPrefix("0X")
        return NamedAddress(address: address, name: isHex ? nil : text)
    }

    /// `resolveAddress` for an optional value.
    func resolveAddress(_ text: String?, keystoreFlag: String? = nil) throws -> NamedAddress? {
        guard let text else { return nil }
        return try resolveAddress(text, keystoreFlag: keystoreFlag) as NamedAddress
    }

    /// The ENS registry of these peers' chain: the network's `ensRegistry`, else the one built
    /// in for the chain (mainnet), else `ENSError.noRegistry`. The chain is the config network's
    /// `chainId` when it applies, else the peer's `eth_chainId`.
    func ensResolver() throws -> ENSResolver {
        let reader = try reader()
        if let registry = try settings().ensRegistry.value { return ENSResolver(reader: reader, registry: registry) }
        let chainId = try configuredChainId() ?? reader.chainId()
        guard let registry = ENSResolver.builtInRegistry(chainId: chainId) else { throw ENSError.noRegistry(chainId: chainId) }
        return ENSResolver(reader: reader, registry: registry)
    }

    /// `--check-reverse`: the address an ENS name resolved to must have a reverse record that
    /// names the name back (exit 3 otherwise). `option` names the flag the name came from.
    func checkReverse(_ named: NamedAddress, option: String) throws {
        guard let resolution = named.ens else {
            throw CommandFailure(.usage, "--check-reverse needs an ENS name in \(option)")
        }
        try ensResolver().checkReverse(resolution)
    }
}
