public import SigilCore

/// Why an ENS name or reverse record could not be used. A name that resolves to nothing is
/// "not found" and the message names the name.
public enum ENSError: CategorizedError, Equatable {
    /// The text is not a valid ENS name (ENSIP-15); `reason` is the normalizer's.
    case invalidName(String, reason: String)
    /// The registry has no resolver for the name (it is not registered, or has no records).
    case noResolver(name: String, registry: Address)
    /// The resolver holds no address (or the zero address) for the name.
    case noAddress(name: String, resolver: Address)
    /// No ENS registry is known for this chain (set `ensRegistry` for the network).
    case noRegistry(chainId: U256)
    /// The registry or resolver answered something that is not what the ENS functions return.
    case malformedAnswer(String)
    /// The forward-then-reverse check failed: the address's reverse record does not name the
    /// name (`reverse` is what it names, nil when it has none).
    case reverseMismatch(name: String, address: Address, reverse: String?)

    /// `text` with every invisible or control scalar (format, control, separators other than
    /// the space, unassigned, private use) written `{HEX}`, as the normalizer's messages do, so
    /// a refused name cannot hide what it holds.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(200) {
            switch scalar.properties.generalCategory {
            case .format, .control, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse, .surrogate:
                out += "{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            case .spaceSeparator where scalar != " ":
                out += "{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 200 ? out + "…" : out
    }

    public var category: ErrorCategory {
        switch self {
        case .invalidName: .invalidInput
        case .noResolver, .noAddress: .notFound
        case .noRegistry: .unsupported
        case .malformedAnswer: .network
        case .reverseMismatch: .verificationFailed
        }
    }

    public var description: String {
        switch self {
        case let .invalidName(name, reason):
            "'\(Self.visible(name))' is not a valid ENS name: \(reason)"
        case let .noResolver(name, registry):
            "ENS name '\(DisplayText.escaped(name))' does not resolve: the registry \(registry.checksummed) has no resolver for it"
        case let .noAddress(name, resolver):
            "ENS name '\(DisplayText.escaped(name))' does not resolve: its resolver \(resolver.checksummed) holds no address for it"
        case let .noRegistry(chainId):
            "no ENS registry is known for chain \(chainId.decimalString): set ensRegistry = \"0x…\" in the network's [networks.NAME] table"
        case let .malformedAnswer(what):
            "ENS: \(what)"
        case let .reverseMismatch(name, address, reverse):
            "reverse check failed: the reverse record of \(address.checksummed) "
                + (reverse.map { "names '\(DisplayText.escaped($0))', not '\(DisplayText.escaped(name))'" } ?? "is not set (it names no name)")
        }
    }
}
