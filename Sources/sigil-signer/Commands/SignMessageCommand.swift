import ArgumentParser
import SigilCLI
import SigilCore

struct SignMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-message",
        abstract: "Sign a message with EIP-191 (personal_sign): 65-byte r‖s‖v, v = 27/28.",
        discussion: """
        The message is shown on stderr and confirmed on a terminal. With --policy FILE the \
        policy must allow messages ("allowMessages": true), else the request is refused (exit 5).

        Examples:
          sigil-signer sign-message 'hello' --from deployer
          sigil-signer sign-message --file statement.txt --private-key-file key.hex --policy p.json --yes
        """
    )

    @OptionGroup var input: MessageInput
    @OptionGroup var signer: SignerOptions
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let message = try input.bytes()
        let session = try SignerSession(signer)
        let key = try SigningKey(wallet)
        let shown = MessageDisplay.describe(message)
        StandardStreams.writeError(output.errorStyle.heading("Signer:") + " \(key.address.checksummed)\n"
            + output.errorStyle.heading("Message (EIP-191, \(message.count) bytes):") + " \(shown)\n")
        let digest = PersonalMessage.hash(message)
        try session.approve(session.engine?.evaluateMessage(), question: "Sign this message?",
                            requestHash: Keccak256.hash(message), summary: ["Message: \(shown)"])
        let signingKey = try key.unlock()
        let signature = try PersonalMessage.sign(message: message, with: signingKey)
        try session.record(Keccak256.hash(message), ["Message: \(shown)"], "signed", digest)
        output.emit(line: signature.bytes.hexString, json: .object(SignatureText.fields(signature) + [
            ("address", .string(signingKey.address.checksummed)),
            ("messageHash", .string(digest.hexString)),
        ]))
    }
}

/// A message as text when it is printable UTF-8, else as hex; always in full (the signer
/// never signs what it did not show).
enum MessageDisplay {
    static func describe(_ message: [UInt8]) -> String {
        if let text = String(validating: message, as: UTF8.self),
           text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x202A...0x202E).contains($0.value)
               && !(0x2066...0x2069).contains($0.value) || $0 == "\n" || $0 == "\t" }) {
            let escaped = text.replacing("\n", with: "\\n").replacing("\t", with: "\\t")
            return "\"" + escaped + "\""
        }
        return message.hexString + " (hex)"
    }
}
