import ArgumentParser

struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Decode, hash and inspect transactions.",
        subcommands: [
            TxBuildCommand.self, TxDecodeCommand.self, TxHashCommand.self, TxListCommand.self, TxStatusCommand.self,
            TxReplaceCommand.self, TxCancelCommand.self, TxRebroadcastCommand.self, TxProofCommand.self, TxShowCommand.self,
        ]
    )
}
