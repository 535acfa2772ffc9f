import ArgumentParser
import SigilCore

/// The message of `sign|verify|recover message`: an argument that starts with 0x is hex bytes
/// and anything else UTF-8 text (as `hash keccak` and cast read them); `--text` signs an
/// argument that starts with 0x as text; `--file` reads the bytes of a file (`-` for standard
/// input) as they are.
public struct MessageInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The message: 0x-hex bytes, or UTF-8 text (see --text).", valueName: "message"))
    public var message: String?

    @Flag(name: .long, help: "The message argument must be hex bytes (0x…); refused otherwise.")
    public var hex = false

    @Flag(name: .long, help: "The message argument is text even when it starts with 0x.")
    public var text = false

    @Option(name: .long, help: ArgumentHelp("Read the message bytes from a file (- for standard input).", valueName: "file"),
            completion: .file())
    public var file: String?

    public init() {}

    public func validate() throws {
        guard (message != nil) != (file != nil) else {
            throw ValidationError("give the message as an argument or with --file (one of them)")
        }
        if (hex || text) && file != nil { throw ValidationError("--hex and --text apply to a message argument, not to --file") }
        if hex && text { throw ValidationError("give --hex or --text, not both") }
    }

    public func bytes() throws -> [UInt8] {
        if let file { return try FileIO.read(file) }
        if text { return Array(message!.utf8) }
        if hex { return try Hex.decode(message!) }
        return try ByteInput.bytes(from: message!, forceText: message! == "-")
    }
}

/// Parsing of 65-byte signatures given on the command line (r‖s‖v, v = 0/1/27/28).
public enum SignatureText {
    public static func parse(_ text: String) throws -> Signature {
        try Signature(bytes: Hex.decode(text.trimmingWhitespace()))
    }

    public static func fields(_ signature: Signature) -> [(String, JSONValue)] {
        [
            ("signature", .string(signature.bytes.hexString)),
            ("r", .string(signature.r.hexString)),
            ("s", .string(signature.s.hexString)),
            ("v", .integer(27 + Int(signature.yParity))),
        ]
    }
}

/// A signed raw transaction given as hex, a file holding hex (or the JSON that `sign tx --json`
/// and `sigil-signer sign --json` print, with its "raw" field), or `-` for standard input.
public enum RawTransactionInput {
    public static func bytes(_ argument: String) throws -> [UInt8] {
        if argument.hasPrefix("0x") || argument.hasPrefix("0X") { return try Hex.decode(argument) }
        let text = String(decoding: try FileIO.read(argument, limit: 16 << 20), as: UTF8.self).trimmingWhitespace()
        if text.hasPrefix("{") {
            guard let raw = try JSONParser.parse(text)["raw"]?.stringValue else {
                throw CommandFailure(.invalidInput, "\(argument == "-" ? "standard input" : argument): JSON without a \"raw\" field")
            }
            return try Hex.decode(raw)
        }
        return try Hex.decode(text)
    }
}
