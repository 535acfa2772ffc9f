#if canImport(Glibc)
import Glibc
#endif

/// Applies a `SigningPolicy` to transaction requests and message-signing requests.
///
/// The engine is pure: the running daily total comes in as a `PolicyState` (kept on disk by
/// `PolicyLedger`) and the current time from an injectable clock, so that a day boundary can
/// be tested. Rules are checked in a fixed order and the first refusal is reported.
public struct PolicyEngine: Sendable {
    public let policy: SigningPolicy
    /// Unix time in seconds (UTC).
    public let clock: @Sendable () -> Int64

    public init(policy: SigningPolicy, clock: @escaping @Sendable () -> Int64 = PolicyEngine.systemClock) {
        self.policy = policy
        self.clock = clock
    }

    /// The system's wall clock in Unix seconds.
    public static let systemClock: @Sendable () -> Int64 = { Int64(time(nil)) }

    /// The current UTC day number (days since 1970-01-01).
    public var today: Int64 { PolicyState.day(of: clock()) }

    /// Whether every rule allows signing `request`, given what was signed today (`state`).
    public func evaluate(request: TransactionRequest, state: PolicyState) -> PolicyDecision {
        let p = policy
        func ether(_ wei: U256) -> String { Amount.format(wei, as: .ether) + " ether" }
        func refuse(_ rule: String, _ reason: String) -> PolicyDecision { .refused(rule: rule, reason: reason) }

        if request.type == .setCode || !request.authorizationList.isEmpty, !p.allowAuthorizations {
            return refuse("allowAuthorizations", "type 4 (EIP-7702) transactions with authorizations are not allowed")
        }
        if let chains = p.chainIds {
            guard let chain = request.chainId else {
                return refuse("chainIds", "the request has no chain id")
            }
            guard chains.contains(chain) else {
                return refuse("chainIds", "chain \(ChainNames.describe(chain)) is not an allowed chain")
            }
        }
        if let decision = evaluateDestination(request), !decision.isAllowed { return decision }
        if let max = p.maxValueWei, request.value > max {
            return refuse("maxValueWei", "value \(ether(request.value)) exceeds \(ether(max))")
        }
        if let max = p.maxFeeCapWei {
            guard let cap = Self.feeCap(request) else { return refuse("maxFeeCapWei", "the fee cap overflows 256 bits") }
            if cap > max { return refuse("maxFeeCapWei", "fee cap \(ether(cap)) exceeds \(ether(max))") }
        }
        if let max = p.maxDailyValueWei {
            let spent = state.spent(onDay: today)
            let total = spent.addingReportingOverflow(request.value)
            if total.overflow || total.partialValue > max {
                return refuse("maxDailyValueWei",
                              "value \(ether(request.value)) plus \(ether(spent)) signed today (UTC) exceeds \(ether(max))")
            }
        }
        return .allowed
    }

    /// Whether signing a message (EIP-191 or EIP-712) is allowed.
    public func evaluateMessage() -> PolicyDecision {
        policy.allowMessages ? .allowed : .refused(rule: "allowMessages", reason: "message signing is not allowed")
    }

    /// The state after signing `request` now: today's total plus its value.
    public func recording(_ request: TransactionRequest, in state: PolicyState) -> PolicyState {
        let day = today
        let sum = state.spent(onDay: day).addingReportingOverflow(request.value)
        return PolicyState(day: day, spentWei: sum.overflow ? .max : sum.partialValue)
    }

    /// gas × (maxFeePerGas or gasPrice), plus blob gas × maxFeePerBlobGas; nil on overflow.
    public static func feeCap(_ request: TransactionRequest) -> U256? {
        let perGas = request.maxFeePerGas ?? request.gasPrice ?? .zero
        let gasCost = U256(request.gas).multipliedReportingOverflow(by: perGas)
        guard !gasCost.overflow else { return nil }
        guard request.type == .blob else { return gasCost.partialValue }
        let blobGas = U256(UInt64(request.blobVersionedHashes.count) << 17)
        let blobCost = blobGas.multipliedReportingOverflow(by: request.maxFeePerBlobGas ?? .zero)
        let sum = gasCost.partialValue.addingReportingOverflow(blobCost.partialValue)
        return blobCost.overflow || sum.overflow ? nil : sum.partialValue
    }

    /// Contract creation, recipients, contracts, selectors and the ERC-20 token recipient:
    /// a plain transfer's `to` must be in `recipients`; a call's `to` in `contracts`, or in
    /// `recipients` when `contracts` is absent; an ERC-20 call's recipient or spender in `recipients`.
    private func evaluateDestination(_ request: TransactionRequest) -> PolicyDecision? {
        let p = policy
        guard let to = request.to else {
            return p.allowContractCreation ? nil
                : .refused(rule: "allowContractCreation", reason: "contract creation is not allowed")
        }
        if request.data.isEmpty {
            if let recipients = p.recipients, !recipients.contains(to) {
                return .refused(rule: "recipients", reason: "recipient \(to) is not an allowed recipient")
            }
            return nil
        }
        if let contracts = p.contracts {
            if !contracts.contains(to) {
                return .refused(rule: "contracts", reason: "contract \(to) is not an allowed contract")
            }
        } else if let recipients = p.recipients, !recipients.contains(to) {
            // Without a `contracts` list, `recipients` bounds the `to` of calls too: otherwise any
            // call data (even one byte) would send value to an address the policy never named.
            return .refused(rule: "recipients", reason: "call to \(to), which is not an allowed recipient (no 'contracts' list is given)")
        }
        if let selectors = p.selectors {
            guard request.data.count >= 4 else {
                return .refused(rule: "selectors", reason: "the call data has no 4-byte selector")
            }
            let selector = Array(request.data.prefix(4))
            if !selectors.contains(selector) {
                return .refused(rule: "selectors", reason: "function selector \(Hex.encode(selector)) is not allowed")
            }
        }
        guard let recipients = p.recipients, let name = ERC20Call.functionName(request.data) else { return nil }
        guard let call = ERC20Call(data: request.data) else {
            return .refused(rule: "recipients", reason: "malformed ERC-20 \(name) call: its recipient cannot be checked")
        }
        switch call {
        case .transfer(let recipient, _), .transferFrom(_, let recipient, _):
            if !recipients.contains(recipient) {
                return .refused(rule: "recipients", reason: "token recipient \(recipient) is not an allowed recipient")
            }
        case .approve(let spender, _):
            if !recipients.contains(spender) {
                return .refused(rule: "recipients", reason: "token spender \(spender) is not an allowed recipient")
            }
        }
        return nil
    }
}
