import ArgumentParser

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign messages, typed data, transactions and authorizations.",
        discussion: """
        The key is a keystore account (--from ADDRESS|NAME, unlocked with --password-file, \
        SIGIL_PASSWORD or a prompt) or a raw key file (--private-key-file FILE, - for stdin).
        """,
        subcommands: [
            SignMessageCommand.self, SignTypedDataCommand.self, SignTxCommand.self, SignHashCommand.self, SignAuthorizationCommand.self,
        ]
    )
}
