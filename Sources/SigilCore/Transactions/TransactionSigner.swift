/// Why a transaction could not be signed.
public enum TransactionSigningError: CategorizedError, Equatable {
    /// A legacy chain id so large that its EIP-155 v would not fit in 256 bits.
    case chainIdTooLarge
    /// The key could not sign.
    case key(KeyError)

    public var category: ErrorCategory {
        switch self {
        case .chainIdTooLarge: return .invalidInput
        case .key(let error): return error.category
        }
    }

    public var description: String {
        switch self {
        case .chainIdTooLarge: return "legacy chain id is too large for an EIP-155 v value"
        case .key(let error): return "cannot sign the transaction: \(error)"
        }
    }
}

extension PrivateKey {
    /// Signs `transaction` (RFC 6979, low s) and returns it with its EIP-2718 encoding.
    public func sign(_ transaction: some TransactionPayload) throws(TransactionSigningError) -> SignedTransaction {
        if let legacy = transaction as? LegacyTransaction, let chainId = legacy.chainId,
           chainId > LegacyTransaction.maxChainId {
            throw .chainIdTooLarge
        }
        do {
            return SignedTransaction(payload: transaction, signature: try sign(digest: transaction.signingHash()))
        } catch {
            throw .key(error)
        }
    }

    /// Signs an EIP-7702 authorization (RFC 6979, low s).
    public func sign(_ authorization: Authorization) throws(KeyError) -> SignedAuthorization {
        SignedAuthorization(authorization: authorization, signature: try sign(digest: authorization.signingHash()))
    }
}
