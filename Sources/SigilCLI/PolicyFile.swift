import SigilCore
import TOMLKit

/// Reads a signer policy: TOML (`policy.toml`, read with TOMLKit) or JSON. Both go through
/// SigningPolicy's one strict reader, so the rules and their checks are the same.
public enum PolicyFile {
    public static func load(_ path: String) throws -> SigningPolicy {
        let bytes = try FileIO.read(path, limit: SigningPolicy.maximumSize + 1)
        guard path.hasSuffix(".toml") else { return try SigningPolicy.parse(bytes) }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: String(decoding: bytes, as: UTF8.self))
        } catch let error as TOMLParseError {
            throw CommandFailure(.invalidInput,
                "policy \(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        }
        return try SigningPolicy.parse(Array(table.convert(to: .json).utf8))
    }
}
