import SigilCLI
import SigilCore
import SigilNet

/// `send --batch payouts.csv`: pays each row exactly once, resuming safely after any crash.
/// The plan comes from the journal (rows already journaled are skipped or their SAME signed
/// bytes rebroadcast); each row is re-checked under the journal lock right before it is signed.
/// Journaled rows not known to be mined are first looked up by receipt (one JSON-RPC batch):
/// a mined one is done, and sending it again would only get "nonce too low" from geth.
/// Rows share their chain reads (`BatchChainView`): fees are re-read every few seconds, and only
/// calls and transfers to accounts with code are estimated.
struct PayoutRunner {
    private(set) var sender: TransactionSender
    let quorum: Int
    let wallet: WalletOptions
    let yes: Bool
    let dryRun: Bool
    let json: Bool
    /// Adds the devp2p peers to `sender` once the chain is known (nil: JSON-RPC peers only).
    var attachPeers: ((inout TransactionSender, U256) throws -> Void)?

    init(sender: TransactionSender, quorum: Int, wallet: WalletOptions, yes: Bool, dryRun: Bool, json: Bool) {
        self.sender = sender
        self.quorum = quorum
        self.wallet = wallet
        self.yes = yes
        self.dryRun = dryRun
        self.json = json
    }

    mutating func run(file: String, name: String?) throws {
        let batch = try PayoutBatch.parse(FileIO.read(file, limit: LineBatch.maximumInputSize), fileName: file, name: name)
        let signer = try SigningKey(wallet)   // resolved once: a key on standard input is read once
        let from = signer.address
        let reader = NodeReader(client: JSONRPCClient(urls: sender.peers, timeout: sender.timeout))
        let chainId = try reader.chainId()
        if sender.peers.count > 1 { _ = try ChainCheck.verify(peers: Array(sender.peers.dropFirst()), expected: chainId, timeout: sender.timeout) }
        if let attachPeers { try attachPeers(&sender, chainId) }
        let journal = sender.journal(chainId: chainId, address: from)
        var plan = try journal.withLock(timeout: 120) { try PayoutPlan(batch: batch, session: $0) }
        let unsettled = plan.rowsToRebroadcast.map(\.1.hash)
        if !unsettled.isEmpty, !(try sender.settle(unsettled, chainId: chainId, sender: from)).isEmpty {
            plan = try journal.withLock(timeout: 120) { try PayoutPlan(batch: batch, session: $0) }   // mined rows are now skipped
        }
        StandardStreams.writeError("batch \(batch.name): \(batch.rows.count) rows; \(plan.rowsSkipped.count) done, "
            + "\(plan.rowsToRebroadcast.count) to rebroadcast, \(plan.rowsToSend.count) to send\n")
        if dryRun {
            let lines = plan.steps.map { step -> JSONValue in
                let (action, row): (String, PayoutRow) = switch step {
                case .skip(let row, _): ("skip", row)
                case .rebroadcast(let row, _): ("rebroadcast", row)
                case .send(let row): ("send", row)
                }
                return .object([("id", .string(row.id)), ("to", .string(row.to.checksummed)), ("value", .string(row.valueText)),
                                ("action", .string(action))])
            }
            StandardStreams.write(json ? JSONValue.array(lines).serialized(pretty: true) + "\n"
                : lines.map { "\($0["action"]!.stringValue!)\t\($0["id"]!.stringValue!)\t\($0["to"]!.stringValue!)\t\($0["value"]!.stringValue!)" }
                    .joined(separator: "\n") + "\n")
            return
        }
        if !plan.rowsToSend.isEmpty && !yes {
            guard StandardStreams.stdinIsTerminal else { throw CommandFailure(.usage, "confirmation needed: add --yes when not on a terminal") }
            guard TerminalPrompt.confirm("Pay \(plan.rowsToSend.count) rows from \(from.checksummed) on chain \(chainId.decimalString)?") else {
                throw CommandFailure(.declined, "nothing was sent")
            }
        }
        let key = try signer.unlock()
        let chain = BatchChainView(sender: sender, from: key.address)
        try chain.prefetchCode(of: plan.rowsToSend.filter { $0.token == nil }.map(\.to))
        var results: [JSONValue] = []
        var failed = 0
        var decimals: [Address: Int] = [:]
        for (index, step) in plan.steps.enumerated() {
            let outcome: (result: String, hash: String?, reason: String?)
            do {
                outcome = try pay(step, batch: batch, key: key, chainId: chainId, reader: reader, chain: chain, decimals: &decimals)
            } catch {
                outcome = ("failed", nil, DisplayText.escaped("\(error)", limit: 400))
            }
            results.append(.object([("id", .string(step.row.id)), ("result", .string(outcome.result)),
                                    ("hash", outcome.hash.map { .string($0) } ?? .null),
                                    ("reason", outcome.reason.map { .string($0) } ?? .null)]))
            if StandardStreams.stderrIsTerminal {
                StandardStreams.writeError("\r\u{1B}[K[\(index + 1)/\(plan.steps.count)] \(DisplayText.escaped(step.row.id)): \(outcome.result)")
            }
            if outcome.result == "failed" {
                failed += 1
                // Every failed row says why, on its own line (the summary only counts them).
                if StandardStreams.stderrIsTerminal { StandardStreams.writeError("\n") }
                StandardStreams.writeError("row \(DisplayText.escaped(step.row.id)) (line \(step.row.line)) failed"
                    + (outcome.hash.map { " (\($0))" } ?? "") + ": " + (outcome.reason ?? "no reason given") + "\n")
            }
        }
        if StandardStreams.stderrIsTerminal { StandardStreams.writeError("\n") }
        let counts: [(String, Int)] = ["sent", "rebroadcast", "skipped", "failed"].map { (kind: String) in
            (kind, results.filter { $0["result"]?.stringValue == kind }.count)
        }
        var members: [(String, JSONValue)] = [("batch", .string(batch.name))]
        for (kind, count) in counts { members.append((kind, .integer(count))) }
        members.append(("rows", .array(results)))
        let summary: JSONValue = .object(members)
        if json {
            StandardStreams.write(summary.serialized(pretty: true) + "\n")
        } else {
            StandardStreams.write(counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n")
        }
        if failed > 0 { throw CommandFailure(.network, "\(failed) row(s) failed; re-run the same command to retry them (paid rows are never paid again)") }
    }

    /// Why a broadcast did not reach the quorum, from its report.
    private func shortfall(_ report: BroadcastReport) -> String {
        let reasons = report.peers.filter { !$0.outcome.hasTransaction }.map { "\($0.shortName): \($0.outcome.name)" + ($0.detail.isEmpty ? "" : " (\($0.detail))") }
        return "\(report.acceptedCount) of \(report.peers.count) peer(s) took it, \(quorum) required; " + reasons.joined(separator: "; ")
    }

    /// One row: skip, rebroadcast the journaled bytes, or sign-journal-broadcast. Returns (result, hash, reason if failed).
    private func pay(_ step: PayoutStep, batch: PayoutBatch, key: PrivateKey, chainId: U256, reader: NodeReader,
                     chain: BatchChainView, decimals: inout [Address: Int]) throws -> (String, String?, String?) {
        switch step {
        case .skip(_, let record):
            return ("skipped", record.hashHex, nil)
        case .rebroadcast(_, let record):
            let signed = try SignedTransaction.decode(record.raw)
            let report = try sender.broadcast(signed, chainId: chainId, sender: key.address, first: false, networkForm: record.raw)
            if report.meets(quorum: quorum) { return ("rebroadcast", record.hashHex, nil) }
            // Refused ("nonce too low" once it is mined, e.g. meanwhile): its receipt settles the row.
            if try sender.settle([record.hash], chainId: chainId, sender: key.address)[record.hash] != nil {
                return ("skipped", record.hashHex, nil)
            }
            return ("failed", record.hashHex, "rebroadcast of the journaled transaction: " + shortfall(report))
        case .send(let row):
            var intent = PaymentIntent(to: row.to, value: row.wei ?? .zero)
            if let token = row.token {
                let places = try decimals[token] ?? TokenReads.decimals(of: token, reader: reader)
                decimals[token] = places
                intent = PaymentIntent(to: token, value: .zero,
                                       data: ERC20Call.transfer(recipient: row.to, amount: try Amount.parse(row.valueText, decimals: places)).encoded)
            }
            let snapshot = try chain.snapshot(for: intent)
            let request = try intent.request(from: key.address, snapshot: snapshot)
            let key_ = batch.batchKey(row)
            guard let sent = try sender.signJournalAndBroadcast(
                request, key: key, pendingNonce: snapshot.pendingNonce, batchKey: key_, note: nil,
                if: { session in
                    if case .send = try PayoutPlan.step(for: row, in: batch, session: session) { return true }
                    return false
                }) else {
                return ("skipped", nil, nil)
            }
            let met = sent.report.meets(quorum: quorum)
            return (met ? "sent" : "failed", sent.signed.hash.hexString, met ? nil : shortfall(sent.report))
        }
    }
}
