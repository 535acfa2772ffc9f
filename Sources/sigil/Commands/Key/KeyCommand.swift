import ArgumentParser

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Create, import, inspect and manage keys in the keystore.",
        discussion: """
        Keys are Web3 Secret Storage v3 files (scrypt or pbkdf2, aes-128-ctr), readable by geth, \
        MetaMask, cast and eth-account. The keystore folder is --keystore DIR, else $SIGIL_KEYSTORE, \
        else [defaults].keystore in the config file, else $SIGIL_HOME/keystore ($XDG_DATA_HOME/sigil \
        or ~/.local/share/sigil). Files Sigil cannot use (another cipher or KDF, too costly, \
        unreadable) are named with the reason by `key list`. Passwords come from --password-file, \
        SIGIL_PASSWORD, or a no-echo prompt on a terminal.
        """,
        subcommands: [
            KeyNewCommand.self, KeyImportCommand.self, KeyExportCommand.self, KeyListCommand.self,
            KeyInspectCommand.self, KeyChangePasswordCommand.self, KeyRemoveCommand.self, KeyVanityCommand.self,
        ]
    )
}
