/// The one reader of unsigned transaction requests, whatever shape they arrive in:
/// - JSON (`RequestFile`): Sigil's `sigil.unsigned-tx/1` file, a JSON-RPC transaction object
///   (`eth_signTransaction` / `eth_sendTransaction` params), or an eth-account / web3.py
///   transaction dict written with `json.dumps`;
/// - cast's `--raw-unsigned` hex: `0x` + the unsigned payload (`TransactionRequest(rawUnsigned:)`);
/// - the same unsigned payload as bytes: `type || rlp(fields)` for types 1–4, or the legacy
///   RLP list (EIP-155 with `chainId, 0, 0`, or the six pre-EIP-155 fields).
///
/// The shape is told by the first byte that is not white space: `{` is JSON, `0x` is hex, a
/// type byte 0x01–0x04 or an RLP list prefix (0xc0 and above) is a binary payload.
public enum RequestReader {
    /// How a request arrived.
    public enum Shape: String, Sendable {
        case json
        case rawUnsignedHex
        case unsignedBytes
    }

    /// The shape of `bytes`, or nil when it is none of them.
    public static func shape(of bytes: [UInt8]) -> Shape? {
        guard let first = bytes.first(where: { !isSpace($0) }) else { return nil }
        if first == UInt8(ascii: "{") { return .json }
        if first == UInt8(ascii: "0") { return .rawUnsignedHex }
        if (1...4).contains(first) || first >= 0xc0 { return .unsignedBytes }
        return nil
    }

    /// Reads a request in any of the shapes above. The result passed `checkShape()`; call
    /// `payload(_:)` for the remaining checks before signing.
    public static func read(_ bytes: [UInt8]) throws(RequestError) -> TransactionRequest {
        guard bytes.count <= RequestFile.maximumSize else {
            throw .request("request is \(bytes.count) bytes; the limit is \(RequestFile.maximumSize) (1 MiB)")
        }
        switch shape(of: bytes) {
        case .json: return try RequestFile.parse(bytes)
        case .rawUnsignedHex: return try read(hex: String(decoding: bytes, as: UTF8.self))
        case .unsignedBytes: return try TransactionRequest(rawUnsigned: bytes)
        case nil:
            throw .request("not a transaction request: expected a JSON object, 0x-prefixed unsigned transaction hex, or unsigned transaction bytes")
        }
    }

    /// Reads cast's `--raw-unsigned` hex (white space around it ignored).
    public static func read(hex text: String) throws(RequestError) -> TransactionRequest {
        let trimmed = text.utf8.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        let bytes: [UInt8]
        do {
            bytes = try Hex.decode(String(decoding: Array(trimmed), as: UTF8.self), prefix: .required)
        } catch {
            throw .request("unsigned transaction hex is not valid: \(error)")
        }
        return try TransactionRequest(rawUnsigned: bytes)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }
}
