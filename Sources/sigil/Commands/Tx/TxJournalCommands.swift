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

    @Option(name: .long, help: "Only this sender (an address or keystore account name).") var address: String?
    @Option(name: .long, help: "Only this chain id.") var chainId: String?
    @OptionGroup var output: OutputOptions

    func run() throws {
        let sender = try AddressResolver.resolve(address)
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
        abstract: "Show a transaction's journal record and what the peers can prove about it now.",
        discussion: """
        Asks every peer at once (--rpc, else those it was sent to) for the receipt. A receipt \
        counts only when proved: its block agreed by the peers, the transaction in that block's \
        transactionsRoot, the receipt in its receiptsRoot (--no-verify takes a peer's word). A \
        proved receipt updates the journal (mined or reverted). A record the journal calls \
        mined whose receipt is gone (a lie, or a reorg) is repaired: accepted when a peer still \
        holds the transaction, dropped (its nonce free again) when none does. Exit 7 if it \
        reverted; exit 6 when no peer could be asked (each failure named); exit 11 when a \
        receipt was claimed but could not be proved.

        Examples:
          sigil tx status 0x…hash
          sigil tx status 0x…hash --rpc $A --rpc $B --json
        """
    )

    @Argument(help: ArgumentHelp("The transaction hash.", valueName: "hash")) var hash: String
    @Option(name: .long, help: "Peers to ask (default: the peers it was sent to).") var rpc: [String] = []
    @Option(name: .customLong("timeout"), help: ArgumentHelp("Seconds the whole command may take (default: 10 s for each request).", valueName: "seconds"))
    var commandTimeout: Double?
    var timeout: Double { commandTimeout ?? 10 }
    @Flag(name: .long, help: "Take a peer's receipt as given instead of proving it.") var noVerify = false
    @Option(name: .long, help: ArgumentHelp("Peers that must agree on the receipt's block (default: every peer that answers, at least 2 of 2 or more).",
                                            valueName: "k"))
    var agree: Int?
    @OptionGroup var output: OutputOptions

    func validate() throws { try CommandWatchdog.start(validating: commandTimeout) }

    func run() throws {
        let digest = try Hex.decode(hash, count: 32)
        guard let (journal, record) = try JournalDirectory.find(hash: digest, in: DataDirectory.journal) else {
            throw CommandFailure(.notFound, "\(hash) is not in the journal (\(DataDirectory.journal))")
        }
        let peers = (rpc.isEmpty ? record.peers : rpc).filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        guard !peers.isEmpty else { throw CommandFailure(.usage, "no JSON-RPC peer to ask: give --rpc URL") }
        let verifier = noVerify ? nil : ChainVerifier(peers: peers, timeout: timeout, settings: VerificationSettings(agree: agree))
        let report = TransactionLookupReport.look(up: digest, peers: peers, timeout: timeout, verifier: verifier)
        VerificationOutput.warnFaults(report.unproven)
        guard report.answered > 0 else {
            throw CommandFailure(.network, "no peer could be asked: " + report.failures.map(\.description).joined(separator: "; "))
        }
        VerificationOutput.warnFaults(report.failures)
        let updated = try JournalStatusRepair.apply(report.lookup, to: record, in: journal)
        var fields = JournalPresenter.fields(updated)
        var receiptJSON: JSONValue = .null
        var verification = Unverified.json(reason: noVerify ? "--no-verify" : "no receipt")
        switch report.lookup {
        case .mined(let receipt):
            fields.append(("chain", "mined in block \(receipt.blockNumber), status \(receipt.reverted ? "0 (REVERTED)" : "1"), \(receipt.gasUsed) gas"))
            if let proof = receipt.verification {
                fields.append(VerificationOutput.proved(proof).field)
                verification = proof.json
            } else {
                fields.append(VerificationOutput.unproved("--no-verify").field)
            }
            receiptJSON = .object([("blockNumber", .string(String(receipt.blockNumber))), ("status", .integer(receipt.reverted ? 0 : 1)),
                                   ("gasUsed", .string(String(receipt.gasUsed)))])
        case .pending(let holders): fields.append(("chain", "not mined; held by \(holders.joined(separator: ", "))"))
        case .unknown: fields.append(("chain", "not mined, and unknown to every peer that answered"))
        }
        var json = JournalPresenter.json(updated, journal: journal)
        if case .object(var members) = json {
            members += [("receipt", receiptJSON), ("verification", verification),
                        ("peerFailures", .array((report.failures + report.unproven).map(\.json)))]
            json = .object(members)
        }
        output.emit(fields, json: json)
        if case .mined(let receipt) = report.lookup, receipt.reverted { throw CommandFailure(.reverted, "\(hash) reverted") }
        if case .mined = report.lookup {} else if !report.unproven.isEmpty {
            throw VerificationError.unproven(what: "the receipt peers claim for \(hash)", faults: report.unproven)
        }
    }
}

struct TxRebroadcastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebroadcast",
        abstract: "Send a journaled transaction's exact signed bytes again (never re-signs).",
        discussion: """
        Sends the bytes as journaled (a blob transaction with its sidecar, when it was broadcast \
        so). When fewer than --quorum peers take it, the peers are asked for its receipt: a \
        transaction already mined (nodes answer "nonce too low") is recorded as mined and the \
        command succeeds; one that reverted exits 7.

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
        let targets = p2p.targetCount(rpc: sender.peers, enodes: sender.enodes)
        guard quorum >= 1, quorum <= targets else { throw CommandFailure(.usage, "--quorum must be 1 to \(targets) (the number of peers)") }
        let report = try sender.broadcast(try SignedTransaction.decode(record.raw), chainId: journal.chainId, sender: journal.address,
                                          first: false, networkForm: record.raw)
        output.emit(line: report.table().trimmingWhitespace(), json: report.json)
        guard report.meets(quorum: quorum) else {
            // Refused, e.g. "nonce too low": if it is mined, there is nothing left to send.
            if let receipt = try? sender.settle([digest], chainId: journal.chainId, sender: journal.address)[digest] {
                if receipt.reverted { throw CommandFailure(.reverted, "\(record.hashHex) was already mined in block \(receipt.blockNumber) and REVERTED") }
                return StandardStreams.writeError("\(record.hashHex) is already mined in block \(receipt.blockNumber); nothing to rebroadcast\n")
            }
            throw SendError.broadcastFailed(report, quorum: quorum, hash: record.hashHex)
        }
    }
}

struct TxReplaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bump",
        abstract: "Re-sign a stuck transaction at the same nonce with higher fees (both +10% at least).",
        discussion: """
        Names the stuck transaction by its hash, or by its nonce: the account is the one --from or \
        --private-key-file gives, the chain --chain-id, else the config network's, else the peers'. \
        The latest journaled transaction at that nonce is replaced: the replacement keeps every \
        field but the fees, is journaled (under the same payout row if any), then broadcast. \
        `sigil tx cancel` instead replaces it with a zero-value transfer to yourself.

        Examples:
          sigil tx bump 0x…hash --from ops --rpc $RPC
          sigil tx bump 7 --from ops --rpc $RPC
          sigil tx bump 0x…hash --max-fee 80gwei --priority-fee 3gwei --from ops --yes
        """,
        aliases: []
    )

    @OptionGroup var replacement: ReplacementOptions

    func run() throws { try replacement.run(cancel: false) }
}

struct TxCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Replace a stuck transaction with a zero-value transfer to yourself at the same nonce.",
        discussion: """
        Names the stuck transaction by its hash or its nonce, as `sigil tx bump` does.

        Examples:
          sigil tx cancel 0x…hash --from ops --rpc $RPC --yes
          sigil tx cancel 7 --private-key-file key.hex --rpc $RPC --yes
          sigil tx cancel 0x…hash --from ops --peer enode://…@10.0.0.1:30303 --p2p-only --yes
        """
    )

    @OptionGroup var replacement: ReplacementOptions

    func run() throws { try replacement.run(cancel: true) }
}

/// How a journal record is shown.
enum JournalPresenter {
    static func fields(_ record: JournalRecord) -> [(String, String)] {
        [("hash", record.hashHex), ("status", record.status.rawValue), ("nonce", String(record.nonce)),
         ("to", record.to?.checksummed ?? "contract creation"), ("value", "\(Amount.format(record.value, as: .ether)) ether"),
         ("peers", DisplayText.escaped(record.peers.joined(separator: ", "), limit: 2000))]
            + (record.batchKey.map { [("payout row", DisplayText.escaped($0))] } ?? [])
            + (record.note.map { [("note", DisplayText.escaped($0))] } ?? [])
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
