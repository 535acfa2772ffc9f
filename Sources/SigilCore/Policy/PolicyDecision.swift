/// What a `PolicyEngine` decided about one request.
public enum PolicyDecision: Sendable, Equatable, CustomStringConvertible {
    /// Every rule allows the request.
    case allowed
    /// Refused by `rule` (a policy key, e.g. `maxValueWei`) for a one-line `reason`.
    case refused(rule: String, reason: String)

    public var isAllowed: Bool { self == .allowed }

    /// "allowed", or "refused by policy rule maxValueWei: value 2 ether exceeds 1 ether".
    public var description: String {
        switch self {
        case .allowed: "allowed"
        case .refused(let rule, let reason): "refused by policy rule \(rule): \(reason)"
        }
    }

    /// `{"allowed": true}` or `{"allowed": false, "rule": ..., "reason": ...}`.
    public var json: JSONValue {
        switch self {
        case .allowed: .object([("allowed", .bool(true))])
        case .refused(let rule, let reason):
            .object([("allowed", .bool(false)), ("rule", .string(rule)), ("reason", .string(reason))])
        }
    }

    /// The error to throw for a refusal (exit status 5 in the CLI), or nil when allowed.
    public var refusal: PolicyRefusal? {
        guard case .refused(let rule, let reason) = self else { return nil }
        return PolicyRefusal(rule: rule, reason: reason)
    }
}

/// A request refused by the signing policy.
public struct PolicyRefusal: CategorizedError, Equatable {
    public let rule: String
    public let reason: String

    public var category: ErrorCategory { .refusedByPolicy }
    public var description: String { PolicyDecision.refused(rule: rule, reason: reason).description }
}
