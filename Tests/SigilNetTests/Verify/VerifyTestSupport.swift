import Foundation
import SigilCore
import SigilNet
import SigilTestSupport

/// Reading the dev node's own answers for the verified-read tests.
enum VerifyTestSupport {
    struct Bad: Error, CustomStringConvertible { let description: String }

    static func hexBytes(_ value: Any?) throws -> [UInt8] {
        guard let text = value as? String else { throw Bad(description: "not a hex string: \(String(describing: value))") }
        return try Hex.decode(text)
    }

    static func quantity(_ value: Any?) throws -> UInt64 {
        guard let text = value as? String, let number = UInt64(text.dropFirst(2), radix: 16) else {
            throw Bad(description: "not a hex quantity: \(String(describing: value))")
        }
        return number
    }

    /// The node's latest block: (number, hash).
    static func latest(_ node: DevNode) throws -> (number: UInt64, hash: [UInt8]) {
        let block = try node.rpc("eth_getBlockByNumber", ["latest", false]) as? [String: Any]
        return (try quantity(block?["number"]), try hexBytes(block?["hash"]))
    }

    static func balance(_ node: DevNode, _ address: Address, at block: String = "latest") throws -> U256 {
        try U256(hexQuantity: node.rpc("eth_getBalance", [Hex.encode(address.bytes), block]) as? String ?? "")
    }

    /// Sends `tx` to the node (mined at once into its own block) and returns the node's receipt.
    static func mine(_ tx: SignedTransaction, on node: DevNode) throws -> [String: Any] {
        _ = try node.rpc("eth_sendRawTransaction", [Hex.encode(tx.rawBytes)])
        guard let receipt = try node.rpc("eth_getTransactionReceipt", [Hex.encode(tx.hash)]) as? [String: Any] else {
            throw Bad(description: "no receipt for \(Hex.encode(tx.hash))")
        }
        return receipt
    }
}
