import Foundation
import SigilCore
import SigilNet
import SigilTestSupport
import Testing

/// `ChainVerifier.proveReceipt` against the dev node: a transaction of every type the node mines
/// (0, 1, 2, 4, and a type-2 token transfer with a log) is proved in its block with the receipt
/// the node itself reports; a claimed block that is not the agreed one gives nil.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled)) struct ReceiptProofTests {
    typealias S = VerifyTestSupport
    let node: DevNode
    let gwei: U256 = 1_000_000_000

    init() throws { node = try DevNode() }

    /// One signed transaction of each type from key 7 (nonces 0…4), to key 10 or the token.
    func transactions(token: Address) throws -> [(label: String, tx: SignedTransaction)] {
        let key = try NetTestSupport.key(7)
        let to = try NetTestSupport.key(10).address
        let delegate = try NetTestSupport.key(8)
        let authorization = try delegate.sign(Authorization(chainId: 1337, address: to, nonce: 0))
        let transfer = [0xa9, 0x05, 0x9c, 0xbb] + [UInt8](repeating: 0, count: 12) + to.bytes + [UInt8](repeating: 0, count: 31) + [5]
        return [
            ("type 0 (EIP-155 legacy)", try key.sign(LegacyTransaction(chainId: 1337, nonce: 0, gasPrice: 10 * gwei, gasLimit: 21_000, to: to, value: 1))),
            ("type 1", try key.sign(AccessListTransaction(chainId: 1337, nonce: 1, gasPrice: 10 * gwei, gasLimit: 30_000, to: to, value: 2,
                                                          accessList: AccessList([.init(address: to)])))),
            ("type 2", try key.sign(DynamicFeeTransaction(chainId: 1337, nonce: 2, maxPriorityFeePerGas: gwei, maxFeePerGas: 10 * gwei,
                                                          gasLimit: 21_000, to: to, value: 3))),
            ("type 4", try key.sign(SetCodeTransaction(chainId: 1337, nonce: 3, maxPriorityFeePerGas: gwei, maxFeePerGas: 10 * gwei,
                                                       gasLimit: 100_000, to: to, value: 4, authorizationList: [authorization]))),
            ("type 2 token transfer (reverts: key 7 holds no token)",
             try key.sign(DynamicFeeTransaction(chainId: 1337, nonce: 4, maxPriorityFeePerGas: gwei, maxFeePerGas: 10 * gwei,
                                                gasLimit: 100_000, to: token, value: 0, data: transfer))),
            ("type 2 token transfer with a Transfer log",
             try NetTestSupport.key(1).sign(DynamicFeeTransaction(chainId: 1337, nonce: 0, maxPriorityFeePerGas: gwei, maxFeePerGas: 10 * gwei,
                                                                  gasLimit: 100_000, to: token, value: 0, data: transfer))),
        ]
    }

    @Test("a transaction of each type is proved with the receipt the node reports")
    func everyTypeIsProved() throws {
        let token = try Address(bytes: try S.hexBytes(try node.rpc("devnode_deployToken", [6])))
        let honest = try FaultPeer(upstream: node, .honest)
        let verifier = ChainVerifier(peers: [node.url, honest.url], timeout: 10, settings: VerificationSettings())
        var types: Set<UInt8> = []
        for (label, tx) in try transactions(token: token) {
            let mined = try S.mine(tx, on: node)
            let blockHash = try S.hexBytes(mined["blockHash"])
            let number = try S.quantity(mined["blockNumber"])
            let proved = try #require(try verifier.proveReceipt(of: tx.hash, blockNumber: number, blockHash: blockHash), "\(label)")
            let receipt = proved.value.receipt
            #expect(proved.block.hash == blockHash && proved.block.number == number, "\(label)")
            #expect(proved.block.agreeing == [node.url, honest.url] && proved.block.faults.isEmpty, "\(label)")
            #expect(proved.value.transactionHash == tx.hash, "\(label)")
            #expect(proved.value.index == Int(try S.quantity(mined["transactionIndex"])), "\(label)")
            #expect(proved.value.transactions[proved.value.index] == tx.rawBytes, "\(label)")
            #expect(UInt64(receipt.type) == (try S.quantity(mined["type"])) && receipt.type == tx.type.rawValue, "\(label)")
            #expect(receipt.cumulativeGasUsed == (try S.quantity(mined["cumulativeGasUsed"])), "\(label)")
            #expect(proved.value.gasUsed == (try S.quantity(mined["gasUsed"])), "\(label)")
            #expect(proved.value.succeeded == ((try S.quantity(mined["status"])) == 1), "\(label)")
            #expect(receipt.logsBloom == (try S.hexBytes(mined["logsBloom"])), "\(label)")
            let logs = try #require(mined["logs"] as? [[String: Any]])
            #expect(receipt.logs.count == logs.count, "\(label)")
            for (log, expected) in zip(receipt.logs, logs) {
                #expect(Hex.encode(log.address.bytes) == (expected["address"] as? String)?.lowercased(), "\(label)")
                #expect(log.data == (try S.hexBytes(expected["data"])), "\(label)")
            }
            types.insert(receipt.type)

            // What an offline bundle holds verifies to the same receipt.
            let bundle = ReceiptProofBundle(transactionHash: tx.hash, blockNumber: number, blockHash: blockHash,
                                            header: proved.block.header.rlp, transactionIndex: proved.value.index,
                                            transactions: proved.value.transactions, receipts: proved.value.receipts)
            let offline = try bundle.verify(pinned: blockHash)
            #expect(offline.receipt == receipt && offline.gasUsed == proved.value.gasUsed, "\(label)")
            #expect(offline.sender == (try tx.recoverSender(acceptingHighS: false)), "\(label)")
        }
        #expect(types == [0, 1, 2, 4])
        let last = try S.latest(node)
        let withLog = try #require(try verifier.proveReceipt(of: try transactions(token: token).last!.tx.hash, blockNumber: last.number,
                                                             blockHash: last.hash))
        #expect(withLog.value.receipt.logs.count == 1 && withLog.value.succeeded)
        let reverted = try transactions(token: token)[4].tx.hash
        let revertedBlock = try S.hexBytes((try node.rpc("eth_getTransactionReceipt", [Hex.encode(reverted)]) as? [String: Any])?["blockHash"])
        #expect(try verifier.proveReceipt(of: reverted, blockNumber: last.number - 1, blockHash: revertedBlock)?.value.succeeded == false)
    }

    @Test("a claimed block that is not the agreed one, or a block without the transaction, gives nil")
    func wrongBlockIsNil() throws {
        let tx = try NetTestSupport.transfer(from: 2, nonce: 0)
        let mined = try S.mine(tx, on: node)
        let number = try S.quantity(mined["blockNumber"])
        let blockHash = try S.hexBytes(mined["blockHash"])
        let verifier = ChainVerifier(peers: [node.url], timeout: 10, settings: VerificationSettings())
        #expect(try verifier.proveReceipt(of: tx.hash, blockNumber: number, blockHash: blockHash) != nil)
        var other = blockHash
        other[0] ^= 0xff
        #expect(try verifier.proveReceipt(of: tx.hash, blockNumber: number, blockHash: other) == nil)

        // The next block is agreed and proved, but does not hold the transaction.
        let next = try S.mine(try NetTestSupport.transfer(from: 2, nonce: 1), on: node)
        #expect(try verifier.proveReceipt(of: tx.hash, blockNumber: number + 1, blockHash: try S.hexBytes(next["blockHash"])) == nil)

        // A pin on another block does not stand in for agreement on the claimed one.
        let pinned = ChainVerifier(peers: [node.url], timeout: 10, settings: VerificationSettings(pinnedBlockHash: other))
        #expect(try pinned.proveReceipt(of: tx.hash, blockNumber: number, blockHash: blockHash)?.block.pinned == false)
    }
}
