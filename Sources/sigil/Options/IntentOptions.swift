import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

/// What to send: recipient, amount, call data (raw, from a signature and arguments, or an
/// ERC-20 transfer), and optional gas and fee overrides.
struct IntentOptions: ParsableArguments {
    @Option(name: .long, help: "Recipient: an address, a keystore account name or an ENS name (or the contract to call).") var to: String?
    // Amounts take the next word even when it starts with "-", so that "-1ether" is refused
    // as a negative amount (exit 65), not taken for an option.
    @Option(name: .long, parsing: .unconditional, help: "Ether to send: 1.5ether, 30gwei, 12wei (default 0).") var value: String?
    @Option(name: .long, help: "Raw call data, 0x-hex.") var data: String?
    @Option(name: .long, help: ArgumentHelp("Call a function: its signature; arguments follow as positional values.", valueName: "signature"))
    var call: String?
    /// Unrecognized input is an argument, so that negative numbers (-1) are values, not options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Arguments for --call (negative numbers such as -1 are values).", valueName: "args"))
    var args: [String] = []
    @Option(name: .long, help: "ERC-20 token contract: send --amount tokens to --to.") var token: String?
    @Option(name: .long, parsing: .unconditional, help: "With --token: amount in token units, e.g. 12.5 (reads decimals()).") var amount: String?
    @Option(name: .long, help: "Gas limit (default: the node's estimate + 20%).") var gasLimit: UInt64?
    @Option(name: .long, parsing: .unconditional, help: "Max fee per gas, e.g. 40gwei (legacy: the gas price).") var maxFee: String?
    @Option(name: .long, parsing: .unconditional, help: "Max priority fee per gas (tip), e.g. 1.5gwei.") var priorityFee: String?
    @Flag(name: .long, help: "Build a legacy (type 0, EIP-155) transaction instead of EIP-1559.") var legacy = false
    @Option(name: .long, help: "Refuse unless the peers are on this chain id.") var chainId: String?
    @Flag(name: .long, help: "With an ENS name in --to: refuse (exit 3) unless its address's reverse record names it back.")
    var checkReverse = false

    func validate() throws {
        if data != nil && (call != nil || token != nil) { throw ValidationError("--data cannot be combined with --call or --token") }
        if call != nil && token != nil { throw ValidationError("--call and --token cannot be combined") }
        if (token == nil) != (amount == nil) { throw ValidationError("--token and --amount go together") }
        try PositionalValues.refuseOptions(args)
        if call == nil && !PositionalValues.values(args).isEmpty { throw ValidationError("unexpected arguments \(args) (they are for --call)") }
    }

    /// The intent and the names given for its addresses (for the preview: `alice.eth (0x…)`).
    /// --to and --token take what `NetworkOptions.resolveAddress` reads: an address, a keystore
    /// account of the folder `keystoreFlag` chooses, or an ENS name resolved through `network`.
    /// An ERC-20 transfer reads the token's decimals() through the network's reader.
    func intent(network: NetworkOptions, keystoreFlag: String? = nil) throws -> (intent: PaymentIntent, names: [Address: String]) {
        let recipient = try network.resolveAddress(to, keystoreFlag: keystoreFlag)
        if checkReverse {
            guard let recipient else { throw CommandFailure(.usage, "--check-reverse needs an ENS name in --to") }
            try network.checkReverse(recipient, option: "--to")
        }
        let tokenContract = try network.resolveAddress(token, keystoreFlag: keystoreFlag)
        var names: [Address: String] = [:]
        for named in [recipient, tokenContract].compactMap({ $0 }) { names[named.address] = named.name }
        let intent = try intent(to: recipient?.address, token: tokenContract?.address, reader: network.reader)
        return (intent, names)
    }

    /// The intent for resolved addresses.
    private func intent(to: Address?, token: Address?, reader: () throws -> NodeReader) throws -> PaymentIntent {
        if to == nil && token == nil && data == nil { throw CommandFailure(.usage, "give --to (or --data alone to create a contract)") }
        let fees = (maxFee: try maxFee.map { try Amount.parse($0, defaultUnit: .wei) },
                    tip: try priorityFee.map { try Amount.parse($0, defaultUnit: .wei) })
        let expected = try chainId.map { try U256(parsing: $0) }
        var intent = PaymentIntent(to: to, value: try value.map { try Amount.parse($0, defaultUnit: .wei) } ?? .zero,
                                   gasLimit: gasLimit, maxFeePerGas: fees.maxFee, maxPriorityFeePerGas: fees.tip, legacy: legacy,
                                   expectedChainId: expected)
        if let data { intent.data = try Hex.decode(data) }
        if let call {
            let function = try ABIFunction(parsing: call)
            intent.data = try function.encodeCall(ABIArgumentParser.parse(PositionalValues.values(args), as: function.inputTypes))
        }
        if let contract = token, let amount {
            guard let recipient = intent.to else { throw CommandFailure(.usage, "--token needs --to (the token recipient)") }
            let decimals = try TokenReads.decimals(of: contract, reader: reader())
            intent.data = ERC20Call.transfer(recipient: recipient, amount: try Amount.parse(amount, decimals: decimals)).encoded
            intent.to = contract
        }
        return intent
    }
}
