import ArgumentParser
import SigilCLI
import SigilCore

/// `--policy`, `--audit-log` and `--yes`: what every signing command of sigil-signer shares.
struct SignerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Signing policy: policy.toml or policy.json (see 'sigil-signer policy --help'); a refusal exits 5.",
        valueName: "file"), completion: .file())
    var policy: String?

    @Option(name: .long, help: ArgumentHelp(
        "Audit log (JSON Lines, hash-chained). Default: <data dir>/signer-audit.jsonl.", valueName: "file"),
            completion: .file())
    var auditLog: String?

    @Flag(name: .long, help: "Sign without asking on a terminal; only together with --policy (off a terminal, a policy decides without asking).")
    var yes = false

    func validate() throws {
        if yes && policy == nil {
            throw ValidationError("--yes is only allowed with --policy FILE: without a confirmation, a policy must decide")
        }
    }

    /// The audit log's path, creating the data directory when the default is used.
    func auditLogPath() throws -> String {
        if let auditLog { return auditLog }
        if !FileIO.isDirectory(DataDirectory.root) { try FileIO.createDirectory(DataDirectory.root, mode: 0o700) }
        return DataDirectory.root + "/signer-audit.jsonl"
    }

    func loadPolicy() throws -> SigningPolicy? {
        guard let policy else { return nil }
        return try PolicyFile.load(policy)
    }
}

/// One signing decision: the policy, the lock over the audit log and daily state, the
/// confirmation, and the audit entry written for whatever happens.
final class SignerSession {
    let engine: PolicyEngine?
    let audit: AuditLog
    let ledger: PolicyLedger
    private let lock: FileLock
    private let options: SignerOptions

    /// Refuses early when nobody can confirm and no policy decides; then takes the lock.
    init(_ options: SignerOptions) throws {
        let interactive = StandardStreams.stdinIsTerminal && StandardStreams.stderrIsTerminal
        if options.policy == nil && !interactive {
            throw CommandFailure(.usage,
                "not a terminal and no --policy: nobody can confirm this signature (give --policy FILE, or run on a terminal)")
        }
        self.options = options
        engine = try options.loadPolicy().map { PolicyEngine(policy: $0) }
        let path = try options.auditLogPath()
        audit = AuditLog(path: path)
        ledger = PolicyLedger(path: path + ".state")
        lock = try FileLock(path: path + ".lock")
        try audit.checkEnd(ledger.read().auditHead)
    }

    /// Applies `decision` (refusal: logged, then thrown), then asks on a terminal unless --yes.
    func approve(_ decision: PolicyDecision?, question: String, requestHash: [UInt8], summary: [String]) throws {
        if let refusal = decision?.refusal {
            try record(requestHash, summary, "refused: \(refusal.rule)", nil)
            throw refusal
        }
        let interactive = StandardStreams.stdinIsTerminal && StandardStreams.stderrIsTerminal
        guard interactive && !options.yes else { return }
        guard TerminalPrompt.confirm(question) else {
            try record(requestHash, summary, "declined", nil)
            throw CommandFailure(.declined, "not signed")
        }
    }

    /// Writes one audit entry, then the state file: the new head of the log and the daily
    /// total (`state`, or unchanged when nil). The log must end where the state file says.
    func record(_ requestHash: [UInt8], _ summary: [String], _ decision: String, _ signedHash: [UInt8]?,
                state: PolicyState? = nil) throws {
        let now = (engine ?? PolicyEngine(policy: SigningPolicy())).clock()
        let stored = try ledger.read()
        let head = try audit.append(AuditEntry(time: now, requestHash: requestHash, summary: summary,
                                               decision: decision, signedHash: signedHash), after: stored.auditHead)
        try ledger.save(PolicyLedger.Contents(state: state ?? stored.state, auditHead: head))
    }

    deinit { lock.unlock() }
}

/// Writes a command's result to stdout, or to a new file (atomically, never overwriting).
enum SignerOutput {
    static func checkFree(_ path: String?) throws {
        if let path, FileIO.exists(path) { throw FileError(path: path, reason: .exists) }
    }

    static func write(_ text: String, to path: String?) throws {
        if let path {
            try FileIO.writeAtomically(path, Array((text + "\n").utf8), mode: 0o644)
        } else {
            StandardStreams.write(text + "\n")
        }
    }
}
