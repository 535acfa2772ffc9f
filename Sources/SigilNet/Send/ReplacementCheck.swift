public import SigilCore

/// Why a transaction cannot be replaced: its nonce is already mined.
public struct NonceMinedError: CategorizedError, Equatable {
    public let nonce: UInt64
    /// The journaled transaction that was mined at this nonce, with where; nil when the chain
    /// used the nonce for a transaction this journal does not hold.
    public let minedHash: String?
    public let blockNumber: UInt64?
    public let succeeded: Bool?

    public var category: ErrorCategory { .nonceMined }

    public var description: String {
        guard let minedHash else {
            return "nonce \(nonce) is already mined (by a transaction not in the journal); nothing was signed or sent"
        }
        let where_ = blockNumber.map { " in block \($0)" } ?? ""
        let outcome = succeeded.map { $0 ? " (status 1, succeeded)" : " (status 0, reverted)" } ?? ""
        return "nonce \(nonce) is already mined: \(minedHash)\(where_)\(outcome); nothing was signed or sent (`sigil tx status \(minedHash)`)"
    }
}

/// Before `tx bump` / `tx cancel` sign anything: the journal and then the chain are asked
/// whether the nonce is still open. A nonce the chain has mined can never be replaced, and a
/// replacement signed for it would only be refused ("nonce too low").
public enum ReplacementCheck {
    /// Throws `NonceMinedError` when a journaled transaction at `nonce` is marked mined or
    /// reverted, or when the account's mined nonce count (`latestNonce`, from the peers) is past
    /// `nonce`; then the receipts of the journaled transactions at that nonce name the one mined.
    /// `receipt` looks a hash up on the peers (nil: none).
    public static func ensureOpen(nonce: UInt64, journaled: [JournalRecord], latestNonce: () throws -> UInt64?,
                                  receipt: ([UInt8]) throws -> TransactionReceipt?) throws {
        if let mined = journaled.last(where: { $0.status == .mined || $0.status == .reverted }) {
            let found = (try? receipt(mined.hash)) ?? nil
            throw NonceMinedError(nonce: nonce, minedHash: mined.hashHex, blockNumber: found?.blockNumber,
                                  succeeded: found?.status.map { $0 == 1 } ?? (mined.status == .mined))
        }
        guard let count = try latestNonce(), count > nonce else { return }
        for record in journaled.reversed() {
            if let found = (try? receipt(record.hash)) ?? nil {
                throw NonceMinedError(nonce: nonce, minedHash: record.hashHex, blockNumber: found.blockNumber,
                                      succeeded: found.status.map { $0 == 1 })
            }
        }
        throw NonceMinedError(nonce: nonce, minedHash: nil, blockNumber: nil, succeeded: nil)
    }
}
