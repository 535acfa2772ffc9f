import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct TxListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the transactions Sigil signed and journaled (every chain and account, or filtered).",
        discussion: """
        Examples:
          sigil tx list
          sigil tx list --address 0x… --chain-id 1 --json
        """
    )

    @Option(name: .long, help: "Only this sender.") var address: String?
    @Option(name: .long, help: "Only this chain id.") var chainId: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let sender = try address.map(Address.init(parsing:))
        let chain = try chainId.map { try U256(parsing: $0) }
        var rows: [(TransactionJournal, JournalRecord)] = []
        for journal in JournalDirectory.journals(in: DataDirectory.journal)
        where (sender == nil || journal.address == sender) && (chain == nil || journal.chainId == chain) {
            rows += try journal.withLock(timeout: 60) { $0.records() }.map { (journal, $0) }
        }
        if output.json {
            StandardStreams.write(JSONValue.array(rows.map { JournalPresenter.json($0.1, journal: $0.0) }).serialized(pretty: true) + "\n")
            return
        }
        guard !rows.isEmpty else { return StandardStreams.writeError("no journaled transactions in \(DataDirectory.journal)\n") }
        StandardStreams.write(OutputOptions.table(rows.map { journal, record in
            ("chain \(journal.chainId.decimalString) nonce \(record.nonce)",
             "\(record.hashHex)  \(record.status.rawValue)  \(Amount.format(record.value, as: .ether)) ether → \(record.to?.checksummed ?? "creation")"
             + (record.batchKey.map { "  [\($0)]" } ?? ""))
        }))
    }
}

struct TxStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a transaction's journal record and what the peers say about it now.",
        discussion: """
        Asks the peers (--rpc, else those it was sent to) for the receipt; a found receipt updates \
        the journal (mined or reverted). Exit 7 if it reverted.

        Examples:
          sigil tx status 0x…hash
        """
    )

    @Argument(help: ArgumentHelp("The transaction hash.", valueName: "hash")) var hash: String
    @Option(name: .long, help: "Peers to ask (default: the peers it was sent to).") var rpc: [String] = []
    @Option(name: .long, help: "Seconds to wait for each peer.") var timeout: Double = 10
    @OptionGroup var output: OutputOptions

    func run() throws {
        let digest = try Hex.decode(hash, count: 32)
        guard var (journal, record) = try JournalDirectory.find(hash: digest, in: DataDirectory.journal) else {
            throw CommandFailure(.notFound, "\(hash) is not in the journal (\(DataDirectory.journal))")
        }
        let peers = rpc.isEmpty ? record.peers : rpc
        var receipt: TransactionReceipt?
        for peer in peers {
            if let found = try? NodeReader(client: JSONRPCClient(url: peer, timeout: timeout)).receipt(hash: digest) { receipt = found; break }
        }
        if let receipt {
            try journal.withLock(timeout: 60) { try $0.updateStatus(hash: digest, status: receipt.reverted ? .reverted : .mined) }
            // Show the record as the journal now has it, not as it was before the receipt.
            if let (updatedJournal, updated) = try JournalDirectory.find(hash: digest, in: DataDirectory.journal) {
                (journal, record) = (updatedJournal, updated)
            }
        }
        var fields = JournalPresenter.fields(record)
        if let receipt {
            fields.append(("chain", "mined in block \(receipt.blockNumber), status \(receipt.reverted ? "0 (REVERTED)" : "1"), \(receipt.gasUsed) gas"))
        } else {
            fields.append(("chain", peers.isEmpty ? "no peer to ask" : "no receipt yet (pending or unknown to the peers)"))
        }
        var json = JournalPresenter.json(record, journal: journal)
        if case .object(var members) = json {
            members.append(("receipt", receipt.map { .object([("blockNumber", .string(String($0.blockNumber))),
                                                              ("status", .integer($0.reverted ? 0 : 1)), ("gasUsed", .string(String($0.gasUsed)))]) } ?? .null))
            json = .object(members)
        }
        output.emit(fields, json: json)
        if receipt?.reverted == true { throw CommandFailure(.reverted, "\(hash) reverted") }
    }
}

struct TxRebroadcastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebroadcast",
        abstract: "Send a journaled transaction's exact signed bytes again (never re-signs).",
        discussion: """
        Examples:
          sigil tx rebroadcast 0x…hash --rpc http://127.0.0.1:8545
          sigil tx rebroadcast 0x…hash --peer enode://…@10.0.0.1:30303 --rpc $RPC
        """
    )

    @Argument(help: ArgumentHelp("The transaction hash.", valueName: "hash")) var hash: String
    @Option(name: .long, help: "Peers that must accept it.") var quorum = 1
    @OptionGroup var network: NetworkOptions
    @OptionGroup var p2p: P2POptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let digest = try Hex.decode(hash, count: 32)
        guard let (journal, record) = try JournalDirectory.find(hash: digest, in: DataDirectory.journal) else {
            throw CommandFailure(.notFound, "\(hash) is not in the journal")
        }
        let sender = try p2p.sender(network: network, chainId: journal.chainId)
        let targets = (sender.broadcastOverRPC ? sender.peers.count : 0) + sender.enodes.count
        guard quorum >= 1, quorum <= targets else { throw CommandFailure(.usage, "--quorum must be 1 to \(targets) (the number of peers)") }
        let report = try sender.broadcast(try SignedTransaction.decode(record.raw), chainId: journal.chainId, sender: journal.address,
                                          first: false, networkForm: record.raw)
        output.emit(line: report.table().trimmingWhitespace(), json: report.json)
        guard report.meets(quorum: quorum) else {
            throw SendError.quorumNotReached(accepted: report.acceptedCount, required: quorum, hash: record.hashHex)
        }
    }
}

struct TxReplaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bump",
        abstract: "Re-sign a stuck transaction at the same nonce with higher fees (both +10% at least).",
        discussion: """
        Takes the journaled transaction's hash (or its nonce with --from). The replacement keeps \
        every field but the fees, is journaled under the same payout row if any, then broadcast. \
        `sigil tx cancel` instead replaces it with a zero-value transfer to yourself.

        Examples:
          sigil tx bump 0x…hash --from ops --rpc $RPC
          sigil tx bump 0x…hash --max-fee 80gwei --priority-fee 3gwei --from ops --yes
        """,
        aliases: []
    )

    @Argument(help: ArgumentHelp("The stuck transaction's hash.", valueName: "hash")) var hash: String
    @Option(name: .long, help: "New max fee per gas (legacy: gas price); at least +10%.") var maxFee: String?
    @Option(name: .long, help: "New priority fee per gas; at least +10%.") var priorityFee: String?
    @Flag(name: .long, help: "Do not ask for confirmation (required off a terminal).") var yes = false
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var p2p: P2POptions
    @OptionGroup var output: OutputOptions

    func run() throws { try Replacement.run(hash: hash, cancel: false, maxFee: maxFee, priorityFee: priorityFee, yes: yes,
                                            wallet: wallet, network: network, p2p: p2p, output: output) }
}

struct TxCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Replace a stuck transaction with a zero-value transfer to yourself at the same nonce.",
        discussion: """
        Examples:
          sigil tx cancel 0x…hash --from ops --rpc $RPC --yes
          sigil tx cancel 0x…hash --from ops --peer enode://…@10.0.0.1:30303 --p2p-only --yes
        """
    )

    @Argument(help: ArgumentHelp("The stuck transaction's hash.", valueName: "hash")) var hash: String
    @Option(name: .long, help: "New max fee per gas (legacy: gas price); at least +10%.") var maxFee: String?
    @Option(name: .long, help: "New priority fee per gas; at least +10%.") var priorityFee: String?
    @Flag(name: .long, help: "Do not ask for confirmation (required off a terminal).") var yes = false
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var p2p: P2POptions
    @OptionGroup var output: OutputOptions

    func run() throws { try Replacement.run(hash: hash, cancel: true, maxFee: maxFee, priorityFee: priorityFee, yes: yes,
                                            wallet: wallet, network: network, p2p: p2p, output: output) }
}

/// bump and cancel: same nonce, fees raised by FeeBump's rule, journaled before broadcast.
enum Replacement {
    static func run(hash: String, cancel: Bool, maxFee: String?, priorityFee: String?, yes: Bool,
                    wallet: WalletOptions, network: NetworkOptions, p2p: P2POptions, output: OutputOptions) throws {
        let digest = try Hex.decode(hash, count: 32)
        guard let (journal, record) = try JournalDirectory.find(hash: digest, in: DataDirectory.journal) else {
            throw CommandFailure(.notFound, "\(hash) is not in the journal")
        }
        let old = try SignedTransaction.decode(record.raw)
        var request = TransactionRequest(payload: old.payload, from: journal.address)
        let requestedMax = try maxFee.map { try Amount.parse($0, defaultUnit: .wei) }
        let requestedTip = try priorityFee.map { try Amount.parse($0, defaultUnit: .wei) }
        if let price = request.gasPrice {
            request.gasPrice = try FeeBump.legacy(oldGasPrice: price, requestedGasPrice: requestedMax)
        } else if let maxFeePerGas = request.maxFeePerGas, let tip = request.maxPriorityFeePerGas {
            let fees = try FeeBump.dynamic(oldMaxFeePerGas: maxFeePerGas, oldMaxPriorityFeePerGas: tip,
                                           requestedMaxFeePerGas: requestedMax, requestedMaxPriorityFeePerGas: requestedTip)
            request.maxFeePerGas = fees.maxFeePerGas
            request.maxPriorityFeePerGas = fees.maxPriorityFeePerGas
        }
        if cancel {
            request.to = journal.address
            request.value = .zero
            request.data = []
            request.gas = 21_000
            request.accessList = AccessList()
            if request.type == .setCode || request.type == .blob { request.type = .dynamicFee; request.authorizationList = []; request.blobVersionedHashes = []; request.maxFeePerBlobGas = nil }
        }
        // The peers first: one that cannot be used stops here, before any question.
        let sender = try p2p.sender(network: network, chainId: journal.chainId)
        try Confirmation.ask(request, yes: yes, question: cancel ? "Cancel with this transaction?" : "Replace with these fees?")
        let key = try wallet.makeSigner()
        guard key.address == journal.address else { throw CommandFailure(.verificationFailed, "the key is not \(journal.address.checksummed)") }
        let signed = try journal.withLock(timeout: 120) { session -> SignedTransaction in
            let signed = try key.sign(request.payload())
            var replacement = record
            replacement.hash = signed.hash
            replacement.raw = signed.rawBytes
            replacement.to = request.to
            replacement.value = request.value
            replacement.maxFeePerGas = request.maxFeePerGas ?? request.gasPrice ?? .zero
            replacement.maxPriorityFeePerGas = request.maxPriorityFeePerGas
            replacement.status = .pending
            replacement.peers = sender.recordedPeers
            replacement.createdAt = JournalRecord.now()
            replacement.note = (cancel ? "cancels " : "bumps ") + record.hashHex
            try session.append(replacement)
            return signed
        }
        let report = try sender.broadcast(signed, chainId: journal.chainId, sender: journal.address)
        StandardStreams.writeError(report.table().trimmingWhitespace() + "\n")
        guard report.meets(quorum: 1) else {
            throw SendError.quorumNotReached(accepted: report.acceptedCount, required: 1, hash: signed.hash.hexString)
        }
        output.emit(line: signed.hash.hexString, json: .object([("hash", .string(signed.hash.hexString)), ("replaces", .string(record.hashHex)),
                                                                 ("nonce", .string(String(record.nonce))), ("broadcast", report.json)]))
    }
}

/// How a journal record is shown.
enum JournalPresenter {
    static func fields(_ record: JournalRecord) -> [(String, String)] {
        [("hash", record.hashHex), ("status", record.status.rawValue), ("nonce", String(record.nonce)),
         ("to", record.to?.checksummed ?? "contract creation"), ("value", "\(Amount.format(record.value, as: .ether)) ether"),
         ("peers", record.peers.joined(separator: ", "))]
            + (record.batchKey.map { [("payout row", $0)] } ?? []) + (record.note.map { [("note", $0)] } ?? [])
    }

    static func json(_ record: JournalRecord, journal: TransactionJournal) -> JSONValue {
        .object([
            ("hash", .string(record.hashHex)), ("chainId", .string(journal.chainId.decimalString)),
            ("from", .string(journal.address.checksummed)), ("nonce", .string(String(record.nonce))),
            ("status", .string(record.status.rawValue)), ("to", record.to.map { .string($0.checksummed) } ?? .null),
            ("value", .string(record.value.decimalString)), ("createdAt", .integer(Int(record.createdAt))),
            ("peers", .array(record.peers.map { .string($0) })), ("batchKey", record.batchKey.map { .string($0) } ?? .null),
            ("note", record.note.map { .string($0) } ?? .null),
        ])
    }
}
