import SigilCore

/// What the user asked to send, before the chain fills in chain id, nonce, fees and gas.
public struct PaymentIntent: Sendable {
    public var to: Address?
    public var value: U256
    public var data: [UInt8]
    public var gasLimit: UInt64?
    public var maxFeePerGas: U256?
    public var maxPriorityFeePerGas: U256?
    public var legacy: Bool
    /// The chain the user expects; the peers must agree.
    public var expectedChainId: U256?

    public init(to: Address?, value: U256, data: [UInt8] = [], gasLimit: UInt64? = nil, maxFeePerGas: U256? = nil,
                maxPriorityFeePerGas: U256? = nil, legacy: Bool = false, expectedChainId: U256? = nil) {
        self.to = to
        self.value = value
        self.data = data
        self.gasLimit = gasLimit
        self.maxFeePerGas = maxFeePerGas
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.legacy = legacy
        self.expectedChainId = expectedChainId
    }

    /// The gas limit from an estimate: +20% margin, at least 21,000.
    public static func gasLimit(fromEstimate estimate: UInt64) -> UInt64 {
        let (product, overflow) = estimate.multipliedReportingOverflow(by: 6)
        return overflow ? estimate : max(21_000, (product + 4) / 5)
    }

    /// The unsigned request: the intent completed from one snapshot of the chain.
    /// Fees: EIP-1559 max fee = 2 × next base fee + tip unless given; legacy gas price =
    /// next base fee + 12.5% (one block of base-fee growth) + tip unless given.
    public func request(from: Address, snapshot: ChainSnapshot) throws -> TransactionRequest {
        if let expectedChainId, expectedChainId != snapshot.chainId {
            throw SendError.wrongChain(expected: expectedChainId, actual: snapshot.chainId)
        }
        let gas = gasLimit ?? snapshot.gasEstimate.map(Self.gasLimit(fromEstimate:)) ?? 21_000
        let tip = maxPriorityFeePerGas ?? snapshot.suggestedTip
        if legacy {
            let price = maxFeePerGas ?? (snapshot.nextBaseFee &+ (snapshot.nextBaseFee >> 3) &+ tip)
            return TransactionRequest(type: .legacy, chainId: snapshot.chainId, nonce: snapshot.pendingNonce, from: from, to: to,
                                      value: value, data: data, gas: gas, gasPrice: price)
        }
        let maxFee = maxFeePerGas ?? snapshot.maxFeePerGas
        return TransactionRequest(type: .dynamicFee, chainId: snapshot.chainId, nonce: snapshot.pendingNonce, from: from, to: to,
                                  value: value, data: data, gas: gas, maxFeePerGas: maxFee,
                                  maxPriorityFeePerGas: tip > maxFee ? maxFee : tip)
    }

    /// The one-batch read this intent needs.
    public func query(from: Address) -> ChainQuery {
        ChainQuery(from: from, to: to, value: value, data: data, estimateGas: gasLimit == nil, includeBalance: true)
    }
}

public enum SendError: CategorizedError, Equatable {
    case wrongChain(expected: U256, actual: U256)
    case quorumNotReached(accepted: Int, required: Int, hash: String)
    /// Every peer refused the transaction; the first peer's reason, classified, and its message.
    case rejected(NodeRejection, message: String, hash: String)
    case reverted(hash: String, gasUsed: UInt64)
    case receiptTimeout(hash: String, seconds: Double)
    /// The very same signed transaction (same nonce, fees and fields) is in the journal already,
    /// with its status and the reason a peer gave: sending it again would change nothing.
    case alreadyJournaled(hash: String, nonce: UInt64, status: JournalStatus, reason: String?)

    public var category: ErrorCategory {
        switch self {
        case .alreadyJournaled: .invalidInput
        case .wrongChain: .refusedByPolicy
        case .quorumNotReached, .rejected: .network
        case .reverted: .reverted
        case .receiptTimeout: .timedOut
        }
    }

    public var description: String {
        switch self {
        case .wrongChain(let expected, let actual):
            "the peers are on chain \(actual.decimalString), not the expected \(expected.decimalString); nothing was signed"
        case .quorumNotReached(let accepted, let required, let hash):
            "only \(accepted) peer(s) accepted \(hash), \(required) required; it is journaled: `sigil tx rebroadcast \(hash)` retries the same bytes"
        case .rejected(let reason, let message, let hash):
            "the node refused \(hash): " + (reason.summary.map { "\($0) (\"\(DisplayText.escaped(message))\")" } ?? DisplayText.escaped(message))
                + (reason.hint(hash: hash).map { "; \($0)" } ?? "")
        case .reverted(let hash, let gasUsed):
            "transaction \(hash) was mined but REVERTED (status 0, \(gasUsed) gas used); the value was not transferred"
        case let .alreadyJournaled(hash, nonce, status, reason):
            status == .rejected
                ? "this exact transaction (\(hash), nonce \(nonce)) was already refused by every peer"
                    + (reason.map { ": \(DisplayText.escaped($0))" } ?? "")
                    + "; the same bytes would be refused again. Re-sign it: `sigil tx bump \(hash)` (same nonce, fees +10%), "
                    + "or change the fees (--max-fee, --priority-fee) or the value so that it is a new transaction"
                : "this exact transaction (\(hash), nonce \(nonce)) is already journaled as \(status.rawValue); "
                    + "`sigil tx status \(hash)` shows it, `sigil tx rebroadcast \(hash)` sends the same bytes again"
        case .receiptTimeout(let hash, let seconds):
            "no receipt for \(hash) after \(Int(seconds)) s; it was not resent. Check with `sigil tx status \(hash)`, or replace it with `sigil tx bump \(hash)`"
        }
    }

    /// A machine-readable reason for `--json` errors: the node rejection's name.
    public var reasonName: String? {
        if case .rejected(let reason, _, _) = self { return reason.name }
        return nil
    }

    /// Why a broadcast that did not reach `quorum` failed: `.rejected` with the first peer's
    /// classified reason when every peer refused it (sending the same bytes again cannot help),
    /// else `.quorumNotReached` (some peers were unreachable or slow: a rebroadcast may help).
    public static func broadcastFailed(_ report: BroadcastReport, quorum: Int, hash: String) -> SendError {
        let rejections = report.peers.compactMap(\.rejection)
        if report.acceptedCount == 0, rejections.count == report.peers.count, let first = rejections.first {
            return .rejected(first.reason, message: first.message, hash: hash)
        }
        return .quorumNotReached(accepted: report.acceptedCount, required: quorum, hash: hash)
    }
}

extension SendError: ReasonedError {}
