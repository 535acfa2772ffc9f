import SigilCLI
import SigilCore

/// An address as the user named it: the address itself and, when it was given by a name (a
/// keystore account or an ENS name), that name, so previews can show `alice.eth (0x…)`.
struct NamedAddress {
    let address: Address
    let name: String?

    /// `name (0xChecksummed)` for a named address, the checksummed address otherwise.
    var display: String {
        name.map { "\(DisplayText.escaped($0)) (\(address.checksummed))" } ?? address.checksummed
    }
}

extension NetworkOptions {
    /// The one way a networked command reads an address it is given (`--to`, `balance ADDR`,
    /// `call TO`, `logs --address`, ...): whatever `AddressResolver` reads (0x + 40 hex digits,
    /// a keystore account name) and, through these peers, an ENS name. Every networked command
    /// calls this, so a new kind of name works everywhere at once.
    func resolveAddress(_ text: String, keystoreFlag: String? = nil) throws -> NamedAddress {
        let address = try AddressResolver.resolve(text, keystoreFlag: keystoreFlag) as Address
        let isHex = text.hasPrefix("0x") || text.hasPrefix("0X")
        return NamedAddress(address: address, name: isHex ? nil : text)
    }
}
