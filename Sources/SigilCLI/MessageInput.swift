import ArgumentParser
import SigilCore

/// The message of `sign|verify|recover message`: text (default), hex with `--hex`, or the bytes
/// of a file with `--file` (`-` for standard input).
public struct MessageInput: ParsableArguments {
    @Argument(help: ArgumentHelp("The message: UTF-8 text, or hex bytes with --hex.", valueName: "message"))
    public var message: String?

    @Flag(name: .long, help: "The message argument is hex bytes (0x…), not text.")
    public var hex = false

    @Option(name: .long, help: ArgumentHelp("Read the message bytes from a file (- for standard input).", valueName: "file"),
            completion: .file())
    public var file: String?

    public init() {}

    public func validate() throws {
        guard (message != nil) != (file != nil) else {
            throw ValidationError("give the message as an argument or with --file (one of them)")
        }
        if hex && file != nil { throw ValidationError("--hex applies to a message argument, not to --file") }
    }

    public func bytes() throws -> [UInt8] {
        if let file { return try FileIO.read(file) }
        return hex ? try Hex.decode(message!) : Array(message!.utf8)
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
