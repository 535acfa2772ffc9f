import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Show any transaction's receipt (status, gas, fee, logs), proved against an agreed block.",
        discussion: """
        Every peer is asked at once. A receipt counts only once proved, as `tx status` and \
        `send --wait` prove it: its block's header agreed by the peers (or --block-hash), the \
        transaction in that block's transactionsRoot and the receipt in its receiptsRoot; the \
        effective gas price is then computed from the proved transaction and the block's base \
        fee. --no-verify takes a peer's word and labels it unverified. The transaction need not \
        have been sent by Sigil.

        Without --wait a transaction that is not mined exits 66 (the message says whether a peer \
        holds it). --wait polls until it is mined with --confirmations N (counted on headers \
        linked by parentHash), or --wait-timeout S seconds pass (exit 8). A reverted receipt is \
        printed, then exits 7. A receipt a peer returns in a shape Sigil cannot read is an error \
        naming the peer and the field (exit 6), never "pending"; one that cannot be proved exits 11.
        Logs of known events (ERC-20, ERC-721, ERC-1155 transfers and approvals, WETH, Ownable) \
        are decoded; the others are shown as raw topics and data.

        Examples:
          sigil receipt 0x…hash --rpc $A --rpc $B
          sigil receipt 0x…hash --wait --confirmations 3 --wait-timeout 300 --json
        """
    )

    @Argument(help: ArgumentHelp("The transaction hash.", valueName: "hash")) var hash: String
    @OptionGroup var waiting: WaitOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let digest = try TransactionHashText.parse(hash)
        let peers = try network.peers()
        let verifier = try network.verifier(peers: peers)
        var confirmations: UInt64? = nil
        let receipt: TransactionReceipt
        if waiting.wait {
            let waiter = ReceiptWaiter(peers: peers, requestTimeout: network.timeout, pollInterval: 0.5, verifier: verifier)
            switch waiter.wait(hash: digest, confirmations: waiting.confirmations, timeout: waiting.waitTimeout,
                               progress: ReceiptProgressLine.printer()) {
            case .found(let found, let count): (receipt, confirmations) = (found, count)
            case .timedOut: throw CommandFailure(.timedOut, "no receipt for \(hash) with \(waiting.confirmations) confirmation(s) within \(waiting.waitTimeout) s")
            case .unproven(let error): throw error
            case .malformed(let error): throw error
            }
            if StandardStreams.stderrIsTerminal { StandardStreams.writeError("\r\u{1B}[K") }
        } else {
            receipt = try ReceiptRead.now(digest, peers: peers, timeout: network.timeout, verifier: verifier)
        }
        let presented = ReceiptPresenter(receipt: receipt, confirmations: confirmations)
        let label = receipt.verification.map(VerificationOutput.proved) ?? VerificationOutput.unproved(network.unverifiedReason())
        output.emit(presented.lines + [label.field], json: .object(presented.fields + [label.json]))
        if receipt.reverted { throw CommandFailure(.reverted, "\(hash) was mined in block \(receipt.blockNumber) but REVERTED (status 0)") }
    }
}

/// A transaction hash argument: 0x + 64 hex digits.
enum TransactionHashText {
    static func parse(_ text: String) throws -> [UInt8] {
        guard let digest = try? Hex.decode(text, count: 32) else {
            throw CommandFailure(.invalidInput, "'\(DisplayText.escaped(text, limit: 80))' is not a transaction hash (0x and 64 hex digits)")
        }
        return digest
    }
}

/// How a receipt is shown: text lines and the `--json` members (before `verification`).
struct ReceiptPresenter {
    let receipt: TransactionReceipt
    let confirmations: UInt64?

    var effectiveGasPrice: U256? { receipt.paidGasPrice }
    var fee: U256? { receipt.feePaid }

    /// The log decoded by a known event (KnownEvents: ERC-20, ERC-721, ERC-1155, WETH, Ownable),
    /// as `{"event", "signature", "topic0", "fields", "standard"}`; null when none decodes it.
    static func event(_ log: Log) -> JSONValue {
        guard let known = KnownEvents.decode(topics: log.topics, data: log.data),
              case .object(let members) = known.event.json else { return .null }
        return .object(members + [("standard", .string(known.standard))])
    }

    var statusText: String {
        switch receipt.status {
        case 1?: "1 (success)"
        case 0?: "0 (REVERTED)"
        default: "unknown (pre-Byzantium receipt)"
        }
    }

    var lines: [(String, String)] {
        var lines: [(String, String)] = [
            ("transaction", Hex.encode(receipt.transactionHash)), ("status", statusText),
            ("block", "\(receipt.blockNumber) (\(Hex.encode(receipt.blockHash)))"),
        ]
        if let confirmations { lines.append(("confirmations", String(confirmations))) }
        if let from = receipt.from { lines.append(("from", from.checksummed)) }
        lines.append(("to", receipt.to?.checksummed ?? "contract creation"))
        if let created = receipt.contractAddress { lines.append(("contract address", created.checksummed)) }
        lines.append(("gas used", String(receipt.gasUsed)))
        if let price = effectiveGasPrice { lines.append(("effective gas price", "\(Amount.format(price, as: .gwei)) gwei")) }
        if let fee { lines.append(("fee paid", "\(Amount.format(fee, as: .ether)) ether")) }
        lines.append(("logs", String(receipt.logs.count)))
        for (index, log) in receipt.logs.enumerated() {
            lines.append(("log \(index)", log.address.checksummed))
            if let known = KnownEvents.decode(topics: log.topics, data: log.data) {
                lines.append(("  event", "\(known.event.description) (\(known.standard))"))
            }
            for (position, topic) in log.topics.enumerated() { lines.append(("  topic \(position)", Hex.encode(topic))) }
            lines.append(("  data", log.data.isEmpty ? "0x" : Hex.encode(log.data)))
        }
        return lines
    }

    var fields: [(String, JSONValue)] {
        let text: (String?) -> JSONValue = { $0.map { .string($0) } ?? .null }
        return [
            ("transactionHash", .string(Hex.encode(receipt.transactionHash))),
            ("status", receipt.status.map { .integer($0) } ?? .null),
            ("blockNumber", .string(String(receipt.blockNumber))), ("blockHash", .string(Hex.encode(receipt.blockHash))),
            ("confirmations", text(confirmations.map(String.init))),
            ("from", text(receipt.from?.checksummed)), ("to", text(receipt.to?.checksummed)),
            ("contractAddress", text(receipt.contractAddress?.checksummed)),
            ("gasUsed", .string(String(receipt.gasUsed))),
            ("effectiveGasPrice", text(effectiveGasPrice?.decimalString)),
            ("feeWei", text(fee?.decimalString)), ("feeEther", text(fee.map { Amount.format($0, as: .ether) })),
            ("logs", .array(receipt.logs.map { log in
                .object([("address", .string(log.address.checksummed)), ("topics", .array(log.topics.map { .string(Hex.encode($0)) })),
                         ("data", .string(log.data.isEmpty ? "0x" : Hex.encode(log.data))), ("event", Self.event(log))])
            })),
        ]
    }
}
