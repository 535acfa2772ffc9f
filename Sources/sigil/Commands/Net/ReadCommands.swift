import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Show an address's ether balance, or its ERC-20 balance with --token, proved against an agreed block.",
        discussion: """
        The balance is proved, not believed: the peers are asked at once for the block header \
        and an eth_getProof account proof; the header is trusted when it hashes to its block hash \
        and the peers agree on it (--agree K, default every peer that answers and at least 2 of 2 \
        or more; or --block-hash pins it); the balance then comes from the proof against its \
        stateRoot. A --token balance comes from a storage proof of the token contract (the slot \
        found with eth_createAccessList or the usual mapping layouts, and kept only if it holds \
        what eth_call computes). Peers that disagree or serve an invalid proof are named; \
        without agreement or a valid proof the command exits 11 and prints no balance. \
        --no-verify takes the first answering peer's word and labels it unverified.

        Examples:
          sigil balance 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --rpc http://127.0.0.1:8545
          sigil balance 0x… --rpc $A --rpc $B --rpc $C --agree 2
          sigil balance 0x… --token 0x… --json
          sigil balance 0x… --block-hash 0x… --rpc $A
        """
    )

    @Argument(help: ArgumentHelp("The address, or a keystore account name.", valueName: "address")) var address: String
    @Option(name: .long, help: "An ERC-20 token contract: show the token balance (reads decimals()).") var token: String?
    @Option(name: .long, help: "Block: latest, safe, finalized, earliest, a number, or pending (pending cannot be proved).")
    var block = "latest"
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let owner = try AddressResolver.resolve(address) as Address
        let tag = try BlockTagText.parse(block)
        let peers = try network.peers()
        let verifier = tag == .pending ? nil : try network.verifier(peers: peers)
        let reason = tag == .pending ? "pending state cannot be proved" : network.unverifiedReason()
        if let token {
            let contract = try AddressResolver.resolve(token) as Address
            let raw: U256, decimals: Int?, label: (field: (String, String), json: (String, JSONValue))
            if let verifier, let proved = try VerificationOutput.unlessNotServed({ try verifier.tokenBalance(owner: owner, token: contract, at: tag) }) {
                (raw, decimals, label) = (proved.value.raw, proved.value.decimals, VerificationOutput.proved(proved))
            } else {
                let holding = try TokenReads.balance(of: owner, token: contract, reader: network.reader(), block: tag)
                (raw, decimals, label) = (holding.raw, holding.decimals, VerificationOutput.unproved(verifier == nil ? reason : VerificationOutput.notServed))
            }
            let formatted = decimals.map { Amount.format(raw, decimals: $0) }
            output.emit([("balance", formatted.map { "\($0) tokens" } ?? "\(raw.decimalString) (raw; decimals() unknown)"),
                         ("raw", raw.decimalString), ("decimals", decimals.map(String.init) ?? "unknown"), label.field],
                        json: .object([("address", .string(owner.checksummed)), ("token", .string(contract.checksummed)),
                                       ("balance", .string(raw.decimalString)), ("decimals", decimals.map { .integer($0) } ?? .null),
                                       ("formatted", formatted.map { .string($0) } ?? .null), label.json]))
            return
        }
        let wei: U256, label: (field: (String, String), json: (String, JSONValue))
        if let verifier, let proved = try VerificationOutput.unlessNotServed({ try verifier.account(owner, at: tag) }) {
            (wei, label) = (proved.value.state.balance, VerificationOutput.proved(proved))
        } else {
            (wei, label) = (try network.reader().balance(of: owner, at: tag), VerificationOutput.unproved(verifier == nil ? reason : VerificationOutput.notServed))
        }
        output.emit([("balance", "\(Amount.format(wei, as: .ether)) ether"), ("wei", wei.decimalString), label.field],
                    json: .object([("address", .string(owner.checksummed)), ("wei", .string(wei.decimalString)),
                                   ("ether", .string(Amount.format(wei, as: .ether))), label.json]))
    }
}

struct NonceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nonce",
        abstract: "Show an address's transaction count, proved by an account proof (pending: the peers' word).",
        discussion: """
        Proved like `sigil balance` (see its help): the account nonce at an agreed block. \
        --block pending asks for the peers' mempool count, which cannot be proved and is \
        labelled unverified.

        Examples:
          sigil nonce 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --rpc http://127.0.0.1:8545
          sigil nonce 0x… --block pending --json
        """
    )

    @Argument(help: ArgumentHelp("The address, or a keystore account name.", valueName: "address")) var address: String
    @Option(name: .long, help: "Block: latest, safe, finalized, earliest, a number, or pending (pending cannot be proved).")
    var block = "latest"
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let owner = try AddressResolver.resolve(address) as Address
        let tag = try BlockTagText.parse(block)
        let peers = try network.peers()
        let verifier = tag == .pending ? nil : try network.verifier(peers: peers)
        if let verifier, let proved = try VerificationOutput.unlessNotServed({ try verifier.account(owner, at: tag) }) {
            return emit(proved.value.state.nonce, VerificationOutput.proved(proved))
        }
        let nonce = try network.reader().nonce(of: owner, at: tag)
        let reason = tag == .pending ? "pending state cannot be proved" : verifier == nil ? network.unverifiedReason() : VerificationOutput.notServed
        emit(nonce, VerificationOutput.unproved(reason))
    }

    /// The nonce alone on stdout (for scripts), the verification line on stderr.
    private func emit(_ nonce: UInt64, _ label: (field: (String, String), json: (String, JSONValue))) {
        if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
        output.emit(line: String(nonce), json: .object([("nonce", .string(String(nonce))), label.json]))
    }
}

struct ChainIdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chain-id",
        abstract: "Ask every peer for its chain id; fail if they disagree.",
        discussion: """
        Examples:
          sigil chain-id --rpc http://127.0.0.1:8545 --rpc https://…
        """
    )

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        // A peer that has not answered a short grace after the first is shown as not answering.
        let results = PeerGroup(urls: try network.peers(), timeout: network.timeout).runWithGrace { client throws(RPCError) in
            try client.call("eth_chainId").u256(method: "eth_chainId")
        }
        var ids = Set<U256>()
        var rows: [(String, String)] = []
        for result in results {
            switch result.result {
            case .success(let id): ids.insert(id); rows.append((result.url, id.decimalString))
            case .failure(let error): rows.append((result.url, "no answer: \(error)"))
            }
        }
        guard let first = ids.first else { throw CommandFailure(.network, "no peer answered: \(rows.map(\.1).joined(separator: "; "))") }
        guard ids.count == 1 else {
            throw CommandFailure(.network, "peers disagree on the chain id: " + rows.map { "\($0.0) says \($0.1)" }.joined(separator: ", "))
        }
        let json: JSONValue = .object([("chainId", .string(first.decimalString)), ("name", ChainNames.name(of: first).map { .string($0) } ?? .null)])
        if rows.count == 1 {
            output.emit(line: first.decimalString, json: json)
        } else {
            output.emit(rows, json: json)
        }
    }
}

struct FeesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fees",
        abstract: "Show the current gas price, next base fee and a suggested priority fee.",
        discussion: """
        The suggested priority fee (tip) is the node's own eth_maxPriorityFeePerGas when the \
        node has that method; otherwise it is the median of the 50th-percentile rewards of the \
        last 10 blocks (eth_feeHistory), at least 1 wei. The max fee is 2 × next base fee + \
        tip. 'send' and 'tx build' use the same rule when --priority-fee or --max-fee is not given.

        Examples:
          sigil fees --rpc http://127.0.0.1:8545 --json
        """
    )

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let fees = try network.reader().fees()
        let maxFee = fees.maxFeePerGas
        output.emit([
            ("gas price", "\(Amount.format(fees.gasPrice, as: .gwei)) gwei"),
            ("next base fee", "\(Amount.format(fees.nextBaseFee, as: .gwei)) gwei"),
            ("priority fee", "\(Amount.format(fees.suggestedTip, as: .gwei)) gwei"),
            ("max fee (2 × base + tip)", "\(Amount.format(maxFee, as: .gwei)) gwei"),
            VerificationOutput.unproved(Self.unprovable).field,
        ], json: .object([
            ("gasPrice", .string(fees.gasPrice.decimalString)), ("nextBaseFee", .string(fees.nextBaseFee.decimalString)),
            ("priorityFee", .string(fees.suggestedTip.decimalString)), ("maxFeePerGas", .string(maxFee.decimalString)),
            VerificationOutput.unproved(Self.unprovable).json,
        ]))
    }

    /// Fee levels are a node's suggestion: nothing in a block header proves them.
    static let unprovable = "fee levels are the node's suggestion"
}

enum BlockTagText {
    static func parse(_ text: String) throws -> BlockTag {
        switch text {
        case "latest": return .latest
        case "pending": return .pending
        case "safe": return .safe
        case "finalized": return .finalized
        case "earliest": return .earliest
        default:
            if text.hasPrefix("0x"), text.count == 66, let hash = try? Hex.decode(text, count: 32) { return .hash(hash) }
            if text.hasPrefix("0x"), let number = try? U256(hexQuantity: text).uint64Value { return .number(number) }
            guard let number = UInt64(text) else {
                throw CommandFailure(.usage, "unknown block '\(text)' (latest, pending, safe, finalized, earliest, a number, 0x-hex number or a block hash)")
            }
            return .number(number)
        }
    }
}
