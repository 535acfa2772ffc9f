public import SigilCore

/// `tx bump` and `tx cancel`, without the command: the replacing request (same nonce, fees raised
/// by `FeeBump`'s rule; for a cancel, a 21,000-gas zero-value transfer to oneself), the check
/// that the nonce is still open on chain, and the replacement journaled before it is broadcast.
public enum TransactionReplacement {
    /// The request that replaces `record` (sent by `from`). `maxFee`/`priorityFee` are the
    /// user's fees in wei (nil: the old ones raised by the minimum).
    public static func request(replacing record: JournalRecord, from: Address, maxFee: U256?, priorityFee: U256?,
                               cancel: Bool) throws -> TransactionRequest {
        let old = try SignedTransaction.decode(record.raw)
        var request = TransactionRequest(payload: old.payload, from: from)
        if let price = request.gasPrice {
            request.gasPrice = try FeeBump.legacy(oldGasPrice: price, requestedGasPrice: maxFee)
        } else if let maxFeePerGas = request.maxFeePerGas, let tip = request.maxPriorityFeePerGas {
            let fees = try FeeBump.dynamic(oldMaxFeePerGas: maxFeePerGas, oldMaxPriorityFeePerGas: tip,
                                           requestedMaxFeePerGas: maxFee, requestedMaxPriorityFeePerGas: priorityFee)
            request.maxFeePerGas = fees.maxFeePerGas
            request.maxPriorityFeePerGas = fees.maxPriorityFeePerGas
        }
        guard cancel else { return request }
        request.to = from
        request.value = .zero
        request.data = []
        request.gas = 21_000
        request.accessList = AccessList()
        if request.type == .setCode || request.type == .blob {
            request.type = .dynamicFee
            request.authorizationList = []
            request.blobVersionedHashes = []
            request.maxFeePerBlobGas = nil
        }
        return request
    }

    /// Refuses (`NonceMinedError`, exit 12) when `record`'s nonce is already used on chain: by a
    /// journaled transaction the journal or the peers know to be mined, or by the account's
    /// mined nonce. `reader` nil (no JSON-RPC peer) checks the journal only.
    public static func ensureOpen(_ record: JournalRecord, in journal: TransactionJournal, reader: NodeReader?) throws {
        let journaled = try journal.withLock(timeout: 120) { $0.records(nonce: record.nonce) }
        try ReplacementCheck.ensureOpen(nonce: record.nonce, journaled: journaled,
                                        latestNonce: { try reader?.nonce(of: journal.address, at: .latest) },
                                        receipt: { hash in try reader?.receipt(hash: hash) })
    }

    /// Signs `request` with `key` and journals it as the replacement of `record` (durably,
    /// before the caller broadcasts it).
    public static func signAndJournal(_ request: TransactionRequest, replacing record: JournalRecord, cancel: Bool,
                                      key: PrivateKey, journal: TransactionJournal, peers: [String]) throws -> SignedTransaction {
        try journal.withLock(timeout: 120) { session -> SignedTransaction in
            let signed = try key.sign(request.payload())
            var replacement = record
            replacement.hash = signed.hash
            replacement.raw = signed.rawBytes
            replacement.to = request.to
            replacement.value = request.value
            replacement.maxFeePerGas = request.maxFeePerGas ?? request.gasPrice ?? .zero
            replacement.maxPriorityFeePerGas = request.maxPriorityFeePerGas
            replacement.status = .pending
            replacement.peers = peers
            replacement.createdAt = JournalRecord.now()
            replacement.note = (cancel ? "cancels " : "bumps ") + record.hashHex
            try session.append(replacement)
            return signed
        }
    }
}
