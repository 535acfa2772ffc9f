import Foundation
import SigilCore

/// Helpers shared by the journal tests.
enum JournalTestSupport {
    static let account = try! Address(parsing: "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    static let recipient = try! Address(parsing: "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")

    /// A record with fake but self-consistent bytes: raw = nonce ‖ salt, hash = keccak(raw).
    static func record(
        nonce: UInt64, salt: String = "", status: JournalStatus = .pending, batchKey: String? = nil,
        maxFee: U256 = 30_000_000_000, priority: U256? = 1_000_000_000
    ) -> JournalRecord {
        var raw: [UInt8] = [0x02]
        withUnsafeBytes(of: nonce.bigEndian) { raw.append(contentsOf: $0) }
        raw.append(contentsOf: Array((salt + (batchKey ?? "")).utf8))
        return JournalRecord(
            nonce: nonce, hash: Keccak256.hash(raw), raw: raw, type: "0x2", to: recipient, value: 1_000,
            maxFeePerGas: maxFee, maxPriorityFeePerGas: priority, createdAt: 1_700_000_000,
            peers: ["http://127.0.0.1:8545"], status: status, batchKey: batchKey)
    }

    static func journal(in directory: URL) -> TransactionJournal {
        TransactionJournal(directory: directory.path + "/journal", chainId: 1, address: account)
    }
}
