import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct ENSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ens",
        abstract: "ENS names: resolve a name, look up an address's primary name, compute a namehash.",
        discussion: """
        Wherever a command takes an address (send --to, balance, nonce, call, logs --address, \
        verify --address, ...), an ENS name works too: text with a dot that is not 0x-hex. \
        Names are normalized (ENSIP-15) and hashed (EIP-137), then resolved through the ENS \
        registry of the network: its ensRegistry in the config file, or mainnet's built-in \
        registry on chain id 1. The records are read with eth_call, from every peer given (they \
        must agree), and are labelled unverified. A name needs its own resolver in the \
        registry: wildcard (ENSIP-10) and off-chain (CCIP-read) resolution are not followed.
        """,
        subcommands: [ENSResolveCommand.self, ENSLookupCommand.self, ENSNamehashCommand.self]
    )
}

struct ENSNamehashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namehash",
        abstract: "Normalize an ENS name (ENSIP-15) and compute its namehash (EIP-137), offline.",
        discussion: """
        The namehash is what the registry and resolvers are keyed by: keccak256 over the \
        normalized labels, right to left. A name that does not normalize is refused (exit 65).

        Examples:
          sigil ens namehash vitalik.eth
          sigil ens namehash 'Foo.ETH' --json
        """
    )

    @Argument(help: ArgumentHelp("The ENS name.", valueName: "name")) var name: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let normalized = try ENSResolver.normalize(name)
        let node = ENSName.namehash(normalized).hexString
        output.emit([("name", DisplayText.escaped(normalized)), ("namehash", node)],
                    json: .object([("input", .string(name)), ("name", .string(normalized)), ("namehash", .string(node))]))
    }
}
