import SigilCore

/// Loading, checking and signing unsigned transaction requests: shared by `sigil sign tx` and
/// `sigil-signer sign`.
public enum RequestSigning {
    /// The request shapes and fields, as the help (and man page) of every command that reads
    /// a request states them; docs/request-format.md has the full table.
    public static let formatHelp = """
        Request shapes (told by the first byte): Sigil's file ({"format": \
        "sigil.unsigned-tx/1", ...}), a JSON-RPC transaction object (eth_signTransaction \
        params), an eth-account/web3.py dict written by json.dumps, cast's --raw-unsigned hex \
        (0x...), or the unsigned transaction bytes. JSON fields: type (optional: inferred from \
        the fee fields), chainId, nonce, from (optional: the expected signer), to (absent: \
        contract creation), value (default 0), data or input (default empty), gas or \
        gasLimit, gasPrice (types 0, 1) or maxFeePerGas and maxPriorityFeePerGas (types 2-4), \
        accessList (default empty), maxFeePerBlobGas and blobVersionedHashes (type 3), \
        authorizationList (type 4; 'sign authorization --json' output pastes in as it is), \
        format (optional). Quantities: "0x2a", "42", or JSON integers of any size, read \
        exactly; a fraction, an exponent or a minus sign is refused naming the field (exit \
        65), and so is any unknown field. See docs/request-format.md.
        """
    /// A request in any shape `RequestReader` takes (a JSON file of Sigil's, JSON-RPC's or
    /// eth-account's shape, cast's `--raw-unsigned` hex, unsigned transaction bytes): an
    /// argument holding the hex, a file, or standard input with `-`.
    public static func load(_ argument: String) throws -> TransactionRequest {
        if argument.hasPrefix("0x") || argument.hasPrefix("0X") { return try RequestReader.read(hex: argument) }
        let bytes: [UInt8]
        do {
            bytes = try FileIO.read(argument, limit: RequestFile.maximumSize)
        } catch {
            guard case .tooLarge = error.reason else { throw error }
            throw CommandFailure(.invalidInput, "request \(argument == "-" ? "on standard input" : "'\(argument)'") "
                + "is larger than \(RequestFile.maximumSize) bytes (1 MiB), the most a request may be")
        }
        return try RequestReader.read(bytes)
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
