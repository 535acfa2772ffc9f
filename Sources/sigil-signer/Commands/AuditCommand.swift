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
        Lines removed from the end can only be noticed against the head hash printed here: \
        record it elsewhere.

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
        let result = try AuditLog.verify(FileIO.read(path, limit: 1 << 30))
        output.emit([("ok", output.style.success("\(result.count) entries")), ("head", result.head.hexString)], json: .object([
            ("ok", .bool(true)), ("count", .integer(result.count)), ("head", .string(result.head.hexString)),
        ]))
    }
}
