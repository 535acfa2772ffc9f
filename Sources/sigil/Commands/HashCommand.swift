import ArgumentParser
import SigilCLI
import SigilCore

struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Hash data.",
        subcommands: [KeccakCommand.self, HashMessageCommand.self]
    )
}

struct KeccakCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keccak",
        abstract: "Keccak-256 of hex bytes or text (Ethereum's hash, not SHA3-256).",
        discussion: """
        An input that starts with 0x is hex bytes; anything else is UTF-8 text; --text hashes \
        the input as text even when it starts with 0x. With -, standard input is hashed byte for \
        byte (a trailing newline counts: use printf or echo -n).

        Examples:
          sigil hash keccak ''                       # the empty string
          sigil hash keccak 'transfer(address,uint256)'
          sigil hash keccak 0xdeadbeef
          printf 'hello' | sigil hash keccak -
        """
    )

    @Argument(help: ArgumentHelp("Hex bytes (0x...), text, or - for standard input.", valueName: "input"))
    var input: String

    @Flag(name: .long, help: "Treat the input as text even if it starts with 0x.")
    var text = false

    @OptionGroup var output: OutputOptions

    func run() throws {
        let bytes = try ByteInput.bytes(from: input, forceText: text)
        let digest = Keccak256.hash(bytes).hexString
        output.emit(line: digest, json: .object([("hash", .string(digest)), ("inputLength", .integer(bytes.count))]))
    }
}

struct HashMessageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "message",
        abstract: "The EIP-191 hash of a message: what personal_sign and 'sign message' sign.",
        discussion: """
        keccak256("\\x19Ethereum Signed Message:\\n" + byte length in decimal + message). The \
        message is read as 'sign message' reads it: an argument that starts with 0x is hex bytes, \
        anything else UTF-8 text; --text takes 0x… as text, --hex requires hex, --file reads a \
        file's bytes, and - reads standard input byte for byte (a trailing newline counts).

        Examples:
          sigil hash message 'hello'
          sigil hash message 0x68656c6c6f        # the same five bytes: the same hash
          sigil hash message --text 0x68656c6c6f
          printf 'hello' | sigil hash message -
        """
    )

    @OptionGroup var input: MessageInput
    @OptionGroup var output: OutputOptions

    func run() throws {
        let message = try input.bytes()
        let digest = PersonalMessage.hash(message).hexString
        output.emit(line: digest, json: .object([("hash", .string(digest)), ("inputLength", .integer(message.count))]))
    }
}
