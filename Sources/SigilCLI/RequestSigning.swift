import SigilCore

/// Loading, checking and signing unsigned transaction requests: shared by `sigil sign tx` and
/// `sigil-signer sign`.
public enum RequestSigning {
    /// A request from a `sigil.unsigned-tx/1` file, from cast's `--raw-unsigned` hex (an argument
    /// or a file holding it), or from standard input with `-`.
    public static func load(_ argument: String) throws -> TransactionRequest {
        if argument.hasPrefix("0x") { return try TransactionRequest(rawUnsigned: Hex.decode(argument)) }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(argument, limit: RequestFile.maximumSize)
        } catch {
            guard case .tooLarge = error.reason else { throw error }
            throw CommandFailure(.invalidInput, "request \(argument == "-" ? "on standard input" : "'\(argument)'") "
                + "is larger than \(RequestFile.maximumSize) bytes (1 MiB), the most a request may be")
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        if text.hasPrefix("0x") { return try TransactionRequest(rawUnsigned: Hex.decode(text)) }
        return try RequestFile.parse(bytes)
    }

    /// Everything a request must satisfy before it is shown, evaluated or signed: every rule of
    /// `TransactionRequest.payload()` (chain id 0, gas bounds, priority fee above the max fee,
    /// an empty authorization list, ...), and, when `signer` is known, that a stated `from` is it.
    public static func check(_ request: TransactionRequest, signer: Address?) throws {
        _ = try request.payload()
        if let signer, let from = request.from, from != signer {
            throw CommandFailure(.verificationFailed,
                "the request is to be signed by \(from.checksummed), but the chosen key is \(signer.checksummed)")
        }
    }

    /// Signs `request` with `key`, refusing a request that names another signer.
    public static func sign(_ request: TransactionRequest, with key: PrivateKey) throws -> SignedTransaction {
        try check(request, signer: key.address)
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
