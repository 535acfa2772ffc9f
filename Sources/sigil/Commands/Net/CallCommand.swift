import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

/// What `call`, `estimate` and `access-list` share: the contract, the function and its
/// arguments (or raw --data), the caller, the value and the block.
struct CallOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The contract: 0x address or keystore account name.", valueName: "to")) var to: String
    @Argument(help: ArgumentHelp("The function, with its return types for decoding: \"balanceOf(address)(uint256)\" (optional with --data).",
                                 valueName: "signature"))
    var signature: String?
    /// Unrecognized input is an argument, so that negative numbers (-1) are values, not options.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The arguments, one per parameter (negative numbers such as -1 are values).",
                                                             valueName: "args"))
    var arguments: [String] = []
    @Option(name: .long, help: "The caller (msg.sender): address or keystore account name (default: none, the zero address).")
    var from: String?
    // Amounts take the next word even when it starts with "-", so that "-1ether" is refused.
    @Option(name: .long, parsing: .unconditional, help: "Ether sent with the call: 1.5ether, 30gwei, 12wei (default 0).") var value: String?
    @Option(name: .long, help: "Block: latest, pending, safe, finalized, earliest, a number or a block hash (pinned to the hash the peers agree on unless --no-verify).")
    var block = "latest"
    @Option(name: .long, help: "Raw call data, 0x-hex, instead of a signature's arguments (a signature then only decodes the answer).")
    var data: String?
    @Option(name: .customLong("error-sig"), help: ArgumentHelp("A custom error the contract may revert with, e.g. \"InsufficientBalance(uint256,uint256)\" (repeatable).",
                                                               valueName: "signature"))
    var errorSignatures: [String] = []

    func validate() throws {
        try PositionalValues.refuseOptions(arguments)
        if signature == nil && data == nil { throw ValidationError("give the function signature, or --data") }
        if data != nil && !PositionalValues.values(arguments).isEmpty {
            throw ValidationError("--data cannot be combined with arguments: the signature then only decodes the answer")
        }
    }

    /// The parsed function (nil with --data alone).
    func function() throws -> ABIFunction? {
        try signature.map { try ABIFunction(parsing: $0) }
    }

    /// The call, its contract as named, and the block.
    func request(network: NetworkOptions) throws -> (request: CallRequest, contract: NamedAddress, block: BlockTag) {
        let contract = try network.resolveAddress(to)
        let calldata: [UInt8]
        if let data {
            calldata = try Hex.decode(data)
        } else {
            let function = try function()!
            calldata = try function.encodeCall(ABIArgumentParser.parse(PositionalValues.values(arguments), as: function.inputTypes))
        }
        let request = CallRequest(from: try from.map { try network.resolveAddress($0).address }, to: contract.address,
                                  value: try value.map { try Amount.parse($0, defaultUnit: .wei) }, data: calldata)
        return (request, contract, try pinned(BlockTagText.parse(block), network: network))
    }

    /// With the verifier on, a block named by tag or number is pinned to the hash the peers
    /// agree on for it, so the call reads the state of a block Sigil trusts (the call itself
    /// is still the peer's word). `pending` and a block hash are asked as given.
    func pinned(_ tag: BlockTag, network: NetworkOptions) throws -> BlockTag {
        if tag == .pending { return tag }
        if case .hash = tag { return tag }
        guard let verifier = try network.verifier(peers: network.peers()) else { return tag }
        let trusted = try verifier.header(at: tag)
        VerificationOutput.warnFaults(trusted.faults)
        return .hash(trusted.hash)
    }

    /// Runs `body`; a revert becomes exit 7 with its reason decoded (custom errors from
    /// --error-sig and Sigil's table); a peer that was skipped is named in one warning line.
    func running<T>(_ client: JSONRPCClient, _ body: () throws -> T) throws -> T {
        let errors = try errorSignatures.map { try ABIErrorSignature(parsing: $0) }
        defer { PeerSkips.warn(client) }
        do { return try body() } catch let reverted as CallReverted {
            throw CommandFailure(.reverted, reverted.describe(errors: errors))
        }
    }

    /// Calls and gas estimates run on a peer's EVM: nothing in a block header proves them.
    static let unprovable = "calls run on the peer's EVM; Sigil has no local EVM to prove them"
}

struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call a contract function (eth_call) and decode what it returns.",
        discussion: """
        The signature names the return types after the parameters, "balanceOf(address)(uint256)"; \
        the answer is decoded with them (one value per line, or the value alone when there is \
        one; --raw prints the returned bytes). Without return types the bytes are printed. \
        A call that reverts exits 7 and prints the reason: Error(string), Panic(uint256) with \
        its meaning, a custom error given with --error-sig or one Sigil knows, else the raw \
        revert data. The block (default latest) is pinned to the hash the peers agree on, as \
        `sigil balance` does (not with --no-verify or pending); the answer is still the peer's \
        word, since Sigil cannot run the call itself, so it is labelled unverified.

        Examples:
          sigil call 0x… "balanceOf(address)(uint256)" 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --rpc http://127.0.0.1:8545
          sigil call 0x… "info()(string name, uint8 decimals, uint256 supply)" --block 1200 --json
          sigil call 0x… "withdraw(uint256)" 5 --from 0x… --error-sig "TooMuch(uint256 asked, uint256 held)"
          sigil call 0x… --data 0x18160ddd --raw
        """
    )

    @OptionGroup var options: CallOptions
    @Flag(name: .long, help: "Print the returned bytes as 0x-hex instead of decoding them.") var raw = false
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (request, contract, block) = try options.request(network: network)
        let function = try options.function()
        let client = try network.client()
        let answer = try options.running(client) { try ContractCaller(client: client).call(request, at: block) }
        let label = VerificationOutput.unproved(CallOptions.unprovable)
        var json: [(String, JSONValue)] = [("to", .string(contract.address.checksummed)), ("block", .string(block.label)),
                                           ("function", function.map { .string($0.signature) } ?? .null),
                                           ("data", .string(Hex.encode(answer)))]
        guard let function, !function.outputs.isEmpty, !raw else {
            if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
            return output.emit(line: Hex.encode(answer), json: .object(json + [("values", .null), label.json]))
        }
        let values = try function.decodeOutput(answer)
        let rows = zip(function.outputs, values).enumerated().map { index, pair in
            (name: pair.0.name ?? "out\(index)", type: pair.0.type.canonicalName, value: DisplayText.escaped(pair.1.displayString, limit: nil))
        }
        json += [("values", .array(rows.map { .object([("name", .string($0.name)), ("type", .string($0.type)), ("value", .string($0.value))]) })),
                 label.json]
        if output.json { return output.emit(line: "", json: .object(json)) }
        StandardStreams.writeError("\(label.field.0): \(label.field.1)\n")
        if rows.count == 1 { return output.emit(line: rows[0].value, json: .null) }
        output.emit(rows.map { ("\($0.name) (\($0.type))", $0.value) }, json: .null)
    }
}

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate the gas a call needs (eth_estimateGas).",
        discussion: """
        Takes what `sigil call` takes. Prints the node's estimate (send and tx build add 20%). \
        A call that reverts exits 7 with the decoded reason, as `sigil call` does.

        Examples:
          sigil estimate 0x… "transfer(address,uint256)" 0x… 1000 --from 0x… --rpc http://127.0.0.1:8545
          sigil estimate 0x… --data 0xa9059cbb… --from alice --value 1ether --json
        """
    )

    @OptionGroup var options: CallOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (request, contract, block) = try options.request(network: network)
        let client = try network.client()
        let gas = try options.running(client) { try ContractCaller(client: client).estimateGas(request, at: block) }
        let label = VerificationOutput.unproved(CallOptions.unprovable)
        if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
        output.emit(line: String(gas), json: .object([("to", .string(contract.address.checksummed)), ("block", .string(block.label)),
                                                      ("gas", .string(String(gas))), label.json]))
    }
}

struct AccessListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access-list",
        abstract: "The addresses and storage slots a call touches (eth_createAccessList), for an EIP-2930 access list.",
        discussion: """
        Takes what `sigil call` takes. Prints one line per address with its storage keys, and \
        the gas the node says the call used; --json gives the list in the form a request's \
        accessList takes. A call that reverts exits 7.

        Examples:
          sigil access-list 0x… "transfer(address,uint256)" 0x… 1000 --from 0x… --rpc http://127.0.0.1:8545
          sigil access-list 0x… --data 0x70a08231… --json
        """
    )

    @OptionGroup var options: CallOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (request, contract, block) = try options.request(network: network)
        let client = try network.client()
        let list = try options.running(client) { try ContractCaller(client: client).accessList(request, at: block) }
        let label = VerificationOutput.unproved(CallOptions.unprovable)
        if output.json {
            return output.emit(line: "", json: .object([("to", .string(contract.address.checksummed)), ("block", .string(block.label)),
                                                        ("accessList", list.json), ("gasUsed", .string(String(list.gasUsed))), label.json]))
        }
        StandardStreams.writeError("\(label.field.0): \(label.field.1)\n")
        var rows = list.entries.map { entry in
            (entry.address.checksummed, entry.storageKeys.isEmpty ? "(no storage keys)" : entry.storageKeys.map { Hex.encode($0) }.joined(separator: " "))
        }
        rows.append(("gas used", String(list.gasUsed)))
        output.emit(rows, json: .null)
    }
}
