/// Why a node refused a transaction, read from its error message. The wording is geth's, which
/// most clients (and the test node) share; anything else is `.other` with the message kept.
public enum NodeRejection: Sendable, Equatable {
    /// "nonce too low": the account already used this nonce (often: this very transaction was mined).
    case nonceTooLow
    /// "nonce too high": an earlier nonce of the account is missing.
    case nonceTooHigh
    /// "insufficient funds for gas * price + value".
    case insufficientFunds
    /// "max fee per gas less than block base fee" (also "fee cap less than block base fee").
    case feeBelowBaseFee
    /// "intrinsic gas too low": the gas limit does not cover 21,000 plus the call data.
    case intrinsicGasTooLow
    /// "exceeds block gas limit".
    case gasLimitTooHigh
    /// "invalid chain id": signed for another chain.
    case invalidChainId
    /// "max priority fee per gas higher than max fee per gas" ("tip higher than fee cap").
    case tipAboveMaxFee
    /// "replacement transaction underpriced": a transaction with this nonce is pending.
    case replacementUnderpriced
    /// "transaction underpriced": below the node's minimum tip or gas price.
    case underpriced
    /// Any other reason (the node's message says it).
    case other

    /// Classifies a node's message (case-insensitive). "already known" is not a rejection
    /// (`Broadcaster` counts it as accepted) and classifies as `.other`.
    public init(message: String) {
        let text = message.lowercased()
        func has(_ words: String...) -> Bool { words.contains { text.contains($0) } }
        if has("nonce too low") { self = .nonceTooLow }
        else if has("nonce too high") { self = .nonceTooHigh }
        else if has("insufficient funds") { self = .insufficientFunds }
        else if has("less than block base fee") { self = .feeBelowBaseFee }
        else if has("intrinsic gas too low") { self = .intrinsicGasTooLow }
        else if has("exceeds block gas limit") { self = .gasLimitTooHigh }
        else if has("invalid chain id", "chain id mismatch", "incorrect chain id") { self = .invalidChainId }
        else if has("higher than max fee per gas", "tip higher than fee cap", "tip above fee cap") { self = .tipAboveMaxFee }
        else if has("replacement transaction underpriced", "replacement tx underpriced") { self = .replacementUnderpriced }
        else if has("transaction underpriced", "gas price too low") { self = .underpriced }
        else { self = .other }
    }

    /// A stable name for scripts (`reason` in `--json` errors): `nonce-too-low`, `nonce-too-high`,
    /// `insufficient-funds`, `fee-below-base-fee`, `intrinsic-gas-too-low`, `gas-limit-too-high`,
    /// `invalid-chain-id`, `tip-above-max-fee`, `replacement-underpriced`, `underpriced` or `other`.
    public var name: String {
        switch self {
        case .nonceTooLow: "nonce-too-low"
        case .nonceTooHigh: "nonce-too-high"
        case .insufficientFunds: "insufficient-funds"
        case .feeBelowBaseFee: "fee-below-base-fee"
        case .intrinsicGasTooLow: "intrinsic-gas-too-low"
        case .gasLimitTooHigh: "gas-limit-too-high"
        case .invalidChainId: "invalid-chain-id"
        case .tipAboveMaxFee: "tip-above-max-fee"
        case .replacementUnderpriced: "replacement-underpriced"
        case .underpriced: "underpriced"
        case .other: "other"
        }
    }

    /// What went wrong, in words (nil for `.other`: the node's message is all there is).
    public var summary: String? {
        switch self {
        case .nonceTooLow: "nonce too low: the account has already used this nonce"
        case .nonceTooHigh: "nonce too high: the node does not know the account's earlier nonces"
        case .insufficientFunds: "insufficient funds: the sender cannot pay value + gas limit × max fee"
        case .feeBelowBaseFee: "max fee per gas below the block's base fee"
        case .intrinsicGasTooLow: "gas limit below the intrinsic gas (21000 plus the call data)"
        case .gasLimitTooHigh: "gas limit above the block gas limit"
        case .invalidChainId: "invalid chain id: the transaction is signed for another chain"
        case .tipAboveMaxFee: "priority fee above the max fee per gas"
        case .replacementUnderpriced: "replacement underpriced: a transaction with this nonce is pending"
        case .underpriced: "fee below the node's minimum"
        case .other: nil
        }
    }

    /// What to do about it, for the transaction `hash`; nil when there is no useful advice.
    /// Never "rebroadcast": the same bytes would be refused again.
    public func hint(hash: String) -> String? {
        switch self {
        case .nonceTooLow: "if this transaction was already mined, `sigil tx status \(hash)` shows it; else sign again with the next nonce (`sigil nonce ADDRESS --block pending`)"
        case .nonceTooHigh: "send the missing nonces first, or sign again with `sigil nonce ADDRESS --block pending`"
        case .insufficientFunds: "check `sigil balance ADDRESS`; fund the account or lower the value or fees"
        case .feeBelowBaseFee: "sign again with a higher --max-fee (see `sigil fees`)"
        case .intrinsicGasTooLow: "sign again with a higher --gas-limit, or without it to use the node's estimate"
        case .gasLimitTooHigh: "sign again with a lower --gas-limit"
        case .invalidChainId: "sign it for the peers' chain (`sigil chain-id`)"
        case .tipAboveMaxFee: "sign again with --priority-fee at most --max-fee"
        case .replacementUnderpriced: "raise both fees by at least 10%: `sigil tx bump NONCE --from ACCOUNT`"
        case .underpriced: "sign again with higher fees (see `sigil fees`)"
        case .other: nil
        }
    }
}

extension PeerBroadcast {
    /// The node's reason when it rejected the transaction, classified; nil otherwise.
    public var rejection: (reason: NodeRejection, message: String)? {
        guard case .rejected(let message) = outcome else { return nil }
        return (NodeRejection(message: message), message)
    }
}
