import ArgumentParser
import SigilCLI
import SigilCore

struct VerifyMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Verify an EIP-191 (personal_sign) signature of a message.",
        discussion: """
        Examples:
          sigil verify message 'hello' --address 0x… --signature 0x…
          sigil verify message --file statement.txt --address 0x… --signature 0x… && echo ok
        """
    )

    @OptionGroup var input: MessageInput
    @Option(name: .long, help: "The address (or keystore account name) that should have signed.") var address: String
    @Option(name: .long, help: "The 65-byte signature (0x r‖s‖v).") var signature: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let expected = try AddressResolver.resolve(address) as Address
        let sig = try SignatureText.parse(signature)
        let message = try input.bytes()
        let signer = try VerificationReport.recover { try PersonalMessage.recover(message: message, signature: sig) }
        try VerificationReport.check(recovered: signer, expected: expected, output: output)
    }
}

struct RecoverMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Recover the signer of an EIP-191 (personal_sign) signature.",
        discussion: """
        Examples:
          sigil recover message 'hello' --signature 0x…
        """
    )

    @OptionGroup var input: MessageInput
    @Option(name: .long, help: "The 65-byte signature (0x r‖s‖v).") var signature: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let sig = try SignatureText.parse(signature)
        let message = try input.bytes()
        let signer = try VerificationReport.recover { try PersonalMessage.recover(message: message, signature: sig) }
        output.emit(line: signer.checksummed, json: .object([("signer", .string(signer.checksummed)),
                                                             ("messageHash", .string(PersonalMessage.hash(message).hexString))]))
    }
}

struct VerifyTypedDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typed-data",
        abstract: "Verify an EIP-712 signature of a typed-data document.",
        discussion: """
        Examples:
          sigil verify typed-data permit.json --address 0x… --signature 0x…
        """
    )

    @Argument(help: ArgumentHelp("The typed-data JSON file, or - for standard input.", valueName: "file"), completion: .file())
    var file: String
    @Option(name: .long, help: "The address (or keystore account name) that should have signed.") var address: String
    @Option(name: .long, help: "The 65-byte signature (0x r‖s‖v).") var signature: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let expected = try AddressResolver.resolve(address) as Address
        let sig = try SignatureText.parse(signature)
        let document = try TypedData(json: JSONParser.parse(FileIO.read(file, limit: 4 << 20)))
        let signer = try VerificationReport.recover { try document.recover(signature: sig) }
        try VerificationReport.check(recovered: signer, expected: expected, output: output)
    }
}

struct RecoverTypedDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "typed-data",
        abstract: "Recover the signer of an EIP-712 signature.",
        discussion: """
        Examples:
          sigil recover typed-data permit.json --signature 0x…
        """
    )

    @Argument(help: ArgumentHelp("The typed-data JSON file, or - for standard input.", valueName: "file"), completion: .file())
    var file: String
    @Option(name: .long, help: "The 65-byte signature (0x r‖s‖v).") var signature: String
    @OptionGroup var output: OutputOptions

    func run() throws {
        let sig = try SignatureText.parse(signature)
        let document = try TypedData(json: JSONParser.parse(FileIO.read(file, limit: 4 << 20)))
        let signer = try VerificationReport.recover { try document.recover(signature: sig) }
        output.emit(line: signer.checksummed, json: .object([("signer", .string(signer.checksummed)),
                                                             ("digest", .string(document.signingHash.hexString))]))
    }
}
