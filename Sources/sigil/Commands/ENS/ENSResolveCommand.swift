import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

/// ENS reads are eth_call answers: nothing here proves them.
enum ENSVerification {
    static let reason = "ENS records are read with eth_call, which no proof covers (every answering peer must agree)"
}

struct ENSResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve an ENS name to its address (registry → resolver → addr).",
        discussion: """
        Prints the address alone on standard output (the verification line on standard \
        error). A name without a resolver or without an address is an error naming the name \
        (exit 66). With several peers, each one is asked: any answering peer that resolves the \
        name to another address stops it (exit 11). --check-reverse also reads the address's reverse record and fails (exit 3) \
        unless it names this name back.

        Examples:
          sigil ens resolve vitalik.eth --network mainnet
          sigil ens resolve alice.eth --rpc http://127.0.0.1:8545 --check-reverse --json
        """
    )

    @Argument(help: ArgumentHelp("The ENS name.", valueName: "name")) var name: String
    @Flag(name: .long, help: "Fail (exit 3) unless the address's reverse record names this name.") var checkReverse = false
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let resolver = try network.ensResolver()
        let resolution = try network.resolveENS(name)
        if checkReverse { try resolver.checkReverse(resolution) }
        let label = VerificationOutput.unproved(ENSVerification.reason)
        if !output.json {
            StandardStreams.writeError("\(DisplayText.escaped(resolution.name)) (\(resolution.address.checksummed))"
                                       + (checkReverse ? ", reverse record checked" : "") + "\n")
            StandardStreams.writeError("\(label.field.0): \(label.field.1)\n")
        }
        output.emit(line: resolution.address.checksummed, json: .object([
            ("name", .string(resolution.name)), ("address", .string(resolution.address.checksummed)),
            ("namehash", .string(resolution.node.hexString)), ("resolver", .string(resolution.resolver.checksummed)),
            ("registry", .string(resolver.registry.checksummed)), ("reverseChecked", .bool(checkReverse)), label.json,
        ]))
    }
}

struct ENSLookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Look up an address's primary ENS name (its reverse record, checked forward).",
        discussion: """
        Reads the name the address's reverse record (<address>.addr.reverse) names, then \
        resolves that name: it is shown only when it resolves back to the address. A reverse \
        record naming a name that does not resolve to the address is refused (exit 3) and not \
        shown as the name; an address without a reverse record exits 66.

        Examples:
          sigil ens lookup 0xd8dA6BF26964aF9D7eEd9e03E53415D37aA96045 --network mainnet
          sigil ens lookup 0x… --rpc http://127.0.0.1:8545 --json
        """
    )

    @Argument(help: ArgumentHelp("The address (or a keystore account name).", valueName: "address")) var address: String
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let owner = try AddressResolver.resolve(address) as Address
        let resolver = try network.ensResolver()
        switch try resolver.lookup(owner) {
        case .none:
            throw CommandFailure(.notFound, "\(owner.checksummed) has no ENS reverse record (no primary name)")
        case .mismatch(let claimed, let resolvesTo):
            throw CommandFailure(.verificationFailed, "the reverse record of \(owner.checksummed) names '\(DisplayText.escaped(claimed))', "
                + "which " + (resolvesTo.map { "resolves to \($0.checksummed)" } ?? "does not resolve") + ": not its name")
        case .verified(let name):
            let label = VerificationOutput.unproved(ENSVerification.reason)
            if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
            output.emit(line: DisplayText.escaped(name), json: .object([
                ("address", .string(owner.checksummed)), ("name", .string(name)),
                ("reverseName", .string(ENSResolver.reverseName(of: owner))), ("registry", .string(resolver.registry.checksummed)),
                ("forwardChecked", .bool(true)), label.json,
            ]))
        }
    }
}
