import Foundation
import SigilTestSupport
import Testing

extension NetworkCommandTests {
    /// A blob (type 3) transaction: signed by `sign tx` (the plain form, over the versioned hash),
    /// wrapped with its sidecar (blob, commitment, proof: the KZG oracle), then `broadcast` in that
    /// network form — which the node requires — and mined with the exact balances, blob gas
    /// included. The journal keeps the network form, so `tx rebroadcast` can send it to a peer
    /// that has not seen it.
    @Test func broadcastBlobTransactionInNetworkForm() throws {
        let from = try address(3), to = try address(8)
        let data = "0x" + Array("sigil blob payload".utf8).map { String(format: "%02x", $0) }.joined()
        let versionedHash = try #require((try PythonOracle.run("blob_sidecar.py", input: ["data": data]) as? [String: Any])?["versionedHash"] as? String)
        let request: [String: Any] = ["format": "sigil.unsigned-tx/1", "type": "0x3", "chainId": "1337", "nonce": "0", "from": from, "to": to,
                                      "value": "777", "data": "0x", "gas": "21000", "maxFeePerGas": "20000000000",
                                      "maxPriorityFeePerGas": "1000000000", "accessList": [], "maxFeePerBlobGas": "1000000000",
                                      "blobVersionedHashes": [versionedHash]]
        let file = home.url.appendingPathComponent("blob.json")
        try JSONSerialization.data(withJSONObject: request).write(to: file)
        let s = try CLI.run("sigil", ["sign", "tx", file.path, "--private-key-file", try keyFile(3), "--json"])
        #expect(s.status == 0, "\(s.stderrText)")
        let plain = try #require(try jsonOutput(s)["raw"] as? String), hash = try #require(try jsonOutput(s)["hash"] as? String)
        // Without its sidecar the node refuses it, as geth does.
        do {
            _ = try nodes[0].rpc("eth_sendRawTransaction", [plain])
            Issue.record("the node took a blob transaction without its sidecar")
        } catch let error as DevNode.RPCError {
            #expect(error.message == "missing sidecar in blob transaction")
        }
        let wrapped = try #require(try PythonOracle.run("blob_sidecar.py", input: ["data": data, "signed": plain]) as? [String: Any])
        let networkForm = home.url.appendingPathComponent("blob.network.hex")
        try #require(wrapped["networkForm"] as? String).write(to: networkForm, atomically: true, encoding: .utf8)

        let before = (try balance(from), try balance(to))
        // The node checks the blob against its versioned hash with eth-account, which loads the
        // KZG trusted setup each time: seconds on a busy machine, hence the long --timeout.
        let b = try run(["broadcast", networkForm.path, "--json", "--timeout", "90"])
        #expect(b.status == 0, "\(b.stderrText)")
        #expect(try jsonOutput(b)["transactionHash"] as? String == hash)
        #expect(((try jsonOutput(b)["peers"]) as? [[String: Any]])?.map { $0["outcome"] as? String } == ["accepted"])
        let receipt = try #require(try nodes[0].rpc("eth_getTransactionReceipt", [hash]) as? [String: Any])
        #expect(receipt["status"] as? String == "0x1" && receipt["type"] as? String == "0x3")
        let blobGasUsed = hexDecimal(try #require(receipt["blobGasUsed"] as? String))
        #expect(blobGasUsed == 131_072, "one blob")
        let fee = hexDecimal(receipt["gasUsed"] as! String) * hexDecimal(receipt["effectiveGasPrice"] as! String)
            + blobGasUsed * hexDecimal(try #require(receipt["blobGasPrice"] as? String))
        #expect(try balance(from) == before.0 - 777 - fee)
        #expect(try balance(to) == before.1 + 777)

        // The journaled bytes are the network form: another peer takes them and mines the same transaction.
        let again = try run(["tx", "rebroadcast", hash, "--json", "--timeout", "90"], peers: [nodes[1]])
        #expect(again.status == 0, "\(again.stderrText)")
        #expect(((try jsonOutput(again)["peers"]) as? [[String: Any]])?.map { $0["outcome"] as? String } == ["accepted"], "\(again.stdoutText)")
        let elsewhere = try #require(try nodes[1].rpc("eth_getTransactionReceipt", [hash]) as? [String: Any])
        #expect(elsewhere["status"] as? String == "0x1" && elsewhere["blobGasUsed"] as? String == receipt["blobGasUsed"] as? String)
    }
}
