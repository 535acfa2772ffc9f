import Foundation
import SigilTestSupport
import Testing

/// `sigil ens …` and ENS names in other commands, against the ENS registry deployed on the dev
/// node (the real ENS function signatures), reached through a config network's `ensRegistry`.
@Suite(.serialized) struct ENSCommandTests {
    /// A sandbox whose config defines network `dev` (the node, chain 1337, its ENS registry).
    struct Sandbox {
        let node: DevNode
        let home: TemporaryDirectory
        let registry: String
        let environment: [String: String]

        init() throws {
            node = try DevNode()
            home = try TemporaryDirectory()
            registry = try TestContracts.ens(on: node).registry
            let config = try home.file("config.toml", contents: """
                [networks.dev]
                chainId = 1337
                rpc = ["\(node.url)"]
                ensRegistry = "\(registry)"
                """)
            environment = ["SIGIL_HOME": home.url.path, "SIGIL_CONFIG": config.path]
        }

        func run(_ arguments: [String], network: Bool = true) throws -> ProcessRunner.Result {
            try CLI.run("sigil", arguments + (network ? ["--network", "dev"] : []), environment: environment)
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func resolveLookupAndNamesInReads() throws {
        let box = try Sandbox()
        let alice = try devKeyAddress(2, in: box.home)
        let registration = try TestContracts.register("alice.eth", to: alice, on: box.node)

        let resolved = try box.run(["ens", "resolve", "alice.eth"])
        #expect(resolved.status == 0, "\(resolved.stderrText)")
        #expect(resolved.stdoutText == alice + "\n")
        #expect(resolved.stderrText.contains("verified: NO"))
        // Normalized before hashing: the same record, and the JSON names the normalized name.
        let json = try jsonOutput(try box.run(["ens", "resolve", "Alice.ETH", "--json"]))
        #expect(json["address"] as? String == alice)
        #expect(json["name"] as? String == "alice.eth")
        #expect(json["namehash"] as? String == registration.node)
        #expect(json["registry"] as? String == box.registry)
        #expect((json["verification"] as? [String: Any])?["verified"] as? Bool == false)
        #expect(try box.run(["ens", "resolve", "alice.eth", "--check-reverse"]).status == 0)

        // A name that resolves to nothing: not found, and the message names it.
        expectFailure(try box.run(["ens", "resolve", "nobody.eth"]), status: 66, message: "nobody.eth")
        expectFailure(try box.run(["balance", "nobody.eth"]), status: 66, message: "nobody.eth")

        let lookup = try box.run(["ens", "lookup", alice])
        #expect(lookup.status == 0, "\(lookup.stderrText)")
        #expect(lookup.stdoutText == "alice.eth\n")
        // web3.py reads the same records the same way (registry → resolver → addr / name).
        let web3Address = try Web3Oracle.one(box.node.url, ["op": "ensAddress", "registry": box.registry, "name": "alice.eth"])
        #expect((web3Address as? [String: Any])?["address"] as? String == alice)
        let web3Name = try Web3Oracle.one(box.node.url, ["op": "ensName", "registry": box.registry, "address": alice])
        #expect((web3Name as? [String: Any])?["name"] as? String == "alice.eth")
        expectFailure(try box.run(["ens", "lookup", try devKeyAddress(5, in: box.home)]), status: 66, message: "no ENS reverse record")

        // Offline: the namehash the registry uses.
        let namehash = try box.run(["ens", "namehash", "alice.eth", "--json"], network: false)
        #expect(try jsonOutput(namehash)["namehash"] as? String == registration.node)

        // balance and nonce take the name and show it with the address.
        let balance = try box.run(["balance", "alice.eth"])
        #expect(balance.status == 0, "\(balance.stderrText)")
        #expect(balance.stdoutText.contains("alice.eth (\(alice))"))
        let balanceJSON = try jsonOutput(try box.run(["balance", "alice.eth", "--json"]))
        #expect(balanceJSON["address"] as? String == alice && balanceJSON["name"] as? String == "alice.eth")
        let nonce = try box.run(["nonce", "alice.eth"])
        #expect(nonce.status == 0 && nonce.stdoutText == "0\n", "\(nonce.stderrText)")
        #expect(nonce.stderrText.contains("alice.eth (\(alice))"))
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func sendPreviewAndReverseCheck() throws {
        let box = try Sandbox()
        let alice = try devKeyAddress(2, in: box.home), carol = try devKeyAddress(3, in: box.home)
        try TestContracts.register("alice.eth", to: alice, on: box.node)
        // carol.eth now points at alice, but carol's reverse record still claims carol.eth.
        try TestContracts.register("carol.eth", to: carol, on: box.node)
        try TestContracts.register("carol.eth", to: alice, withReverse: false, owner: carol, on: box.node)
        let key = try devKeyFile(4, in: box.home)

        let sent = try box.run(["send", "--to", "alice.eth", "--value", "1wei", "--private-key-file", key, "--yes", "--check-reverse"])
        #expect(sent.status == 0, "\(sent.stderrText)")
        let toLine = sent.stderrText.split(separator: "\n").first { $0.hasPrefix("To:") }
        #expect(toLine.map { $0.hasSuffix("alice.eth (\(alice))") } == true, "\(sent.stderrText)")
        let received = try box.node.rpc("eth_getBalance", [alice, "latest"]) as? String
        #expect(received == "0xd3c21bcecceda1000001", "1,000,000 ether + 1 wei")

        // An ERC-20 transfer to a name: the preview names the token recipient too.
        let token = try TestContracts.token(on: box.node, holder: try devKeyAddress(4, in: box.home))
        let transfer = try box.run(["send", "--token", token, "--to", "alice.eth", "--amount", "2", "--private-key-file", key, "--yes", "--dry-run"])
        #expect(transfer.status == 0, "\(transfer.stderrText)")
        let recipientLine = transfer.stderrText.split(separator: "\n").first { $0.hasPrefix("Recipient:") }
        #expect(recipientLine.map { $0.hasSuffix("alice.eth (\(alice))") } == true, "\(transfer.stderrText)")

        // carol.eth resolves to alice, whose reverse record names alice.eth: refused, nothing sent.
        expectFailure(try box.run(["send", "--to", "carol.eth", "--value", "1wei", "--private-key-file", key, "--yes", "--check-reverse"]),
                      status: 3, message: "names 'alice.eth', not 'carol.eth'")
        expectFailure(try box.run(["ens", "resolve", "carol.eth", "--check-reverse"]), status: 3, message: "reverse")
        // Carol's own reverse record claims a name that does not resolve back: not shown as hers.
        let lookup = try box.run(["ens", "lookup", carol])
        expectFailure(lookup, status: 3, message: "not its name")
        #expect(lookup.stdoutText.isEmpty)
        #expect(try box.run(["nonce", try devKeyAddress(4, in: box.home)]).stdoutText == "1\n", "only the first send went out")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func peersThatDisagreeOnANameStopTheCommand() throws {
        let first = try Sandbox(), second = try DevNode()
        // Same deployer, same order: the second node's registry has the same address.
        #expect(try TestContracts.ens(on: second).registry == first.registry)
        let alice = try devKeyAddress(2, in: first.home), mallory = try devKeyAddress(6, in: first.home)
        try TestContracts.register("alice.eth", to: alice, on: first.node)
        try TestContracts.register("alice.eth", to: alice, on: second)
        let peers = ["--rpc", first.node.url, "--rpc", second.url]
        let agreed = try first.run(["ens", "resolve", "alice.eth"] + peers)
        #expect(agreed.status == 0 && agreed.stdoutText == alice + "\n", "\(agreed.stderrText)")
        try TestContracts.register("alice.eth", to: mallory, on: second)
        expectFailure(try first.run(["ens", "resolve", "alice.eth"] + peers), status: 11, message: "peers disagree on the ENS name 'alice.eth'")
        expectFailure(try first.run(["balance", "alice.eth"] + peers), status: 11, message: mallory)
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled)) func aChainWithoutARegistryIsRefused() throws {
        let node = try DevNode()
        let r = try CLI.run("sigil", ["ens", "resolve", "alice.eth", "--rpc", node.url])
        expectFailure(r, status: 10, message: "no ENS registry is known for chain 1337")
    }

    @Test func namehashAndNormalizationOffline() throws {
        // EIP-137's vectors, and names that normalize to them.
        let cases = [("eth", "0x93cdeb708b7545dc668eb9280176169d1c33cfd8ed6f04690a0bcc88a93fc4ae"),
                     ("foo.eth", "0xde9b09fd7c5f901e23a3f19fecc54828e9c848539801e86591bd9801b019f84f"),
                     ("FOO.eth", "0xde9b09fd7c5f901e23a3f19fecc54828e9c848539801e86591bd9801b019f84f")]
        for (name, hash) in cases {
            let r = try CLI.run("sigil", ["ens", "namehash", name, "--json"])
            #expect(r.status == 0, "\(name): \(r.stderrText)")
            #expect(try jsonOutput(r)["namehash"] as? String == hash, "\(name)")
            #expect(try jsonOutput(r)["name"] as? String == name.lowercased())
        }
        expectFailure(try CLI.run("sigil", ["ens", "namehash", "foo..eth"]), status: 65, message: "foo..eth")
        // An invisible character is named, not printed.
        expectFailure(try CLI.run("sigil", ["ens", "namehash", "x\u{200D}.eth"]), status: 65, message: "'x{200D}.eth'")
    }

    /// ENSIP-15 through the command: the ethers namehash cases (hand-named and sampled: emoji,
    /// scripts, mixed case), valid ones hashed as the vectors say, invalid ones refused (65).
    @Test(TestEnvironment.vectorsTrait) func normalizationCasesFromTheVectors() throws {
        let vectors = try #require(try Vectors.json("ens_namehash_eip137.json") as? [String: Any])
        let named = try #require(vectors["ethers_named_cases"] as? [[String: Any]])
        let sampled = try #require(vectors["ethers_sampled_cases"] as? [[String: Any]])
        var valid = 0, invalid = 0
        // Every hand-named case and every 6th sampled one (the command starts once per case).
        for (index, item) in (named + sampled).enumerated() where index < named.count || index % 6 == 0 {
            let name = try #require(item["ensName"] as? String)
            guard !name.isEmpty else { continue }   // an empty argument is refused before ENS
            let r = try CLI.run("sigil", ["ens", "namehash", name, "--json"])
            if item["error"] != nil {
                #expect(r.status == 65, "\(item["name"] ?? name) should be refused: \(r.stdoutText)")
                invalid += 1
            } else {
                #expect(r.status == 0, "\(item["name"] ?? name): \(r.stderrText)")
                #expect(try jsonOutput(r)["namehash"] as? String == item["namehash"] as? String, "\(item["name"] ?? name)")
                valid += 1
            }
        }
        #expect(valid >= 20 && invalid >= 10, "\(valid) valid, \(invalid) invalid")
    }

    @Test func ensRegistryIsValidatedInTheConfig() throws {
        let home = try TemporaryDirectory()
        let config = try home.file("config.toml", contents: "[networks.dev]\nchainId = 1337\nensRegistry = \"ens.eth\"\n")
        let r = try CLI.run("sigil", ["config", "show", "--network", "dev"], environment: ["SIGIL_CONFIG": config.path])
        expectFailure(r, status: 65, message: "networks.dev.ensRegistry")
        let good = try home.file("good.toml", contents: "[networks.dev]\nchainId = 1337\nensRegistry = \"0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e\"\n")
        let shown = try CLI.run("sigil", ["config", "show", "--network", "dev", "--json"], environment: ["SIGIL_CONFIG": good.path])
        #expect(shown.status == 0, "\(shown.stderrText)")
        let row = try #require(try jsonOutput(shown)["ensRegistry"] as? [String: Any])
        #expect(row["value"] as? String == "0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e" && row["source"] as? String == "config")
    }
}
