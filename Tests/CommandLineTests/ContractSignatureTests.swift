import Foundation
import SigilTestSupport
import Testing

/// `verify message|typed-data` for contract wallets: Wallet1271 (valid when the signature
/// recovers its owner from the hash it is given) deployed, and counterfactual through
/// WalletFactory (ERC-6492). Signatures are made by eth-account (Tests/Oracles/messages_oracle.py).
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ContractSignatureTests {
    static let ownerKey = String(format: "%064x", 2)
    static let strangerKey = String(format: "%064x", 3)

    /// eth-account's personal_sign signature of `message` (UTF-8) with `key` (64 hex digits).
    static func personalSign(_ message: String, key: String) throws -> String {
        let input: [String: Any] = ["op": "personal", "cases": [["message": Data(message.utf8).map { String(format: "%02x", $0) }.joined(), "key": key]]]
        let answer = try #require(try PythonOracle.run("messages_oracle.py", input: input) as? [[String: String]])
        return "0x" + (try #require(answer.first?["signature"]))
    }

    static func typedSign(_ document: String, key: String) throws -> String {
        let input: [String: Any] = ["op": "typed", "cases": [["document": document, "key": key]]]
        let answer = try #require(try PythonOracle.run("messages_oracle.py", input: input) as? [[String: String]])
        return "0x" + (try #require(answer.first?["signature"]))
    }

    @Test func erc1271ValidAndInvalid() throws {
        let node = try DevNode()
        let home = try TemporaryDirectory()
        let owner = try devKeyAddress(2, in: home)
        let wallet = try TestContracts.deploy(.wallet1271, on: node, args: [owner])
        func verify(_ arguments: [String]) throws -> ProcessRunner.Result {
            try CLI.run("sigil", ["verify"] + arguments + ["--rpc", node.url], environment: ["SIGIL_HOME": home.url.path])
        }
        let good = try Self.personalSign("hello wallet", key: Self.ownerKey)
        let valid = try verify(["message", "hello wallet", "--address", wallet, "--signature", good])
        #expect(valid.status == 0, "\(valid.stderrText)")
        #expect(valid.stdoutText == "valid: signed by \(wallet) (ERC-1271, the wallet's isValidSignature)\n")
        #expect(valid.stderrText.contains("verified: NO"))
        let json = try jsonOutput(try verify(["message", "hello wallet", "--address", wallet, "--signature", good, "--json"]))
        #expect(json["method"] as? String == "ERC-1271" && json["valid"] as? Bool == true && json["signer"] as? String == wallet)

        // Someone else's signature, and the owner's signature of another message: exit 3.
        let stranger = try Self.personalSign("hello wallet", key: Self.strangerKey)
        expectFailure(try verify(["message", "hello wallet", "--address", wallet, "--signature", stranger]), status: 3,
                      message: "does not accept it (ERC-1271 isValidSignature)")
        expectFailure(try verify(["message", "hello wallet!", "--address", wallet, "--signature", good]), status: 3, message: "ERC-1271")

        // Typed data: the wallet is asked about the EIP-712 digest.
        let document = """
            {"types": {"EIP712Domain": [{"name": "name", "type": "string"}, {"name": "chainId", "type": "uint256"}],
                       "Note": [{"name": "text", "type": "string"}]},
             "primaryType": "Note", "domain": {"name": "sigil", "chainId": 1337}, "message": {"text": "hi"}}
            """
        let file = try home.file("note.json", contents: document)
        let typed = try verify(["typed-data", file.path, "--address", wallet, "--signature", try Self.typedSign(document, key: Self.ownerKey), "--json"])
        #expect(typed.status == 0, "\(typed.stderrText)")
        #expect(try jsonOutput(typed)["method"] as? String == "ERC-1271")
        expectFailure(try verify(["typed-data", file.path, "--address", wallet, "--signature", try Self.typedSign(document, key: Self.strangerKey)]),
                      status: 3, message: "ERC-1271")

        // The same signature checked against the owner's own address: plain ecrecover.
        let eoa = try verify(["message", "hello wallet", "--address", owner, "--signature", good, "--json"])
        #expect(try jsonOutput(eoa)["method"] as? String == "ecrecover")
        // Offline, a contract wallet cannot be asked: the mismatch says to give peers.
        let offline = try CLI.run("sigil", ["verify", "message", "hello wallet", "--address", wallet, "--signature", good],
                                  environment: ["SIGIL_HOME": home.url.path])
        expectFailure(offline, status: 3, message: "give --rpc URL or --network NAME")
    }

    @Test func erc6492CounterfactualWallet() throws {
        let node = try DevNode()
        let home = try TemporaryDirectory()
        let owner = try devKeyAddress(2, in: home)
        let factory = try TestContracts.walletFactory(on: node)
        let salt = "0x" + String(repeating: "5a", count: 32)
        let wallet = try #require(try TestContracts.call("addressOf", of: .walletFactory, at: factory, args: [owner, salt], on: node).first as? String)
        let deploy = try TestContracts.calldata("deploy", of: .walletFactory, args: [owner, salt], on: node)
        /// The ERC-6492 wrapper built by eth-abi (Tests/Oracles/web3_reads.py), not by Sigil.
        func wrap(_ signature: String) throws -> String {
            let answer = try Web3Oracle.one(node.url, ["op": "wrap6492", "factory": factory, "calldata": deploy, "signature": signature])
            return try #require((answer as? [String: Any])?["signature"] as? String)
        }
        func verify(_ arguments: [String]) throws -> ProcessRunner.Result {
            try CLI.run("sigil", ["verify", "message", "hello later"] + arguments + ["--rpc", node.url], environment: ["SIGIL_HOME": home.url.path])
        }
        #expect(try node.rpc("eth_getCode", [wallet, "latest"]) as? String == "0x")
        let good = try wrap(try Self.personalSign("hello later", key: Self.ownerKey))
        let valid = try verify(["--address", wallet, "--signature", good, "--json"])
        #expect(valid.status == 0, "\(valid.stderrText)")
        let json = try jsonOutput(valid)
        #expect(json["method"] as? String == "ERC-6492" && json["valid"] as? Bool == true)
        let text = try verify(["--address", wallet, "--signature", good])
        #expect(text.stdoutText.contains("(ERC-6492"))
        expectFailure(try verify(["--address", wallet, "--signature", try wrap(try Self.personalSign("hello later", key: Self.strangerKey))]),
                      status: 3, message: "ERC-6492")
        // Nothing was deployed by checking.
        #expect(try node.rpc("eth_getCode", [wallet, "latest"]) as? String == "0x")
        // Offline, a wrapped signature cannot be checked.
        let offline = try CLI.run("sigil", ["verify", "message", "hello later", "--address", wallet, "--signature", good])
        expectFailure(offline, status: 64, message: "ERC-6492")
    }

    @Test func strictRefusesHighS() throws {
        let home = try TemporaryDirectory()
        let owner = try devKeyAddress(2, in: home)
        let low = try Self.personalSign("malleable", key: Self.ownerKey)
        // The high-s twin: s' = n - s, v flipped. It recovers the same address.
        let n = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"
        let script = "import sys; s=sys.argv[1][2:]; n=int('\(n)',16); print('0x'+s[:64]+'%064x'%(n-int(s[64:128],16))+'%02x'%(55-int(s[128:],16)))"
        let high = try ProcessRunner.run(TestEnvironment.python.path, ["-c", script, low]).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(high.count == 132 && high != low)
        let lenient = try CLI.run("sigil", ["verify", "message", "malleable", "--address", owner, "--signature", high])
        #expect(lenient.status == 0, "\(lenient.stderrText)")
        expectFailure(try CLI.run("sigil", ["verify", "message", "malleable", "--address", owner, "--signature", high, "--strict"]),
                      status: 3, message: "high-s")
        #expect(try CLI.run("sigil", ["verify", "message", "malleable", "--address", owner, "--signature", low, "--strict"]).status == 0)
    }

    /// A signature that recovers to the address is proved offline: a configured network whose
    /// peer is down does not stop it; one that does not recover needs the peers and says so.
    @Test func recoveredSignatureNeedsNoPeer() throws {
        let home = try TemporaryDirectory()
        let owner = try devKeyAddress(2, in: home), other = try devKeyAddress(3, in: home)
        let config = try home.file("config.toml", contents: """
            [networks.down]
            chainId = 1337
            rpc = ["http://127.0.0.1:9"]
            [defaults]
            network = "down"
            """)
        let environment = ["SIGIL_HOME": home.url.path, "SIGIL_CONFIG": config.path]
        let signature = try Self.personalSign("offline", key: Self.ownerKey)
        let valid = try CLI.run("sigil", ["verify", "message", "offline", "--address", owner, "--signature", signature], environment: environment)
        #expect(valid.status == 0 && valid.stdoutText.contains("(ecrecover)"), "\(valid.stderrText)")
        expectFailure(try CLI.run("sigil", ["verify", "message", "offline", "--address", other, "--signature", signature], environment: environment),
                      status: 6, message: "could not be asked whether it is a contract wallet")
    }
}
