import ArgumentParser

struct TxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Decode, hash and inspect transactions.",
        subcommands: [TxDecodeCommand.self, TxHashCommand.self]
    )
}
