import ArgumentParser
import SigilCLI

/// `sigil-signer verify receipt`: the same offline receipt-proof check as `sigil verify receipt`.
struct SignerVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Offline checks: a receipt proof from `sigil tx proof`.",
        subcommands: [VerifyReceiptCommand.self]
    )
}
