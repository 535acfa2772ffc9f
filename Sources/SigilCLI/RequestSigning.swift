import SigilCore

/// Loading, checking and signing unsigned transaction requests: shared by `sigil sign tx` and
/// `sigil-signer sign`.
public enum RequestSigning {
    /// A request from a `sigil.unsigned-tx/1` file, from cast's `--raw-unsigned` hex (an argument
    /// or a file holding it), or from standard input with `-`.
    public static func load(_ argument: String) throws -> TransactionRequest {
        if argument.hasPrefix("0x") { return try TransactionRequest(rawUnsigned: Hex.decode(argument)) }
        let bytes = try FileIO.read(argument, limit: RequestFile.maximumSize + 1)
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        if text.hasPrefix("0x") { return try TransactionRequest(rawUnsigned: Hex.decode(text)) }
        return try RequestFile.parse(bytes)
    }

    /// Signs `request` with `key`, refusing a request that names another signer.
    public static func sign(_ request: TransactionRequest, with key: PrivateKey) throws -> SignedTransaction {
        if let from = request.from, from != key.address {
            throw CommandFailure(.verificationFailed,
                "the request is to be signed by \(from.checksummed), but the chosen key is \(key.address.checksummed)")
        }
        return try key.sign(request.payload())
    }

    /// `{"raw", "hash", "from"}`: what `sign tx --json` prints and `sigil broadcast` reads.
    public static func json(_ signed: SignedTransaction, from: Address) -> JSONValue {
        .object([
            ("raw", .string(signed.rawBytes.hexString)),
            ("hash", .string(signed.hash.hexString)),
            ("from", .string(from.checksummed)),
        ])
    }

    /// Routes every call that the preview does not decode itself through the ABI table of
    /// well-known functions. Called once at start-up by both executables.
    public static func installCallDecoder() {
        TransactionPreview.decodeCall = { data in
            guard let call = CalldataDecoder.describe(data) else { return nil }
            let standard = call.standard.map { "\($0) " } ?? ""
            return [("call", "\(standard)\(call.signature)")] + call.arguments.map { ("  \($0.name)", $0.display) }
        }
    }
}
