/// Why raw transaction bytes were rejected, or why a sender could not be recovered.
///
/// The description names the field and the reason, for example
/// "transaction field 'nonce': integer has a leading zero byte".
public struct TransactionDecodingError: CategorizedError, Equatable {
    /// What was wrong.
    public enum Reason: Sendable, Equatable {
        /// No bytes at all.
        case emptyInput
        /// The envelope's first byte is not a supported transaction type (0x00, 0x05–0x7f).
        case unsupportedType(UInt8)
        /// Bytes follow the transaction.
        case trailingBytes(Int)
        /// The bytes are not canonical RLP.
        case malformedRLP(RLPError)
        /// A list was expected (the transaction body, an access list, ...).
        case expectedList
        /// A byte string was expected but a list was found.
        case expectedBytes
        /// A list has the wrong number of items.
        case wrongItemCount(expected: Int, actual: Int)
        /// The network (sidecar) form of a blob transaction has a wrong number of items.
        case wrongItemCountNetworkForm(actual: Int)
        /// An integer field has a leading zero byte (zero must be the empty string).
        case leadingZero
        /// An integer field is wider than its type allows.
        case integerTooLarge(maxBits: Int)
        /// A fixed-size byte field has the wrong length.
        case wrongLength(expected: Int, actual: Int)
        /// An address field is neither 20 bytes nor (where creation is allowed) empty.
        case invalidAddressLength(Int)
        /// This transaction type needs a recipient; contract creation is not allowed.
        case creationNotAllowed
        /// A typed transaction's y-parity was not 0 or 1.
        case invalidYParity(String)
        /// A legacy v value that is neither 27/28 nor an EIP-155 value (≥ 35).
        case invalidLegacyV(String)
        /// r or s is zero.
        case signatureZero(String)
        /// r or s is not below the secp256k1 group order n.
        case signatureOutOfRange(String)
        /// s is above n/2: valid ECDSA, but rejected by Ethereum since Homestead (EIP-2).
        case highS
        /// No public key can be recovered from the signature.
        case recoveryFailed
        /// Blob sidecar lists disagree in length with each other or with the blob hashes.
        case sidecarMismatch(String)
        /// An unknown network-form wrapper version.
        case unsupportedWrapperVersion(String)
    }

    /// The field concerned (e.g. "nonce", "accessList[0].storageKeys[1]"), if any.
    public let field: String?
    /// What was wrong.
    public let reason: Reason

    /// An error about `field` (nil for the whole transaction).
    public init(field: String? = nil, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        let what: String
        switch reason {
        case .emptyInput: what = "no bytes"
        case .unsupportedType(let byte): what = "unsupported transaction type 0x" + Hex.encode([byte], prefix: false)
        case .trailingBytes(let count): what = "has trailing bytes (\(count) after the transaction)"
        case .malformedRLP(let error): what = "is not valid RLP: \(error)"
        case .expectedList: what = "expected a list, found a byte string"
        case .expectedBytes: what = "expected a byte string, found a list"
        case .wrongItemCount(let expected, let actual): what = "expected \(expected) items, found \(actual)"
        case .wrongItemCountNetworkForm(let actual):
            what = "network form must have 4 items (body, blobs, commitments, proofs) or 5 (body, version, blobs, commitments, cell proofs), found \(actual)"
        case .leadingZero: what = "integer has a leading zero byte"
        case .integerTooLarge(let bits): what = "integer is larger than \(bits) bits"
        case .wrongLength(let expected, let actual): what = "must be \(expected) bytes, found \(actual)"
        case .invalidAddressLength(let count): what = "address must be 20 bytes, found \(count)"
        case .creationNotAllowed: what = "must be an address: this transaction type cannot create a contract"
        case .invalidYParity(let value): what = "y-parity \(value) is not 0 or 1"
        case .invalidLegacyV(let value): what = "legacy v value \(value) is not 27, 28 or an EIP-155 value"
        case .signatureZero(let component): what = "signature \(component) is zero"
        case .signatureOutOfRange(let component): what = "signature \(component) is not below the secp256k1 order n"
        case .highS: what = "signature s is above n/2 (non-canonical; rejected by Ethereum since Homestead)"
        case .recoveryFailed: what = "no sender can be recovered from the signature"
        case .sidecarMismatch(let detail): what = "blob sidecar mismatch: \(detail)"
        case .unsupportedWrapperVersion(let value): what = "unsupported blob sidecar wrapper version \(value)"
        }
        if let field { return "transaction field '\(field)': \(what)" }
        switch reason {
        case .unsupportedType: return what
        default: return "transaction \(what)"
        }
    }
}
