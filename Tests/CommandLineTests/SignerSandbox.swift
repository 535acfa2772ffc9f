import Foundation
import SigilTestSupport
import Testing

/// A scratch folder holding key one's file, used as SIGIL_HOME so the default audit log lands in it.
struct SignerSandbox {
    let dir: String
    let alice = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"
    let token = "0x1efF47bc3a10a45D4B230B5d10E37751FE6AA718"

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("sigil-signer-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try write("key.hex", keyOneHex, mode: 0o600)
    }

    var key: String { dir + "/key.hex" }
    var auditLog: String { dir + "/signer-audit.jsonl" }

    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o644) throws -> String {
        let path = dir + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func run(_ arguments: String..., stdin: String = "", environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        try run(arguments, stdin: stdin, environment: environment)
    }

    func run(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> ProcessRunner.Result {
        try CLI.run("sigil-signer", arguments, stdin: stdin, environment: environment.merging(["SIGIL_HOME": dir]) { $1 })
    }

    /// The daily total in the state file beside the default audit log: (day, spentWei).
    func dailyState() throws -> (day: String, spentWei: String)? {
        guard let data = FileManager.default.contents(atPath: auditLog + ".state") else { return nil }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (try #require(object["day"] as? String), try #require(object["spentWei"] as? String))
    }

    /// The audit log's lines.
    func auditLines() throws -> [String] {
        guard FileManager.default.fileExists(atPath: auditLog) else { return [] }
        return try String(contentsOfFile: auditLog, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// A type-2 request on mainnet; `from` is key one unless given.
    func request(to: String? = nil, value: String = "1000000000000000000", data: String = "0x",
                 from: String = keyOneAddress, chainId: String = "1") throws -> String {
        try write("request-\(UUID().uuidString).json", requestText(to: to, value: value, data: data, from: from, chainId: chainId))
    }

    func requestText(to: String? = nil, value: String = "1000000000000000000", data: String = "0x",
                     from: String = keyOneAddress, chainId: String = "1") -> String {
        """
        {"format": "sigil.unsigned-tx/1", "type": "0x2", "chainId": "\(chainId)", "nonce": "7", "from": "\(from)",
         "to": "\(to ?? alice)", "value": "\(value)", "data": "\(data)", "gas": "60000",
         "maxFeePerGas": "30000000000", "maxPriorityFeePerGas": "1000000000", "accessList": []}
        """
    }

    func policy(_ json: String) throws -> String { try write("policy-\(UUID().uuidString).json", json) }
}

