/// The signer's own decoding of the three ERC-20 calls that move or grant tokens:
/// `transfer(address,uint256)`, `approve(address,uint256)` and
/// `transferFrom(address,address,uint256)`. Deliberately self-contained (no ABI module), and
/// strict: exactly the selector plus one 32-byte word per argument, address words with twelve
/// zero bytes on the left.
public enum ERC20Call: Sendable, Equatable {
    /// `transfer(recipient, amount)`, selector 0xa9059cbb.
    case transfer(recipient: Address, amount: U256)
    /// `approve(spender, amount)`, selector 0x095ea7b3.
    case approve(spender: Address, amount: U256)
    /// `transferFrom(owner, recipient, amount)`, selector 0x23b872dd.
    case transferFrom(owner: Address, recipient: Address, amount: U256)

    /// The three selectors and their function names.
    public static let selectors: [(selector: [UInt8], name: String)] = [
        ([0xa9, 0x05, 0x9c, 0xbb], "transfer"),
        ([0x09, 0x5e, 0xa7, 0xb3], "approve"),
        ([0x23, 0xb8, 0x72, 0xdd], "transferFrom"),
    ]

    /// The function name if `data` starts with one of the three selectors (whatever follows).
    public static func functionName(_ data: [UInt8]) -> String? {
        guard data.count >= 4 else { return nil }
        return selectors.first { $0.selector.elementsEqual(data.prefix(4)) }?.name
    }

    /// The decoded call, or nil when `data` is not exactly one of the three calls, well formed.
    public init?(data: [UInt8]) {
        guard let name = Self.functionName(data) else { return nil }
        let body = Array(data.dropFirst(4))
        let wordCount = name == "transferFrom" ? 3 : 2
        guard body.count == wordCount * 32 else { return nil }
        let words = (0..<wordCount).map { Array(body[($0 * 32)..<($0 * 32 + 32)]) }
        func address(_ word: [UInt8]) -> Address? {
            guard word.prefix(12).allSatisfy({ $0 == 0 }) else { return nil }
            return try? Address(bytes: Array(word.suffix(20)))
        }
        guard let amount = try? U256(bigEndian: words[wordCount - 1]) else { return nil }
        switch name {
        case "transfer":
            guard let recipient = address(words[0]) else { return nil }
            self = .transfer(recipient: recipient, amount: amount)
        case "approve":
            guard let spender = address(words[0]) else { return nil }
            self = .approve(spender: spender, amount: amount)
        default:
            guard let owner = address(words[0]), let recipient = address(words[1]) else { return nil }
            self = .transferFrom(owner: owner, recipient: recipient, amount: amount)
        }
    }

    /// The calldata for this call (for tests and `sigil tx build`).
    public var encoded: [UInt8] {
        func word(_ address: Address) -> [UInt8] { [UInt8](repeating: 0, count: 12) + address.bytes }
        switch self {
        case .transfer(let recipient, let amount):
            return Self.selectors[0].selector + word(recipient) + amount.bigEndianBytes
        case .approve(let spender, let amount):
            return Self.selectors[1].selector + word(spender) + amount.bigEndianBytes
        case .transferFrom(let owner, let recipient, let amount):
            return Self.selectors[2].selector + word(owner) + word(recipient) + amount.bigEndianBytes
        }
    }

    /// The one-line description, naming the token contract.
    func summary(token: Address) -> String {
        switch self {
        case .transfer(let recipient, let amount):
            return "ERC-20 transfer: token \(token), recipient \(recipient), amount \(amount.decimalString) (token units)"
        case .approve(let spender, let amount):
            let shown = amount == .max ? "unlimited (2^256-1)" : amount.decimalString
            return "ERC-20 approve: token \(token), spender \(spender), amount \(shown) (token units)"
        case .transferFrom(let owner, let recipient, let amount):
            return "ERC-20 transferFrom: token \(token), from \(owner), recipient \(recipient), amount \(amount.decimalString) (token units)"
        }
    }

    /// The call as JSON members.
    var jsonMembers: [(String, JSONValue)] {
        switch self {
        case .transfer(let recipient, let amount):
            return [("kind", .string("erc20-transfer")), ("recipient", .string(recipient.checksummed)),
                    ("amount", .string(amount.decimalString))]
        case .approve(let spender, let amount):
            return [("kind", .string("erc20-approve")), ("spender", .string(spender.checksummed)),
                    ("amount", .string(amount.decimalString)), ("unlimited", .bool(amount == .max))]
        case .transferFrom(let owner, let recipient, let amount):
            return [("kind", .string("erc20-transferFrom")), ("owner", .string(owner.checksummed)),
                    ("recipient", .string(recipient.checksummed)), ("amount", .string(amount.decimalString))]
        }
    }
}
