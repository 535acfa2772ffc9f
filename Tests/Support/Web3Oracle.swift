import Foundation

/// web3.py against a node (Tests/Oracles/web3_reads.py): transactions sent by web3.py rather
/// than Sigil, and what web3.py reads back, as plain JSON (integers as decimal strings, bytes as
/// 0x-hex, addresses checksummed). Each op is a dictionary as documented in the script.
///
///     let sent = try Web3Oracle.run(node.url, [["op": "sendEther", "key": key2, "to": to, "value": "1000"]])
///     let receipt = try Web3Oracle.one(node.url, ["op": "receipt", "hash": hash]) as? [String: Any]
public enum Web3Oracle {
    /// Runs `ops` in one interpreter; one result per op. An op that failed is `["error": "..."]`.
    public static func run(_ url: String, _ ops: [[String: Any]]) throws -> [Any] {
        guard let results = try PythonOracle.run("web3_reads.py", input: ["url": url, "ops": ops]) as? [Any] else {
            throw PythonOracle.Failure(description: "web3_reads.py: not a list")
        }
        return results
    }

    /// Runs one op; throws when web3.py reported an error for it.
    public static func one(_ url: String, _ op: [String: Any]) throws -> Any {
        let result = try run(url, [op]).first ?? NSNull()
        if let failed = result as? [String: Any], let error = failed["error"] as? String, failed.count == 1 {
            throw PythonOracle.Failure(description: "web3.py \(op["op"] ?? ""): \(error)")
        }
        return result
    }
}
