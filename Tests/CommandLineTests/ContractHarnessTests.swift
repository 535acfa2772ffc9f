import Foundation
import SigilTestSupport
import Testing

/// The compiled test contracts (Tests/Support/contracts) and their deployment on the dev node
/// (TestContracts, devnode_deployArtifact/sendCall/ensRegister): the committed artifacts are what
/// the compiler makes, and each contract does what its README says, checked against eth-abi,
/// eth-account and web3.py rather than against the contracts' own answers.
@Suite(.serialized)
struct ContractHarnessTests {
    static let address1 = TestContracts.devKey1Address  // key 0x…01
    static let address2 = "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"  // key 0x…02
    static let key1 = "0x" + String(repeating: "0", count: 63) + "1"
    static let key2 = "0x" + String(repeating: "0", count: 63) + "2"

    static var vyperInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: TestEnvironment.packageRoot.appendingPathComponent(".venv/bin/vyper").path)
    }

    /// keccak256 of each UTF-8 text, 0x-hex (Tests/Oracles/keccak.py).
    static func keccak(_ texts: [String]) throws -> [String] {
        let input = texts.map { Data($0.utf8).map { String(format: "%02x", $0) }.joined() }
        let output = try #require(try PythonOracle.run("keccak.py", input: input) as? [String])
        return output.map { "0x" + $0 }
    }

    static func keccakHex(_ hex: String) throws -> String {
        let output = try #require(try PythonOracle.run("keccak.py", input: [String(hex.dropFirst(2))]) as? [String])
        return "0x" + (output.first ?? "")
    }

    static func word(_ value: Int) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 64 - hex.count) + hex
    }

    /// A topic or word holding an address: 12 zero bytes, then the address (lowercase).
    static func padded(_ address: String) -> String {
        "0x" + String(repeating: "0", count: 24) + address.dropFirst(2).lowercased()
    }

    static func selector(_ signature: String) throws -> String {
        String(try keccak([signature])[0].prefix(10))
    }

    @Test(.enabled(if: vyperInstalled, "vyper is not installed in .venv"))
    func committedArtifactsMatchAFreshCompile() throws {
        let temp = try TemporaryDirectory()
        let script = TestEnvironment.packageRoot.appendingPathComponent("scripts/compile-contracts.sh").path
        let result = try ProcessRunner.run("/bin/bash", [script, temp.url.path])
        #expect(result.status == 0, "\(result.stderrText)")
        let committed = TestContracts.buildDirectory
        let names = { (url: URL) in
            try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(".json") }.sorted()
        }
        let fresh = try names(temp.url)
        #expect(fresh == TestContract.allCases.map { "\($0.name).json" }.sorted())
        #expect(try names(committed) == fresh, "a contract was added or removed without recompiling")
        for name in fresh {
            let old = try Data(contentsOf: committed.appendingPathComponent(name))
            let new = try Data(contentsOf: temp.url.appendingPathComponent(name))
            #expect(old == new, "\(name) drifted from its source: run scripts/compile-contracts.sh and commit build/")
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func tokenTransfersEmitEventsAndFailWithCustomErrors() throws {
        let node = try DevNode()
        let token = try TestContracts.token(on: node, supply: "1000", holder: Self.address1)
        #expect(try TestContracts.call("balanceOf", of: .sigilToken, at: token, args: [Self.address1], on: node) as? [String] == ["1000"])
        #expect(try TestContracts.call("symbol", of: .sigilToken, at: token, on: node) as? [String] == ["SGL"])

        let receipt = try TestContracts.send("transfer", of: .sigilToken, at: token, args: [Self.address2, 250], on: node, from: 1)
        #expect(receipt["status"] as? String == "0x1")
        #expect(receipt["from"] as? String == Self.address1)
        let logs = try #require(receipt["logs"] as? [[String: Any]])
        #expect(logs.count == 1)
        let transferTopic = try Self.keccak(["Transfer(address,address,uint256)"])[0]
        #expect(logs.first?["address"] as? String == token)
        #expect(logs.first?["topics"] as? [String] == [transferTopic, Self.padded(Self.address1), Self.padded(Self.address2)])
        #expect(logs.first?["data"] as? String == "0x" + Self.word(250))
        #expect(try TestContracts.call("balanceOf", of: .sigilToken, at: token, args: [Self.address2], on: node) as? [String] == ["250"])

        // 750 left: asking for 1000 reverts with InsufficientBalance(750, 1000).
        let tooMuch = try TestContracts.calldata("transfer", of: .sigilToken, args: [Self.address2, 1000], on: node)
        let expected = try Self.selector("InsufficientBalance(uint256,uint256)") + Self.word(750) + Self.word(1000)
        #expect(try TestContracts.ethCall(to: token, data: tooMuch, from: Self.address1, on: node)
                == .failed(code: 3, message: "execution reverted", data: expected))
        let mint = try TestContracts.calldata("mint", of: .sigilToken, args: [Self.address1, 1], on: node)
        #expect(try TestContracts.ethCall(to: token, data: mint, from: Self.address2, on: node)
                == .failed(code: 3, message: "execution reverted",
                           data: try Self.selector("NotMinter(address)") + String(Self.padded(Self.address2).dropFirst(2))))

        // spray: one Transfer log per unit, in one transaction.
        let sprayed = try TestContracts.send("spray", of: .sigilToken, at: token, args: [Self.address1, 40], on: node, from: 2)
        let sprayLogs = try #require(sprayed["logs"] as? [[String: Any]])
        #expect(sprayLogs.count == 40)
        #expect(sprayLogs.allSatisfy { $0["topics"] as? [String] == [transferTopic, Self.padded(Self.address2), Self.padded(Self.address1)] })
        #expect(sprayLogs.map { $0["logIndex"] as? String } == (0..<40).map { "0x" + String($0, radix: 16) })
        // A reverting transaction sent with a fixed gas is mined, failed.
        let failed = try TestContracts.send("transfer", of: .sigilToken, at: token, args: [Self.address1, 10_000],
                                            on: node, from: 2, gas: 100_000)
        #expect(failed["status"] as? String == "0x0")
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func reverterFailsAsDeclared() throws {
        let node = try DevNode()
        let reverter = try TestContracts.deploy(.reverter, on: node)
        func outcome(_ function: String, _ args: [Any] = []) throws -> TestContracts.CallOutcome {
            try TestContracts.ethCall(to: reverter, data: try TestContracts.calldata(function, of: .reverter, args: args, on: node), on: node)
        }
        let reason = "insufficient funds"
        let reasonHex = Data(reason.utf8).map { String(format: "%02x", $0) }.joined()
        let errorData = try Self.selector("Error(string)") + Self.word(32) + Self.word(reason.utf8.count)
            + reasonHex + String(repeating: "0", count: 64 - reasonHex.count)
        #expect(try outcome("failWithReason") == .failed(code: 3, message: "execution reverted: \(reason)", data: errorData))
        #expect(try outcome("failWithPanic", [0x11])
                == .failed(code: 3, message: "execution reverted", data: try Self.selector("Panic(uint256)") + Self.word(0x11)))
        #expect(try outcome("failWithCustom", [7, Self.address2])
                == .failed(code: 3, message: "execution reverted",
                           data: try Self.selector("Unauthorized(address,uint256)") + String(Self.padded(Self.address2).dropFirst(2)) + Self.word(7)))
        #expect(try outcome("failEmpty") == .failed(code: 3, message: "execution reverted", data: "0x"))
        let info = try TestContracts.call("info", of: .reverter, at: reverter, on: node)
        #expect(info.count == 4)
        #expect(info[0] as? String == "42")
        #expect(info[1] as? String == "0x000000000000000000000000000000000000dEaD")
        #expect(info[2] as? String == "sigil")
        #expect(info[3] as? Bool == true)

        try TestContracts.send("setValue", of: .reverter, at: reverter, args: [77], on: node, from: 3)
        #expect(try node.rpc("eth_getStorageAt", [reverter, "0x0", "latest"]) as? String == "0x" + Self.word(77))
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func walletAcceptsItsOwnersSignatureAndFactoryDeploysCounterfactually() throws {
        let node = try DevNode()
        let wallet = try TestContracts.deploy(.wallet1271, on: node, args: [Self.address1])
        let hash = try Self.keccak(["sigil ERC-1271 test"])[0]
        let signatures = try Web3Oracle.run(node.url, [
            ["op": "signHash", "key": Self.key1, "hash": hash], ["op": "signHash", "key": Self.key2, "hash": hash],
        ]).map { ($0 as? [String: Any])?["signature"] as? String ?? "" }
        #expect(try TestContracts.call("isValidSignature", of: .wallet1271, at: wallet, args: [hash, signatures[0]], on: node)
                as? [String] == ["0x1626ba7e"])
        #expect(try TestContracts.call("isValidSignature", of: .wallet1271, at: wallet, args: [hash, signatures[1]], on: node)
                as? [String] == ["0xffffffff"])

        // CREATE2: keccak(0xff ++ factory ++ salt ++ keccak(walletCode ++ abi.encode(owner)))[12:].
        let factory = try TestContracts.walletFactory(on: node)
        let salt = "0x" + String(repeating: "5a", count: 32)
        let walletCode = try #require(try TestContracts.artifact(.wallet1271)["bytecode"] as? String)
        let initHash = try Self.keccakHex(walletCode + String(Self.padded(Self.address1).dropFirst(2)))
        let digest = try Self.keccakHex("0xff" + factory.dropFirst(2).lowercased() + salt.dropFirst(2) + initHash.dropFirst(2))
        let expected = "0x" + digest.suffix(40)
        let predicted = try #require(try TestContracts.call("addressOf", of: .walletFactory, at: factory, args: [Self.address1, salt], on: node).first as? String)
        #expect(predicted.lowercased() == expected)
        #expect(try node.rpc("eth_getCode", [predicted, "latest"]) as? String == "0x")
        // The ERC-6492 form of the owner's signature for the wallet not yet deployed.
        let factoryCalldata = try TestContracts.calldata("deploy", of: .walletFactory, args: [Self.address1, salt], on: node)
        let wrapped = try #require((try Web3Oracle.one(node.url, [
            "op": "wrap6492", "factory": factory, "calldata": factoryCalldata, "signature": signatures[0],
        ]) as? [String: Any])?["signature"] as? String)
        #expect(wrapped.hasPrefix(Self.padded(factory)) && wrapped.hasSuffix(String(repeating: "6492", count: 16)))
        #expect(wrapped.contains(factoryCalldata.dropFirst(2)) && wrapped.contains(signatures[0].dropFirst(2)))
        let deployed = try TestContracts.send("deploy", of: .walletFactory, at: factory, args: [Self.address1, salt], on: node)
        let topics = try #require((deployed["logs"] as? [[String: Any]])?.first?["topics"] as? [String])
        #expect(topics.count == 3 && topics[1] == Self.padded(predicted) && topics[2] == Self.padded(Self.address1))
        #expect((try node.rpc("eth_getCode", [predicted, "latest"]) as? String)?.count ?? 0 > 2)
        #expect(try TestContracts.call("isValidSignature", of: .wallet1271, at: predicted, args: [hash, signatures[0]], on: node)
                as? [String] == ["0x1626ba7e"])
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func ensResolvesForwardAndReverseAsWeb3Does() throws {
        let node = try DevNode()
        let alice = try TestContracts.register("alice.eth", to: Self.address1, on: node)
        let bob = try TestContracts.register("bob.alice.eth", to: Self.address2, withReverse: false, on: node)
        #expect(bob.ens.registry == alice.ens.registry && bob.ens.resolver == alice.ens.resolver)
        #expect(bob.reverseNode == nil)
        let registry = alice.ens.registry
        let answers = try Web3Oracle.run(node.url, [
            ["op": "namehash", "name": "alice.eth"],
            ["op": "ensAddress", "registry": registry, "name": "alice.eth"],
            ["op": "ensAddress", "registry": registry, "name": "Bob.Alice.eth"],
            ["op": "ensName", "registry": registry, "address": Self.address1],
            ["op": "ensName", "registry": registry, "address": Self.address2],
            ["op": "ensAddress", "registry": registry, "name": "carol.eth"],
        ]).map { $0 as? [String: Any] ?? [:] }
        #expect(answers[0]["node"] as? String == alice.node)
        #expect(answers[1]["address"] as? String == Self.address1)
        #expect(answers[2]["address"] as? String == Self.address2)
        #expect(answers[3]["name"] as? String == "alice.eth")
        #expect(answers[4]["name"] is NSNull)
        #expect(answers[5]["address"] is NSNull)
        // The name belongs to its address; the registry's owner() and the resolver's interfaces.
        #expect(try TestContracts.call("owner", of: .ensRegistry, at: registry, args: [alice.node], on: node) as? [String] == [Self.address1])
        #expect(try TestContracts.call("supportsInterface", of: .publicResolver, at: alice.ens.resolver, args: ["0x3b3b57de"], on: node)
                as? [Bool] == [true])
        // Its owner, not the deployer, may now change the record.
        let setAddr = try TestContracts.calldata("setAddr", of: .publicResolver, args: [alice.node, Self.address2], on: node)
        if case .failed = try TestContracts.ethCall(to: alice.ens.resolver, data: setAddr, from: Self.address1, on: node) {
            Issue.record("the name's owner was refused")
        }
        if case .returned = try TestContracts.ethCall(to: alice.ens.resolver, data: setAddr, from: Self.address2, on: node) {
            Issue.record("a stranger could set the address")
        }
    }
}
