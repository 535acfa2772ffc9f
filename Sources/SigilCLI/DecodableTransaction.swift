import SigilCore

/// What `tx decode` reads: a signed transaction (as `RawTransactionInput` takes it), or an
/// unsigned request in any shape `RequestReader` takes (previewed, not signed).
public enum DecodableTransaction {
    case signed(SignedTransaction)
    case unsigned(TransactionRequest)

    /// Hex that decodes as a signed transaction is one; otherwise hex or bytes that decode as
    /// an unsigned payload, or a JSON request without a "raw" field, are a request. When
    /// nothing fits, the signed transaction's decoding error is the one reported.
    public static func read(_ argument: String) throws -> DecodableTransaction {
        let isHex = argument.hasPrefix("0x") || argument.hasPrefix("0X")
        let bytes = isHex ? Array(argument.utf8) : try FileIO.read(argument, limit: 16 << 20)
        let text = String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
        if text.hasPrefix("{") {
            if (try? JSONParser.parse(text))?["raw"] != nil { return .signed(try SignedTransaction.decode(RawTransactionInput.bytes(argument))) }
            do {
                return .unsigned(try RequestReader.read(bytes))
            } catch {
                throw CommandFailure(.invalidInput, "\(argument == "-" ? "standard input" : argument): JSON without a \"raw\" field, "
                    + "and not a transaction request: \(error)")
            }
        }
        let raw: [UInt8]
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            raw = try Hex.decode(text)
        } else if RequestReader.shape(of: bytes) == .unsignedBytes {
            return .unsigned(try TransactionRequest(rawUnsigned: bytes))
        } else {
            raw = try Hex.decode(text)
        }
        do {
            return .signed(try SignedTransaction.decode(raw))
        } catch {
            guard let request = try? TransactionRequest(rawUnsigned: raw) else { throw error }
            return .unsigned(request)
        }
    }
}
