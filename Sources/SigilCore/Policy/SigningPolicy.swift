/// The rules of an unattended signer (`sigil-signer --policy FILE`), read from a JSON file.
///
/// The file is a JSON object (read by SigilCore's strict `JSONParser`: duplicate keys and
/// trailing bytes refused) with only these keys, all optional; unknown keys are refused and
/// named. A list rule that is absent does not restrict; an empty list allows nothing.
/// - `chainIds`: allowed chain ids (numbers or quantity strings);
/// - `recipients`: allowed `to` addresses of plain transfers, and of calls too when
///   `contracts` is absent; and allowed token recipients or spenders of ERC-20 `transfer`,
///   `approve` and `transferFrom` calls (always);
/// - `contracts`: allowed `to` addresses of calls (any transaction with call data); when
///   given, `recipients` no longer restricts the `to` of calls;
/// - `selectors`: allowed 4-byte function selectors (`"0xa9059cbb"`);
/// - `maxValueWei`, `maxFeeCapWei`, `maxDailyValueWei`: limits in wei (decimal or `0x`
///   strings, or JSON integers); the daily total is over a UTC day;
/// - `allowContractCreation`, `allowMessages`, `allowAuthorizations`: booleans, default false.
public struct SigningPolicy: Sendable, Equatable {
    public var chainIds: Set<U256>?
    public var recipients: Set<Address>?
    public var contracts: Set<Address>?
    public var selectors: Set<[UInt8]>?
    public var maxValueWei: U256?
    public var maxFeeCapWei: U256?
    public var maxDailyValueWei: U256?
    public var allowContractCreation: Bool
    public var allowMessages: Bool
    public var allowAuthorizations: Bool

    /// The largest policy file read: 1 MiB.
    public static let maximumSize = 1 << 20

    /// The keys a policy file may hold.
    public static let keys = ["chainIds", "recipients", "contracts", "selectors", "maxValueWei", "maxFeeCapWei",
                              "maxDailyValueWei", "allowContractCreation", "allowMessages", "allowAuthorizations"]

    /// A policy with the given rules; absent rules do not restrict, the flags default to false.
    public init(chainIds: Set<U256>? = nil, recipients: Set<Address>? = nil, contracts: Set<Address>? = nil,
                selectors: Set<[UInt8]>? = nil, maxValueWei: U256? = nil, maxFeeCapWei: U256? = nil,
                maxDailyValueWei: U256? = nil, allowContractCreation: Bool = false, allowMessages: Bool = false,
                allowAuthorizations: Bool = false) {
        self.chainIds = chainIds
        self.recipients = recipients
        self.contracts = contracts
        self.selectors = selectors
        self.maxValueWei = maxValueWei
        self.maxFeeCapWei = maxFeeCapWei
        self.maxDailyValueWei = maxDailyValueWei
        self.allowContractCreation = allowContractCreation
        self.allowMessages = allowMessages
        self.allowAuthorizations = allowAuthorizations
    }

    /// Reads a policy file's bytes; see the type's documentation for the format.
    public static func parse(_ bytes: [UInt8]) throws(PolicyError) -> SigningPolicy {
        guard bytes.count <= maximumSize else { throw PolicyError("policy file is larger than 1 MiB") }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw PolicyError("policy file is not valid JSON: \(error)")
        }
        guard case .object(let members) = json else {
            throw PolicyError("policy file must be a JSON object, found \(json.kindName)")
        }
        let unknown = members.map(\.0).filter { !keys.contains($0) }
        guard unknown.isEmpty else {
            let names = unknown.map { "'\($0)'" }.joined(separator: ", ")
            throw PolicyError("policy file has unknown key\(unknown.count == 1 ? "" : "s") \(names) (known: \(keys.joined(separator: ", ")))")
        }
        var policy = SigningPolicy()
        for (key, value) in members {
            switch key {
            case "chainIds": policy.chainIds = try Set(list(key, value).map { item throws(PolicyError) in try quantity(key, item) })
            case "recipients": policy.recipients = try Set(list(key, value).map { item throws(PolicyError) in try address(key, item) })
            case "contracts": policy.contracts = try Set(list(key, value).map { item throws(PolicyError) in try address(key, item) })
            case "selectors": policy.selectors = try Set(list(key, value).map { item throws(PolicyError) in try selector(key, item) })
            case "maxValueWei": policy.maxValueWei = try quantity(key, value)
            case "maxFeeCapWei": policy.maxFeeCapWei = try quantity(key, value)
            case "maxDailyValueWei": policy.maxDailyValueWei = try quantity(key, value)
            case "allowContractCreation": policy.allowContractCreation = try flag(key, value)
            case "allowMessages": policy.allowMessages = try flag(key, value)
            default: policy.allowAuthorizations = try flag(key, value)
            }
        }
        return policy
    }

    /// Reads a policy from text.
    public static func parse(_ text: String) throws(PolicyError) -> SigningPolicy {
        try parse(Array(text.utf8))
    }

    private static func list(_ key: String, _ value: JSONValue) throws(PolicyError) -> [JSONValue] {
        guard case .array(let items) = value else { throw PolicyError("policy '\(key)' must be an array, found \(value.kindName)") }
        return items
    }

    private static func quantity(_ key: String, _ value: JSONValue) throws(PolicyError) -> U256 {
        let text: String
        switch value {
        case .string(let string): text = string
        case .number(let literal): text = literal
        default: throw PolicyError("policy '\(key)' must hold integers (numbers or strings), found \(value.kindName)")
        }
        guard let number = try? U256(parsing: text) else {
            throw PolicyError("policy '\(key)': \(quoted(text)) is not a non-negative integer (decimal or 0x hex)")
        }
        return number
    }

    private static func address(_ key: String, _ value: JSONValue) throws(PolicyError) -> Address {
        guard case .string(let text) = value else { throw PolicyError("policy '\(key)' must hold address strings, found \(value.kindName)") }
        do {
            return try Address(parsing: text)
        } catch {
            throw PolicyError("policy '\(key)': \(error)")
        }
    }

    private static func selector(_ key: String, _ value: JSONValue) throws(PolicyError) -> [UInt8] {
        guard case .string(let text) = value, text.hasPrefix("0x"), let bytes = try? Hex.decode(text), bytes.count == 4 else {
            throw PolicyError("policy '\(key)' must hold 4-byte selectors like \"0xa9059cbb\"")
        }
        return bytes
    }

    private static func flag(_ key: String, _ value: JSONValue) throws(PolicyError) -> Bool {
        guard case .bool(let flag) = value else { throw PolicyError("policy '\(key)' must be true or false, found \(value.kindName)") }
        return flag
    }

    private static func quoted(_ text: String) -> String {
        "\"" + String(text.prefix(80)).filter { $0.isASCII && !$0.isNewline } + "\""
    }
}

/// A policy file that could not be read.
public struct PolicyError: CategorizedError, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var category: ErrorCategory { .invalidInput }
    public var description: String { message }
}
