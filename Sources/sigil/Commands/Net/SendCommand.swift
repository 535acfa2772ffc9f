import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Build, preview, sign, journal and broadcast a payment to every peer; optionally wait.",
        discussion: """
        All reads (chain id, pending nonce, fee history, gas estimate, balance) go to the first \
        peer that answers in ONE JSON-RPC batch; every peer must serve the requested chain \
        (--chain-id, else the config network's chainId, else the answering peer's); peers that \
        do not answer the check are named in a warning and skipped. The preview is shown \
        and confirmed on a terminal (--yes for scripts). The signed transaction is written to the \
        journal before it is sent, then sent to every peer at once; --quorum N peers must accept. \
        --wait waits for the receipt; a reverted receipt is a failure (exit 7), a timeout exits 8 \
        and never resends blindly. A transaction every peer refuses exits 6 naming the node's \
        reason (nonce too low, insufficient funds, fee below base fee, …). --batch pays every row of a CSV (id,to,value[,token]) exactly once.

        --peer enode://… (repeatable, or the config network's peers) also hands the transaction \
        straight to Ethereum nodes over devp2p (see `sigil broadcast --help`); the reads still \
        need a JSON-RPC peer, which with --p2p-only gets no transaction.

        Examples:
          sigil send --to 0x… --value 1.5ether --from alice --rpc http://127.0.0.1:8545 --wait
          sigil send --to 0x… --token 0x… --amount 12.5 --from ops --yes --json
          sigil send --batch payouts.csv --from ops --yes --rpc $A --rpc $B
          sigil send --to 0x… --value 1ether --from alice --rpc $A --peer enode://…@10.0.0.1:30303 --p2p-only
        """
    )

    @OptionGroup var intentOptions: IntentOptions
    @Option(name: .long, help: ArgumentHelp("Pay every row of a payouts CSV (id,to,value[,token]), each exactly once.", valueName: "file"),
            completion: .file())
    var batch: String?
    @Option(name: .long, help: "With --batch: the batch name (to resume a batch whose file was edited).") var batchName: String?
    @Flag(name: .long, help: "Show what would be sent (the preview and the unsigned request; with --batch, each row); sign and send nothing.")
    var dryRun = false
    @Option(name: .long, help: "Peers that must accept the transaction.") var quorum = 1
    @OptionGroup var waiting: WaitOptions
    @Flag(name: .long, help: "Do not ask for confirmation (required off a terminal).") var yes = false
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var p2p: P2POptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if quorum < 1 { throw ValidationError("--quorum must be at least 1") }
    }

    func run() throws {
        let peers = try network.peers()
        let enodes = try p2p.enodes(network)
        let targets = p2p.targetCount(rpc: peers, enodes: enodes)
        guard quorum <= targets else { throw CommandFailure(.usage, "--quorum \(quorum) but only \(targets) peer(s) given") }
        var sender = try network.sender(peers: peers, chainIdFlag: intentOptions.chainId)
        sender.quorum = quorum   // a broadcast ends a short grace after --quorum peers took it
        if let batch {
            // Each row goes to the devp2p peers too (or alone, with --p2p-only), as `send --peer` does;
            // the chain (for their Status) is known once the runner has read it.
            var runner = PayoutRunner(sender: sender, quorum: quorum, wallet: wallet, yes: yes, dryRun: dryRun, json: output.json)
            let (p2p, network) = (p2p, network)
            runner.attachPeers = { sender, chainId in
                try p2p.attach(enodes, to: &sender, chainId: chainId, rpc: peers, network: network)
            }
            return try runner.run(file: batch, name: batchName)
        }
        let signer = try SigningKey(wallet)   // resolved once: a key on standard input is read once
        let from = signer.address
        let (intent, names) = try intentOptions.intent(network: network, keystoreFlag: wallet.keystore.keystore)
        let snapshot = try sender.snapshot(for: intent, from: from)
        for released in try sender.releaseUnknownNonces(chainId: snapshot.chainId, sender: from, provedNonce: snapshot.pendingNonce) {
            StandardStreams.writeWarning("nonce \(released.nonce) (\(released.hashHex)) is journaled but no peer has it, mined or pending: "
                                         + "marked dropped, and its nonce is used again")
        }
        // Before signing: a chain the devp2p peers cannot be told about stops here.
        try p2p.attach(enodes, to: &sender, chainId: snapshot.chainId, rpc: peers, network: network)
        var request = try intent.request(from: from, snapshot: snapshot)
        // The nonce it will get (the journal may reserve nonces the peers do not know yet), for the
        // preview; signAndJournal chooses it again under the journal lock.
        request.nonce = try sender.journal(chainId: snapshot.chainId, address: from)
            .withLock(timeout: 120) { $0.nextNonce(pendingFromPeers: snapshot.pendingNonce) }
        _ = try request.payload()   // refuse an invalid request before showing it for confirmation
        if dryRun {
            try Confirmation.ask(request, yes: true, question: "", names: names)
            StandardStreams.writeError("dry run: nothing was signed, journaled or sent\n")
            return StandardStreams.write(RequestFile.serialize(request))
        }
        try Confirmation.ask(request, yes: yes, question: "Send this transaction?", names: names)
        let key = try CommandWatchdog.untimed { try signer.unlock() }
        guard key.address == from else { throw CommandFailure(.verificationFailed, "the key is not \(from.checksummed)") }
        let (signed, report) = try sender.signJournalAndBroadcast(request, key: key, pendingNonce: snapshot.pendingNonce)
        StandardStreams.writeError(report.table().trimmingWhitespace() + "\n")
        guard report.meets(quorum: quorum) else {
            throw SendError.broadcastFailed(report, quorum: quorum, hash: signed.hash.hexString)
        }
        var fields: [(String, JSONValue)] = [("hash", .string(signed.hash.hexString)), ("from", .string(from.checksummed)),
                                             ("nonce", .string(String(signed.payload.nonce))), ("broadcast", report.json)]
        if waiting.wait {
            let receipt = try sender.wait(for: signed, chainId: snapshot.chainId, sender: from, confirmations: waiting.confirmations,
                                          timeout: waiting.waitTimeout, progress: ReceiptProgressLine.printer())
            fields += WaitOptions.receiptFields(receipt, network: network, json: output.json)
        }
        output.emit(line: signed.hash.hexString, json: .object(fields))
    }
}

/// The preview and the yes/no question before anything is signed.
enum Confirmation {
    static func ask(_ request: TransactionRequest, yes: Bool, question: String, names: [Address: String] = [:]) throws {
        RequestSigning.installCallDecoder()
        let preview = TransactionPreview(request, names: names)
        StandardStreams.writeError(preview.text + (preview.text.hasSuffix("\n") ? "" : "\n"))
        guard !yes else { return }
        guard StandardStreams.stdinIsTerminal else {
            throw CommandFailure(.usage, "confirmation needed: add --yes when not on a terminal")
        }
        guard CommandWatchdog.untimed({ TerminalPrompt.confirm(question) }) else { throw CommandFailure(.declined, "nothing was signed or sent") }
    }
}

/// "waiting for receipt…" progress on stderr when it is a terminal.
enum ReceiptProgressLine {
    static func printer() -> @Sendable (ReceiptProgress) -> Void {
        let terminal = StandardStreams.stderrIsTerminal
        return { progress in
            guard terminal else { return }
            switch progress {
            case .pending(let elapsed): StandardStreams.writeError("\r\u{1B}[Kwaiting for the receipt… \(Int(elapsed)) s")
            case .mined(let block, let confirmations, let required):
                StandardStreams.writeError("\r\u{1B}[Kmined in block \(block): \(confirmations)/\(required) confirmations")
            }
        }
    }
}
