/// The EIP-2718 transaction type: the first byte of a typed transaction envelope.
public enum TransactionType: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A pre-EIP-2718 RLP list (with or without EIP-155 replay protection).
    case legacy = 0
    /// EIP-2930: a gas price plus an access list.
    case accessList = 1
    /// EIP-1559: priority fee and fee cap.
    case dynamicFee = 2
    /// EIP-4844: carries blob versioned hashes and a blob gas fee cap.
    case blob = 3
    /// EIP-7702: sets code on EOAs through signed authorizations.
    case setCode = 4

    public var description: String {
        switch self {
        case .legacy: return "legacy (0x00)"
        case .accessList: return "EIP-2930 access list (0x01)"
        case .dynamicFee: return "EIP-1559 dynamic fee (0x02)"
        case .blob: return "EIP-4844 blob (0x03)"
        case .setCode: return "EIP-7702 set code (0x04)"
        }
    }
}
