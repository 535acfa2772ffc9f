extension ExitStatus {
    /// The exit-code table for `--help` and the man pages (the root commands' discussion):
    /// generated from `allCases`, so it never drifts from the codes the commands use.
    public static var helpTable: String {
        var text = "Exit status:\n"
        for status in allCases {
            let code = String(status.rawValue)
            text += "  " + code + String(repeating: " ", count: max(1, 4 - code.count)) + status.summary + "\n"
        }
        return text
    }
}
