public import SigilCore

/// What the peers can show now about one transaction's receipt (`sigil receipt` without
/// `--wait`): mined (proved with a verifier), pending in some peer's pool, or unknown.
public enum ReceiptRead {
    /// The receipt of `hash`: with a verifier, only once proved (its block agreed by the peers,
    /// the transaction in its transactionsRoot, the receipt in its receiptsRoot). Throws
    /// `TransactionNotMined` (pending or unknown: the message says which), a network error when
    /// no peer answered, `VerificationError.unproven` when receipts were claimed but none proved,
    /// and `RPCError.malformed` naming the peer and field when a receipt cannot be read.
    public static func now(_ hash: [UInt8], peers: [String], timeout: Double, verifier: ChainVerifier?) throws -> TransactionReceipt {
        let report = TransactionLookupReport.look(up: hash, peers: peers, timeout: timeout, verifier: verifier)
        if case .mined(let receipt) = report.lookup { return receipt }
        if !report.unproven.isEmpty { throw VerificationError.unproven(what: "the receipt of \(Hex.encode(hash))", faults: report.unproven) }
        if let unreadable = report.failures.first(where: { $0.reason.contains("eth_getTransactionReceipt: ") }) {
            let prefix = "malformed JSON-RPC response: "
            let reason = unreadable.reason.hasPrefix(prefix) ? String(unreadable.reason.dropFirst(prefix.count)) : unreadable.reason
            throw RPCError.malformed("\(unreadable.url) answered a receipt Sigil cannot read: \(reason)")
        }
        guard report.answered > 0 else {
            throw RPCError.malformed("no peer answered: " + report.failures.map(\.description).joined(separator: "; "))
        }
        if case .pending(let holders) = report.lookup { throw TransactionPending(hash: hash, holders: holders) }
        throw TransactionNotMined(hash: hash)
    }
}

/// Known to some peers but not mined yet.
public struct TransactionPending: CategorizedError, Equatable {
    public let hash: [UInt8]
    public let holders: [String]
    public var category: ErrorCategory { .notFound }
    public var description: String {
        "\(Hex.encode(hash)) is not mined yet (pending at \(holders.joined(separator: ", "))); --wait waits for it"
    }
}

extension TransactionReceipt {
    /// The price paid per gas: as the proof establishes it when the receipt is proved, else
    /// the peer's `effectiveGasPrice`.
    public var paidGasPrice: U256? { provedEffectiveGasPrice ?? effectiveGasPrice }

    /// Wei paid for gas: gasUsed × `paidGasPrice`, plus blobGasUsed × blobGasPrice for a blob
    /// transaction. Nil when the peer gave no effective gas price.
    public var feePaid: U256? {
        guard let price = paidGasPrice else { return nil }
        var fee = price * U256(gasUsed)
        if let blobGasUsed, let blobGasPrice { fee += blobGasPrice * U256(blobGasUsed) }
        return fee
    }

    /// The effective gas price as the proof establishes it: from the proved transaction's fee
    /// fields and the trusted header's base fee (legacy and type 1: the gas price; types 2–4:
    /// base fee + min(tip, max fee − base fee)). Nil without a proof.
    public var provedEffectiveGasPrice: U256? {
        guard let proof = verification, proof.value.index < proof.value.transactions.count,
              let signed = try? SignedTransaction.decode(proof.value.transactions[proof.value.index]) else { return nil }
        return Self.effectiveGasPrice(of: signed.payload, baseFee: proof.block.header.baseFeePerGas)
    }

    /// The price per gas a transaction pays in a block with `baseFee`.
    public static func effectiveGasPrice(of payload: any TransactionPayload, baseFee: U256?) -> U256? {
        if let legacy = payload as? LegacyTransaction { return legacy.gasPrice }
        if let typeOne = payload as? AccessListTransaction { return typeOne.gasPrice }
        guard let market = payload as? any FeeMarketTransaction else { return nil }
        let base = baseFee ?? .zero
        guard market.maxFeePerGas >= base else { return nil }
        return base + min(market.maxPriorityFeePerGas, market.maxFeePerGas - base)
    }
}
