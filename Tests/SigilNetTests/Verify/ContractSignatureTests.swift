import Foundation
import Testing
import SigilCore
import SigilNet
import SigilTestSupport

/// ContractSignatureCheck against Wallet1271 (valid when the signature recovers its owner from
/// the hash itself) deployed directly, and counterfactually through WalletFactory (ERC-6492).
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ContractSignatureCheckTests {
    let node: DevNode
    let check: ContractSignatureCheck
    let owner = try! NetTestSupport.key(2)
    let hash = PersonalMessage.hash(Array("hello wallet".utf8))

    init() throws {
        node = try DevNode()
        check = ContractSignatureCheck(reader: NodeReader(client: JSONRPCClient(url: node.url, timeout: 10)))
    }

    func sign(_ digest: [UInt8], with key: PrivateKey) throws -> [UInt8] {
        try key.sign(digest: digest).bytes
    }

    @Test func deployedWalletAnswersByERC1271() throws {
        let wallet = try Address(parsing: TestContracts.deploy(.wallet1271, on: node, args: [owner.address.checksummed]))
        let good = try check.check(signer: wallet, hash: hash, signature: sign(hash, with: owner))
        #expect(good == ContractSignatureVerdict(method: .erc1271, valid: true, reason: nil))
        let stranger = try NetTestSupport.key(3)
        let bad = try #require(try check.check(signer: wallet, hash: hash, signature: sign(hash, with: stranger)))
        #expect(bad.method == .erc1271 && !bad.valid)
        // An account without code is left to ecrecover.
        #expect(try check.check(signer: owner.address, hash: hash, signature: sign(hash, with: owner)) == nil)
    }

    @Test func counterfactualWalletAnswersByERC6492() throws {
        let factory = try Address(parsing: TestContracts.walletFactory(on: node))
        let salt = "0x" + String(repeating: "ab", count: 32)
        let predicted = try #require(try TestContracts.call("addressOf", of: .walletFactory, at: factory.checksummed,
                                                             args: [owner.address.checksummed, salt], on: node).first as? String)
        let wallet = try Address(parsing: predicted)
        let deploy = try Hex.decode(TestContracts.calldata("deploy", of: .walletFactory, args: [owner.address.checksummed, salt], on: node))
        func wrapped(_ key: PrivateKey) throws -> [UInt8] {
            ERC6492Signature(factory: factory, factoryCalldata: deploy, signature: try sign(hash, with: key)).serialized
        }
        #expect(try node.rpc("eth_getCode", [wallet.checksummed, "latest"]) as? String == "0x")
        let good = try check.check(signer: wallet, hash: hash, signature: wrapped(owner))
        #expect(good == ContractSignatureVerdict(method: .erc6492, valid: true, reason: nil))
        let bad = try #require(try check.check(signer: wallet, hash: hash, signature: wrapped(try NetTestSupport.key(3))))
        #expect(bad.method == .erc6492 && !bad.valid)
        // Nothing was deployed: the check ran inside an eth_call.
        #expect(try node.rpc("eth_getCode", [wallet.checksummed, "latest"]) as? String == "0x")
        // Once deployed, the wrapped signature is answered by the wallet itself (ERC-1271).
        try TestContracts.send("deploy", of: .walletFactory, at: factory.checksummed, args: [owner.address.checksummed, salt], on: node)
        #expect(try check.check(signer: wallet, hash: hash, signature: wrapped(owner))?.method == .erc1271)
    }
}
