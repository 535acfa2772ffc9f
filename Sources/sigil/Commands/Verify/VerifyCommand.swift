import ArgumentParser
import SigilCLI
import SigilCore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a signature (valid and made by the expected address) or a receipt proof (exit 0 only then).",
        discussion: """
        Exit status: 0 when the signature is valid and recovers to --address (or --from), or the \
        receipt proof checks out; 3 when it is invalid or made by someone else; 65 when the \
        input is malformed.
        """,
        subcommands: [VerifyMessageCommand.self, VerifyTypedDataCommand.self, VerifyTxCommand.self, VerifyReceiptCommand.self]
    )
}

struct RecoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recover",
        abstract: "Recover the address that made a signature.",
        subcommands: [RecoverMessageCommand.self, RecoverTypedDataCommand.self, RecoverTxCommand.self]
    )
}

/// The verdict every `verify` command prints: exit 0 with the signer, or a verification failure.
enum VerificationReport {
    static func check(recovered: Address, expected: Address, output: OutputOptions) throws {
        guard recovered == expected else {
            throw CommandFailure(.verificationFailed,
                "signature is valid but was made by \(recovered.checksummed), not \(expected.checksummed)")
        }
        output.emit(line: output.style.success("valid") + ": signed by \(recovered.checksummed)",
                    json: .object([("valid", .bool(true)), ("signer", .string(recovered.checksummed))]))
    }

    /// Recovery failures mean the signature is not valid for this data.
    static func recover(_ body: () throws -> Address) throws -> Address {
        do { return try body() } catch let error as SignatureError where error.category == .verificationFailed {
            throw CommandFailure(.verificationFailed, "invalid signature: \(error)")
        }
    }
}
