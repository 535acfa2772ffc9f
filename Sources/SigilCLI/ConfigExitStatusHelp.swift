extension ExitStatus {
    /// The exit-code table for `--help` and the man pages (the root commands' discussion):
    /// generated from `allCases`, so it never drifts from the codes the commands use.
    public static var helpTable: String {
        let lines = allCases.map { status in
            let code = String(status.rawValue)
            return "  " + code + String(repeating: " ", count: max(1, 4 - code.count)) + status.summary
        }
        return (["Exit status:"] + lines).joined(separator: "\n")
    }
}
