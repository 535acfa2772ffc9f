import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

/// `--wait`, `--confirmations N`, `--wait-timeout S`: how `send`, `broadcast` and `receipt`
/// wait for a receipt. A reverted receipt exits 7, a timeout 8; nothing is ever resent.
struct WaitOptions: ParsableArguments {
    @Flag(name: .long, help: "Wait for the receipt.") var wait = false
    @Option(name: .long, help: "With --wait: confirmations to wait for.") var confirmations: UInt64 = 1
    @Option(name: .customLong("wait-timeout"), help: "With --wait: seconds before giving up (nothing is resent).") var waitTimeout: Double = 120

    func validate() throws {
        if confirmations < 1 { throw ValidationError("--confirmations must be at least 1") }
        guard waitTimeout > 0 && waitTimeout <= 86_400 else { throw ValidationError("--wait-timeout must be between 0 and 86400 seconds") }
    }

    /// The fields a command adds once the receipt is in (`status`, `blockNumber`, `gasUsed`,
    /// `verification`), after the verification line on stderr in text mode.
    static func receiptFields(_ receipt: TransactionReceipt, network: NetworkOptions, json: Bool) -> [(String, JSONValue)] {
        if let proof = receipt.verification {
            VerificationOutput.warnFaults(proof.block.faults)
            if !json { StandardStreams.writeError(proof.summary + "\n") }
        } else if !json {
            StandardStreams.writeError(Unverified.summary(reason: network.unverifiedReason()) + ": mined, on the peers' word\n")
        }
        return [("status", .string("mined")), ("blockNumber", .string(String(receipt.blockNumber))),
                ("gasUsed", .string(String(receipt.gasUsed))),
                ("verification", receipt.verification?.json ?? Unverified.json(reason: network.unverifiedReason()))]
    }
}
