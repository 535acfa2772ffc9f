import Foundation
import SigilTestSupport
import Testing

/// Issue 15's friction cases that need a node: keys on standard input for every command that
/// signs and broadcasts (read once), a keystore file without an address (unlocked once),
/// keystore names as addresses, and the node's own suggested tip.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct EcosystemFrictionNodeTests {
    let node: DevNode
    let home: TemporaryDirectory
    let password = "friction-node-password"

    init() throws {
        home = try TemporaryDirectory()
        node = try DevNode()
    }

    var environment: [String: String] { ["SIGIL_HOME": home.url.path] }

    func run(_ arguments: [String], stdin: String = "", rpc: Bool = true) throws -> ProcessRunner.Result {
        let result = try CLI.run("sigil", arguments + (rpc ? ["--rpc", node.url] : []), stdin: stdin, environment: environment)
        expectNoLeak(result, of: Secrets(privateKeys: (1...10).map { String(format: "0x%064x", $0) }, passwords: [password]),
                     revealsSecrets: false, arguments: arguments)
        return result
    }

    func key(_ n: Int) -> String { String(format: "0x%064x", n) }

    func address(_ n: Int) throws -> String { try devKeyAddress(n, in: home) }

    func balance(_ address: String) throws -> String { try node.rpc("eth_getBalance", [address, "latest"]) as? String ?? "" }

    /// `send --private-key-file -` failed with "found 0 characters" after the preview: the key
    /// was read twice. Now every signing and broadcasting command reads it once.
    @Test func keysOnStandardInput() throws {
        let to = try address(9)
        let sent = try run(["send", "--to", to, "--value", "5wei", "--private-key-file", "-", "--yes", "--json", "--wait"], stdin: key(2))
        #expect(sent.status == 0, "\(sent.stderrText)")
        #expect(try jsonOutput(sent)["status"] as? String == "mined")

        let csv = try home.file("payouts.csv", contents: "id,to,value\nrow1,\(to),1wei\nrow2,\(to),2wei\n")
        let batch = try run(["send", "--batch", csv.path, "--private-key-file", "-", "--yes", "--json"], stdin: key(3))
        #expect(batch.status == 0, "\(batch.stderrText)")

        // A send below the base fee is journaled and refused by the node: bump and cancel it with
        // the key on standard input, by nonce (the address comes from the key) and by hash.
        for (n, command, target) in [(4, "bump", "0"), (5, "cancel", "hash")] {
            let stuck = try run(["send", "--to", to, "--value", "1wei", "--max-fee", "1wei", "--priority-fee", "1wei",
                                 "--private-key-file", "-", "--yes", "--json"], stdin: key(n))
            #expect(stuck.status == 6, "\(stuck.stderrText)")
            let list = try CLI.run("sigil", ["tx", "list", "--json", "--address", try address(n)], environment: environment)
            let hash = try #require((try JSONSerialization.jsonObject(with: list.stdout) as? [[String: Any]])?.first?["hash"] as? String)
            let replaced = try run(["tx", command, target == "hash" ? hash : target, "--max-fee", "50gwei", "--priority-fee", "2gwei",
                                    "--private-key-file", "-", "--yes", "--json"], stdin: key(n))
            #expect(replaced.status == 0, "\(command): \(replaced.stderrText)")
            #expect(try jsonOutput(replaced)["replaces"] as? String == hash)
        }
    }

    /// A keystore file that records no address was unlocked twice (two prompts, two scrypt
    /// runs). With the password on standard input a second unlock would read nothing; one
    /// unlock signs and sends.
    @Test func keystoreWithoutAddressIsUnlockedOnce() throws {
        let keyFile = try devKeyFile(6, in: home)
        let imported = try CLI.run("sigil", ["key", "import", "--private-key-file", keyFile, "--light", "--name", "bare", "--json"],
                                   environment: environment.merging(["SIGIL_PASSWORD": password]) { $1 })
        #expect(imported.status == 0, "\(imported.stderrText)")
        let path = try #require(try jsonOutput(imported)["file"] as? String)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(object.removeValue(forKey: "address") != nil)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let sent = try run(["send", "--from", "bare", "--password-file", "-", "--to", try address(9), "--value", "3wei", "--yes"],
                           stdin: password + "\n")
        #expect(sent.status == 0, "\(sent.stderrText)")
        let signed = try run(["sign", "message", "hello", "--from", "bare", "--password-file", "-"], stdin: password + "\n", rpc: false)
        #expect(signed.status == 0, "\(signed.stderrText)")
    }

    /// `sigil nonce alice` and `--to bob`: keystore names were taken by --from but not as addresses.
    @Test func keystoreNamesAreAddresses() throws {
        for (n, name) in [(7, "alice"), (8, "bob")] {
            let r = try CLI.run("sigil", ["key", "import", "--private-key-file", try devKeyFile(n, in: home), "--light", "--name", name],
                                environment: environment.merging(["SIGIL_PASSWORD": password]) { $1 })
            #expect(r.status == 0, "\(r.stderrText)")
        }
        let alice = try address(7), bob = try address(8)
        let before = try balance(bob)
        let sent = try run(["send", "--to", "bob", "--value", "7wei", "--private-key-file", try devKeyFile(7, in: home), "--yes", "--wait"])
        #expect(sent.status == 0, "\(sent.stderrText)")
        #expect(try balance(bob) != before)
        let nonce = try run(["nonce", "alice"])
        let byAddress = try run(["nonce", alice])
        #expect(nonce.status == 0 && nonce.stdoutText == byAddress.stdoutText && nonce.stdoutText == "1\n",
                "\(nonce.stdoutText) \(nonce.stderrText)")
        #expect(try run(["balance", "bob"]).stdoutText == (try run(["balance", bob])).stdoutText)
        let built = try run(["tx", "build", "--from", "alice", "--to", "bob", "--value", "1wei"])
        #expect(built.status == 0 && built.stdoutText.contains(bob) && built.stdoutText.contains(alice), "\(built.stderrText)")
        expectFailure(try run(["nonce", "carol"]), status: 65,
                      message: "'carol' is neither an address (0x + 40 hex digits) nor the name of an account in the keystore")
        let signature = try run(["sign", "message", "hi", "--private-key-file", try devKeyFile(7, in: home)], rpc: false)
            .stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try run(["verify", "message", "hi", "--signature", signature, "--address", "alice"], rpc: false).status == 0)
        #expect(try run(["verify", "message", "hi", "--signature", signature, "--address", "bob"], rpc: false).status == 3)
    }

    /// `fees` suggested a 1 wei tip on a fresh node although eth_maxPriorityFeePerGas says 1
    /// gwei; send and tx build use the same tip.
    @Test func suggestedTipIsTheNodes() throws {
        let fees = try run(["fees"])
        #expect(fees.status == 0, "\(fees.stderrText)")
        let line = fees.stdoutText.split(separator: "\n").first { $0.hasPrefix("priority fee") }.map(String.init) ?? ""
        #expect(line.hasSuffix(" 1 gwei"), "\(fees.stdoutText)")
        #expect(try jsonOutput(try run(["fees", "--json"]))["priorityFee"] as? String == "1000000000")
        let built = try run(["tx", "build", "--from", try address(2), "--to", try address(9), "--value", "1wei"])
        #expect(built.stdoutText.contains("\"maxPriorityFeePerGas\": \"0x3b9aca00\""), "\(built.stdoutText)")
        #expect(try CLI.run("sigil", ["fees", "--help"]).stdoutText.contains("eth_maxPriorityFeePerGas"))
    }
}
