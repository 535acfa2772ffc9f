import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct BalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Show an address's ether balance, or its ERC-20 balance with --token.",
        discussion: """
        Examples:
          sigil balance 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --rpc http://127.0.0.1:8545
          sigil balance 0x… --token 0x… --json
        """
    )

    @Argument(help: ArgumentHelp("The address, or a keystore account name.", valueName: "address")) var address: String
    @Option(name: .long, help: "An ERC-20 token contract: show the token balance (reads decimals()).") var token: String?
    @Option(name: .long, help: "Block: latest, pending, safe, finalized, or a number.") var block = "latest"
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let owner = try AddressResolver.resolve(address) as Address
        let reader = try network.reader()
        let tag = try BlockTagText.parse(block)
        if let token {
            let contract = try AddressResolver.resolve(token) as Address
            let holding = try TokenReads.balance(of: owner, token: contract, reader: reader, block: tag)
            output.emit([("balance", "\(Amount.format(holding.raw, decimals: holding.decimals)) tokens"), ("raw", holding.raw.decimalString),
                         ("decimals", String(holding.decimals))],
                        json: .object([("address", .string(owner.checksummed)), ("token", .string(contract.checksummed)),
                                       ("balance", .string(holding.raw.decimalString)), ("decimals", .integer(holding.decimals)),
                                       ("formatted", .string(Amount.format(holding.raw, decimals: holding.decimals)))]))
            return
        }
        let wei = try reader.balance(of: owner, at: tag)
        output.emit([("balance", "\(Amount.format(wei, as: .ether)) ether"), ("wei", wei.decimalString)],
                    json: .object([("address", .string(owner.checksummed)), ("wei", .string(wei.decimalString)),
                                   ("ether", .string(Amount.format(wei, as: .ether)))]))
    }
}

struct NonceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nonce",
        abstract: "Show an address's transaction count (its next nonce with --block pending).",
        discussion: """
        Examples:
          sigil nonce 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --block pending
        """
    )

    @Argument(help: ArgumentHelp("The address, or a keystore account name.", valueName: "address")) var address: String
    @Option(name: .long, help: "Block: latest, pending, safe, finalized, or a number.") var block = "latest"
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let nonce = try network.reader().nonce(of: AddressResolver.resolve(address), at: BlockTagText.parse(block))
        output.emit(line: String(nonce), json: .object([("nonce", .string(String(nonce)))]))
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
        let results = ChainCheck.chainIds(of: try network.peers(), timeout: network.timeout)
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
        ], json: .object([
            ("gasPrice", .string(fees.gasPrice.decimalString)), ("nextBaseFee", .string(fees.nextBaseFee.decimalString)),
            ("priorityFee", .string(fees.suggestedTip.decimalString)), ("maxFeePerGas", .string(maxFee.decimalString)),
        ]))
    }
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
            guard let number = UInt64(text) else {
                throw CommandFailure(.usage, "unknown block '\(text)' (latest, pending, safe, finalized, earliest or a number)")
            }
            return .number(number)
        }
    }
}
