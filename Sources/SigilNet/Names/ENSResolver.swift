public import SigilCore

/// A name resolved through the ENS registry.
public struct ENSResolution: Sendable, Equatable {
    /// The name as normalized (ENSIP-15): what was hashed and what is shown.
    public let name: String
    /// namehash(name) (EIP-137).
    public let node: [UInt8]
    /// The resolver the registry names for `node`.
    public let resolver: Address
    /// The resolver's `addr(node)`.
    public let address: Address
}

/// What an address's reverse record (`<hex>.addr.reverse`) says.
public enum ENSReverseRecord: Sendable, Equatable {
    /// No resolver, or an empty name.
    case none
    /// The record names `name`, and `name` resolves back to the address: its primary name.
    case verified(name: String)
    /// The record names `claimed`, which does not resolve back to the address (`resolvesTo`
    /// is what it does resolve to, nil when nothing); it must not be shown as the name.
    case mismatch(claimed: String, resolvesTo: Address?)

    /// The name to show, only when verified.
    public var name: String? {
        if case .verified(let name) = self { return name }
        return nil
    }
}

/// Reads ENS through a registry with `eth_call`: name → address (`resolve`) and address →
/// primary name (`lookup`, checked forward). The answers are the peer's word (no proof).
public struct ENSResolver: Sendable {
    /// The ENS registry (with fallback) on Ethereum mainnet, chain id 1.
    public static let mainnetRegistry = try! Address(parsing: "0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e")

    /// The registry built in for `chainId` (mainnet only), nil for other chains.
    public static func builtInRegistry(chainId: U256) -> Address? {
        chainId == U256(1) ? mainnetRegistry : nil
    }

    public let reader: NodeReader
    public let registry: Address
    public var block: BlockTag

    public init(reader: NodeReader, registry: Address, block: BlockTag = .latest) {
        self.reader = reader
        self.registry = registry
        self.block = block
    }

    /// The normalized form of `name`, or `ENSError.invalidName`.
    public static func normalize(_ name: String) throws(ENSError) -> String {
        do { return try ENSName.normalize(name) } catch {
            throw .invalidName(name, reason: "\(error)")
        }
    }

    /// `name` → address: normalize, namehash, `registry.resolver(node)`, `resolver.addr(node)`.
    /// A zero resolver or a zero address is `ENSError.noResolver` / `.noAddress` (not found).
    public func resolve(_ name: String) throws -> ENSResolution {
        let normalized = try Self.normalize(name)
        let node = ENSName.namehash(normalized)
        let resolver = try resolverAddress(node: node)
        guard resolver != .zero else { throw ENSError.noResolver(name: normalized, registry: registry) }
        let answer = try reader.call(to: resolver, data: Self.call("addr(bytes32)", node), at: block)
        guard !answer.isEmpty else { throw ENSError.noAddress(name: normalized, resolver: resolver) }
        let address = try Self.address(answer, what: "addr(bytes32) of resolver \(resolver.checksummed)")
        guard address != .zero else { throw ENSError.noAddress(name: normalized, resolver: resolver) }
        return ENSResolution(name: normalized, node: node, resolver: resolver, address: address)
    }

    /// The name `<address, lowercase hex without 0x>.addr.reverse` whose record names the
    /// address's primary name (ENSIP-3).
    public static func reverseName(of address: Address) -> String {
        Hex.encode(address.bytes, prefix: false) + ".addr.reverse"
    }

    /// address → name: the reverse record's `name(node)`, then the forward check (the name
    /// must be normalized and resolve back to `address`).
    public func lookup(_ address: Address) throws -> ENSReverseRecord {
        let node = ENSName.namehash(Self.reverseName(of: address))
        let resolver = try resolverAddress(node: node)
        guard resolver != .zero else { return .none }
        let answer = try reader.call(to: resolver, data: Self.call("name(bytes32)", node), at: block)
        guard !answer.isEmpty else { return .none }
        let claimed: String
        do {
            guard case .string(let text) = try ABIDecoder.decode(answer, as: [.string], allowTrailingBytes: true)[0] else {
                throw ENSError.malformedAnswer("name(bytes32) did not return a string")
            }
            claimed = text
        } catch let error as ENSError { throw error } catch {
            throw ENSError.malformedAnswer("name(bytes32) of resolver \(resolver.checksummed) did not return a string: \(error)")
        }
        guard !claimed.isEmpty else { return .none }
        guard let normalized = try? ENSName.normalize(claimed), normalized == claimed else {
            return .mismatch(claimed: claimed, resolvesTo: nil)
        }
        let forward: Address?
        do { forward = try resolve(claimed).address } catch let error as ENSError where error.category == .notFound {
            forward = nil
        }
        return forward == address ? .verified(name: claimed) : .mismatch(claimed: claimed, resolvesTo: forward)
    }

    /// Forward then reverse: `resolution`'s address must have a reverse record naming the same
    /// name, else `ENSError.reverseMismatch` (exit 3).
    public func checkReverse(_ resolution: ENSResolution) throws {
        let record = try lookup(resolution.address)
        switch record {
        case .verified(let name) where name == resolution.name: return
        case .verified(let name), .mismatch(let name, _):
            throw ENSError.reverseMismatch(name: resolution.name, address: resolution.address, reverse: name)
        case .none:
            throw ENSError.reverseMismatch(name: resolution.name, address: resolution.address, reverse: nil)
        }
    }

    private func resolverAddress(node: [UInt8]) throws -> Address {
        let answer = try reader.call(to: registry, data: Self.call("resolver(bytes32)", node), at: block)
        guard !answer.isEmpty else {
            throw ENSError.malformedAnswer("the registry \(registry.checksummed) answered nothing to resolver(bytes32): is there an ENS registry at that address on this chain?")
        }
        return try Self.address(answer, what: "resolver(bytes32) of registry \(registry.checksummed)")
    }

    static func call(_ signature: String, _ node: [UInt8]) -> [UInt8] {
        Array(Keccak256.hash(signature).prefix(4)) + node
    }

    static func address(_ word: [UInt8], what: String) throws(ENSError) -> Address {
        guard word.count >= 32, word.prefix(12).allSatisfy({ $0 == 0 }), let address = try? Address(bytes: Array(word[12..<32])) else {
            throw .malformedAnswer("\(what) is not an address")
        }
        return address
    }
}
