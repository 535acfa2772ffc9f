import SigilCLI
import SigilCore
import SigilNet

/// `send --batch payouts.csv`, the command's side: reads the file, shows the plan, asks for
/// confirmation and prints each row and the summary. Planning, settling and paying are
/// `PayoutEngine`'s (SigilNet).
struct PayoutRunner {
    private(set) var engine: PayoutEngine
    let wallet: WalletOptions
    let yes: Bool
    let dryRun: Bool
    let json: Bool
    /// Adds the devp2p peers to the sender once the chain is known (nil: JSON-RPC peers only).
    var attachPeers: ((inout TransactionSender, U256) throws -> Void)?

    init(sender: TransactionSender, quorum: Int, wallet: WalletOptions, yes: Bool, dryRun: Bool, json: Bool) {
        self.engine = PayoutEngine(sender: sender, quorum: quorum)
        self.wallet = wallet
        self.yes = yes
        self.dryRun = dryRun
        self.json = json
    }

    mutating func run(file: String, name: String?) throws {
        let batch = try PayoutBatch.parse(FileIO.read(file, limit: LineBatch.maximumInputSize), fileName: file, name: name)
        let signer = try SigningKey(wallet)   // resolved once: a key on standard input is read once
        let prepared = try engine.prepare(batch, from: signer.address, attachPeers: attachPeers)
        let plan = prepared.plan
        StandardStreams.writeError("batch \(batch.name): \(batch.rows.count) rows; \(plan.rowsSkipped.count) done, "
            + "\(plan.rowsToRebroadcast.count) to rebroadcast, \(plan.rowsToSend.count) to send\n")
        if dryRun { return printPlan(plan) }
        if !plan.rowsToSend.isEmpty && !yes {
            guard StandardStreams.stdinIsTerminal else { throw CommandFailure(.usage, "confirmation needed: add --yes when not on a terminal") }
            guard CommandWatchdog.untimed({ TerminalPrompt.confirm("Pay \(plan.rowsToSend.count) rows from \(prepared.from.checksummed) on chain \(prepared.chainId.decimalString)?") }) else {
                throw CommandFailure(.declined, "nothing was sent")
            }
        }
        let key = try CommandWatchdog.untimed { try signer.unlock() }
        let outcomes = try engine.pay(prepared, key: key) { index, outcome in
            Self.report(outcome, index: index, of: plan.steps.count)
        }
        if StandardStreams.stderrIsTerminal { StandardStreams.writeError("\n") }
        printSummary(outcomes, batch: batch)
        let failed = outcomes.filter { $0.result == .failed }.count
        if failed > 0 { throw CommandFailure(.network, "\(failed) row(s) failed; re-run the same command to retry them (paid rows are never paid again)") }
    }

    /// A progress line on a terminal; every failed row says why, on its own line.
    private static func report(_ outcome: PayoutEngine.RowOutcome, index: Int, of count: Int) {
        let row = outcome.step.row
        if StandardStreams.stderrIsTerminal {
            StandardStreams.writeError("\r\u{1B}[K[\(index + 1)/\(count)] \(DisplayText.escaped(row.id)): \(outcome.result.rawValue)")
        }
        guard outcome.result == .failed else { return }
        if StandardStreams.stderrIsTerminal { StandardStreams.writeError("\n") }
        StandardStreams.writeError("row \(DisplayText.escaped(row.id)) (line \(row.line)) failed"
            + (outcome.hash.map { " (\($0))" } ?? "") + ": " + (outcome.reason ?? "no reason given") + "\n")
    }

    /// `--dry-run`: what each row would do.
    private func printPlan(_ plan: PayoutPlan) {
        let lines = plan.steps.map { step -> JSONValue in
            let action = switch step {
            case .skip: "skip"
            case .rebroadcast: "rebroadcast"
            case .send: "send"
            }
            return .object([("id", .string(step.row.id)), ("to", .string(step.row.to.checksummed)), ("value", .string(step.row.valueText)),
                            ("action", .string(action))])
        }
        StandardStreams.write(json ? JSONValue.array(lines).serialized(pretty: true) + "\n"
            : lines.map { "\($0["action"]!.stringValue!)\t\($0["id"]!.stringValue!)\t\($0["to"]!.stringValue!)\t\($0["value"]!.stringValue!)" }
                .joined(separator: "\n") + "\n")
    }

    /// The counts, and with --json every row's result.
    private func printSummary(_ outcomes: [PayoutEngine.RowOutcome], batch: PayoutBatch) {
        let counts = PayoutEngine.RowOutcome.Result.allCases.map { kind in (kind.rawValue, outcomes.filter { $0.result == kind }.count) }
        guard json else {
            StandardStreams.write(counts.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n")
            return
        }
        let rows: [JSONValue] = outcomes.map { outcome in
            .object([("id", .string(outcome.step.row.id)), ("result", .string(outcome.result.rawValue)),
                     ("hash", outcome.hash.map { .string($0) } ?? .null), ("reason", outcome.reason.map { .string($0) } ?? .null)])
        }
        var members: [(String, JSONValue)] = [("batch", .string(batch.name))]
        for (kind, count) in counts { members.append((kind, .integer(count))) }
        members.append(("rows", .array(rows)))
        StandardStreams.write(JSONValue.object(members).serialized(pretty: true) + "\n")
    }
}
