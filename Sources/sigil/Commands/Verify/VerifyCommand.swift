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

extension VerifyCommand {
    /// How `verify message` and `verify typed-data` treat contract wallets (their help text).
    static let contractWallets = """
    Without peers the check is offline: the signature must recover (ecrecover) to --address. \
    With peers (--rpc, --network, $SIGIL_RPC, the config's network), an address that has code \
    is asked through its own isValidSignature (ERC-1271), and a signature wrapped per ERC-6492 \
    (it ends with 0x6492…6492) for a wallet not deployed yet is checked by one eth_call that \
    runs the wallet's factory call and then isValidSignature, deploying nothing. The output \
    names the method (ecrecover, ERC-1271, ERC-6492); contract answers are the peer's word and \
    are labelled unverified. Exit 0 valid, 3 invalid. --strict refuses high-s account \
    signatures (s > n/2).
    """
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
