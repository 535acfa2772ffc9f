import ArgumentParser
import SigilCLI
import SigilCore

struct SignMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Sign a message with EIP-191 (personal_sign): 65-byte r‖s‖v, v = 27/28.",
        discussion: """
        A message that starts with 0x is hex bytes (0x68656c6c6f signs the five bytes of \
        "hello"), as 'hash keccak' and cast read it; anything else is UTF-8 text. --text signs \
        a message that starts with 0x as the text itself.

        Examples:
          sigil sign message 'hello' --from deployer
          sigil sign message 0x68656c6c6f --private-key-file key.hex
          sigil sign message --text 0x68656c6c6f --private-key-file key.hex
          sigil sign message --file statement.txt --from deployer --json
        """
    )

    @OptionGroup var input: MessageInput
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let message = try input.bytes()
        let key = try wallet.makeSigner()
        let signature = try PersonalMessage.sign(message: message, with: key)
        output.emit(line: signature.bytes.hexString, json: .object(SignatureText.fields(signature) + [
            ("address", .string(key.address.checksummed)),
            ("messageHash", .string(PersonalMessage.hash(message).hexString)),
        ]))
    }
}
