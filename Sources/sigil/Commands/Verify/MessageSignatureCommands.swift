import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct VerifyMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "Verify an EIP-191 (personal_sign) signature of a message, by an account or a contract wallet.",
        discussion: """
        """ + VerifyCommand.contractWallets + """


        Examples:
          sigil verify message 'hello' --address 0x… --signature 0x…
          sigil verify message --file statement.txt --address 0x… --signature 0x… && echo ok
          sigil verify message 'hello' --address wallet.eth --signature 0x… --network mainnet
          sigil verify message 'hello' --address 0x… --signature 0x… --strict
        """
    )

    @OptionGroup var input: MessageInput
    @Option(name: .long, help: "The address, keystore account name or ENS name that should have signed.") var address: String
    @Option(name: .long, help: "The signature: 65 bytes (0x r‖s‖v), or a contract wallet's (ERC-1271, ERC-6492 wrapped).") var signature: String
    @Flag(name: .long, help: "Refuse high-s account signatures (s > n/2).") var strict = false
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (expected, bytes, peers) = try SignatureVerdict.read(address: address, signature: signature, network: network)
        let hash = PersonalMessage.hash(try input.bytes())
        try SignatureVerdict(hash: hash, signature: bytes, expected: expected, strict: strict, network: peers).report(output: output)
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
        abstract: "Verify an EIP-712 signature of a typed-data document, by an account or a contract wallet.",
        discussion: """
        """ + VerifyCommand.contractWallets + """


        Examples:
          sigil verify typed-data permit.json --address 0x… --signature 0x…
          sigil verify typed-data permit.json --address 0x… --signature 0x… --rpc http://127.0.0.1:8545 --json
        """
    )

    @Argument(help: ArgumentHelp("The typed-data JSON file, or - for standard input.", valueName: "file"), completion: .file())
    var file: String
    @Option(name: .long, help: "The address, keystore account name or ENS name that should have signed.") var address: String
    @Option(name: .long, help: "The signature: 65 bytes (0x r‖s‖v), or a contract wallet's (ERC-1271, ERC-6492 wrapped).") var signature: String
    @Flag(name: .long, help: "Refuse high-s account signatures (s > n/2).") var strict = false
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (expected, bytes, peers) = try SignatureVerdict.read(address: address, signature: signature, network: network)
        let document = try TypedData(json: JSONParser.parse(FileIO.read(file, limit: 4 << 20)))
        try SignatureVerdict(hash: document.signingHash, signature: bytes, expected: expected, strict: strict, network: peers)
            .report(output: output)
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
