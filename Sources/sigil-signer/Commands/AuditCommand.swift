import ArgumentParser
import SigilCLI
import SigilCore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the signer's audit log.",
        subcommands: [AuditVerifyCommand.self]
    )
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit log's hash chain (exit 0 intact, 3 broken, naming the first bad line).",
        discussion: """
        Each line's "prev" is the keccak256 of the previous line's exact bytes (zeros for the \
        first), so an edited, deleted or reordered line breaks the chain at the line after it. \
        The last line has no line after it: the signer records the log's line count and the \
        hash of its last line in <log>.state after every entry, and verify compares them, so \
        an edited last line or lines deleted from the end are found too. Without a state file \
        (a log copied alone) only the chain is checked, with a warning ("headChecked": false); \
        an attacker who can rewrite both files can only be caught by the head printed here, \
        recorded elsewhere.

        Examples:
          sigil-signer audit verify
          sigil-signer audit verify /media/usb/signer-audit.jsonl --json
        """
    )

    @Argument(help: ArgumentHelp("The audit log (default: <data dir>/signer-audit.jsonl).", valueName: "file"),
              completion: .file())
    var file: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let path = file ?? DataDirectory.root + "/signer-audit.jsonl"
        let bytes = try FileIO.read(path, limit: 1 << 30)
        let ledger = PolicyLedger(path: path + ".state")
        let recorded = try ledger.read().auditHead
        let result: (count: Int, head: [UInt8])
        if let recorded {
            result = try AuditLog.verify(bytes, recorded: recorded)
        } else {
            result = try AuditLog.verify(bytes)
            StandardStreams.writeWarning("no recorded head in '\(ledger.path)': only the chain was checked, "
                + "so an edited last line or lines deleted from the end would not show")
        }
        let checked = recorded != nil
        output.emit([("ok", output.style.success("\(result.count) entries")), ("head", result.head.hexString),
                     ("head checked", checked ? "yes, against \(ledger.path)" : "no (no recorded head)")], json: .object([
            ("ok", .bool(true)), ("count", .integer(result.count)), ("head", .string(result.head.hexString)),
            ("headChecked", .bool(checked)),
        ]))
    }
}
