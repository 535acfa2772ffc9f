/// Fees for a replacement transaction (`tx bump`, `tx cancel`): the same nonce, higher fees.
///
/// Nodes accept a replacement only if *both* fee fields rise by at least 10% (geth's default
/// price bump) and strictly exceed the old ones. The minimum for an old fee `f` is therefore
/// `max(ceil(f × 11 / 10), f + 1)`, computed in exact integer arithmetic (the `+ 1` only
/// matters for fees below 10 wei, including zero).
public enum FeeBump {
    /// New EIP-1559 fees.
    public struct DynamicFees: Sendable, Equatable {
        public var maxFeePerGas: U256
        public var maxPriorityFeePerGas: U256

        public init(maxFeePerGas: U256, maxPriorityFeePerGas: U256) {
            self.maxFeePerGas = maxFeePerGas
            self.maxPriorityFeePerGas = maxPriorityFeePerGas
        }
    }

    /// The smallest fee a node accepts in place of `old`.
    public static func minimum(replacing old: U256) throws(FeeBumpError) -> U256 {
        guard let times11 = try? old.checkedMul(11) else { throw .overflow(field: "fee") }
        let (quotient, remainder) = times11.quotientAndRemainder(dividingBy: 10 as UInt64)
        let ceiling = remainder == 0 ? quotient : quotient + 1
        return ceiling > old ? ceiling : old + 1
    }

    /// New fees for a dynamic-fee (type 2, 3, 4) transaction.
    ///
    /// A field that is not requested gets its minimum. A requested value below its minimum is
    /// an error naming that minimum. If the priority fee ends up above the max fee, the max fee
    /// is raised to it when the max fee was not requested; otherwise that is an error.
    public static func dynamic(
        oldMaxFeePerGas: U256, oldMaxPriorityFeePerGas: U256,
        requestedMaxFeePerGas: U256? = nil, requestedMaxPriorityFeePerGas: U256? = nil
    ) throws(FeeBumpError) -> DynamicFees {
        let minimumMaxFee = try minimum(replacing: oldMaxFeePerGas, field: "maxFeePerGas")
        let minimumPriority = try minimum(replacing: oldMaxPriorityFeePerGas, field: "maxPriorityFeePerGas")
        let priority = try pick(requestedMaxPriorityFeePerGas, minimum: minimumPriority, field: "maxPriorityFeePerGas")
        var maxFee = try pick(requestedMaxFeePerGas, minimum: minimumMaxFee, field: "maxFeePerGas")
        if priority > maxFee {
            guard requestedMaxFeePerGas == nil else {
                throw .priorityAboveMaxFee(maxPriorityFeePerGas: priority, maxFeePerGas: maxFee)
            }
            maxFee = priority
        }
        return DynamicFees(maxFeePerGas: maxFee, maxPriorityFeePerGas: priority)
    }

    /// The new gas price for a legacy or access-list transaction.
    public static func legacy(oldGasPrice: U256, requestedGasPrice: U256? = nil) throws(FeeBumpError) -> U256 {
        let minimumPrice = try minimum(replacing: oldGasPrice, field: "gasPrice")
        return try pick(requestedGasPrice, minimum: minimumPrice, field: "gasPrice")
    }

    private static func minimum(replacing old: U256, field: String) throws(FeeBumpError) -> U256 {
        do { return try minimum(replacing: old) } catch { throw .overflow(field: field) }
    }

    private static func pick(_ requested: U256?, minimum: U256, field: String) throws(FeeBumpError) -> U256 {
        guard let requested else { return minimum }
        guard requested >= minimum else { throw .belowMinimum(field: field, requested: requested, minimum: minimum) }
        return requested
    }
}

/// Why replacement fees could not be chosen.
public enum FeeBumpError: CategorizedError, Equatable {
    /// A requested fee is below the +10% minimum.
    case belowMinimum(field: String, requested: U256, minimum: U256)
    /// The requested priority fee exceeds the requested max fee.
    case priorityAboveMaxFee(maxPriorityFeePerGas: U256, maxFeePerGas: U256)
    /// The old fee is so large that +10% does not fit in 256 bits.
    case overflow(field: String)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .belowMinimum(let field, let requested, let minimum):
            "\(field) \(requested) wei is too low to replace the pending transaction; the minimum is \(minimum) wei (+10%)"
        case .priorityAboveMaxFee(let priority, let maxFee):
            "maxPriorityFeePerGas \(priority) wei exceeds maxFeePerGas \(maxFee) wei"
        case .overflow(let field):
            "\(field) cannot be raised by 10%: the result exceeds 2^256 - 1"
        }
    }
}
