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

    /// What `AddressResolver` reads, offline: 0x + 40 hex digits, or a keystore account name
    /// (kept as the name).
    static func local(_ text: String, keystoreFlag: String? = nil) throws -> NamedAddress {
        let address = try AddressResolver.resolve(text, keystoreFlag: keystoreFlag) as Address
        let isHex = text.hasPrefix("0x") || text.hasPrefix("0X")
        return NamedAddress(address: address, name: isHex ? nil : text)
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
            let resolution = try resolveENS(text)
            return NamedAddress(address: resolution.address, name: resolution.name, ens: resolution)
        }
        return try NamedAddress.local(text, keystoreFlag: keystoreFlag)
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

    /// `name` resolved through the first peer that answers, then through every other peer:
    /// an answering peer that resolves it to another address stops the command (exit 11), since
    /// an eth_call answer is only a peer's word. A peer that does not answer is skipped.
    func resolveENS(_ name: String) throws -> ENSResolution {
        let resolver = try ensResolver()
        let resolution = try resolver.resolve(name)
        let peers = try self.peers()
        guard peers.count > 1 else { return resolution }
        for peer in peers where peer != resolver.reader.client.url {
            let other = ENSResolver(reader: NodeReader(client: JSONRPCClient(url: peer, timeout: timeout)), registry: resolver.registry)
            let answer: Address?
            do { answer = try other.resolve(name).address } catch let error as ENSError where error.category == .notFound {
                answer = nil
            } catch {
                continue   // unreachable or broken: not a disagreement
            }
            guard answer == resolution.address else {
                throw CommandFailure(.unproven, "peers disagree on the ENS name '\(DisplayText.escaped(resolution.name))': "
                    + "\(resolver.reader.client.url) resolves it to \(resolution.address.checksummed), \(peer) to "
                    + (answer?.checksummed ?? "nothing"))
            }
        }
        return resolution
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
