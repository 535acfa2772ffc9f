import ArgumentParser
import SigilCLI
import SigilCore

struct VerifyTxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Verify that a signed transaction is validly signed by --from (canonical low-s signature).",
        discussion: """
        Examples:
          sigil verify tx 0x02f8… --from 0x…
          sigil verify tx signed.json --from 0x…
        """
    )

    @Argument(help: ArgumentHelp("Raw signed transaction: 0x-hex, a file, or - for standard input.", valueName: "raw"))
    var raw: String
    @Option(name: .long, help: "The address (or keystore account name) that should have signed.") var from: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let expected = try AddressResolver.resolve(from) as Address
        let transaction = try SignedTransaction.decode(RawTransactionInput.bytes(raw))
        let sender: Address
        do { sender = try transaction.recoverSender() } catch {
            throw CommandFailure(.verificationFailed, "invalid transaction signature: \(error)")
        }
        try VerificationReport.check(recovered: sender, expected: expected, output: output)
    }
}

struct RecoverTxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tx",
        abstract: "Recover the sender of a signed transaction.",
        discussion: """
        Examples:
          sigil recover tx 0x02f8…
        """
    )

    @Argument(help: ArgumentHelp("Raw signed transaction: 0x-hex, a file, or - for standard input.", valueName: "raw"))
    var raw: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let transaction = try SignedTransaction.decode(RawTransactionInput.bytes(raw))
        let sender: Address
        do { sender = try transaction.recoverSender() } catch {
            throw CommandFailure(.verificationFailed, "invalid transaction signature: \(error)")
        }
        output.emit(line: sender.checksummed, json: .object([("sender", .string(sender.checksummed)),
                                                             ("hash", .string(transaction.hash.hexString))]))
    }
}
