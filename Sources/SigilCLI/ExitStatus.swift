import SigilCore

/// The exit codes of both executables: one table, used by every command and documented in
/// the man pages and README. Scripts may rely on these numbers.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    case success = 0
    /// Anything not covered below (an I/O failure, an internal error).
    case failure = 1
    /// A signature or check did not verify (`verify`, a signer mismatch).
    case verificationFailed = 3
    /// A keystore could not be decrypted: wrong password or a corrupted file.
    case wrongPassword = 4
    /// A signing policy refused the request.
    case refusedByPolicy = 5
    /// Peers or the network failed (unreachable, rejected, quorum not reached).
    case network = 6
    /// A transaction was mined and reverted.
    case reverted = 7
    /// Waiting ran out of time (receipt, peer).
    case timedOut = 8
    /// The user answered no at a confirmation prompt.
    case declined = 9
    /// Valid input this version does not support.
    case unsupported = 10
    /// Peers disagree on the block header, or a proof is invalid: nothing is shown as verified.
    case unproven = 11
    /// The nonce is already mined (`tx bump`, `tx cancel`): nothing was signed or sent.
    case nonceMined = 12
    /// Bad command-line usage (unknown option, missing argument). Same as sysexits EX_USAGE.
    case usage = 64
    /// Malformed input data: bad hex, bad checksum, bad amount, malformed file (EX_DATAERR).
    case invalidInput = 65
    /// A named file, key or account does not exist (EX_NOINPUT).
    case notFound = 66
    /// The output exists already and is never overwritten (EX_CANTCREAT).
    case alreadyExists = 73

    public init(_ category: ErrorCategory) {
        switch category {
        case .invalidInput: self = .invalidInput
        case .notFound: self = .notFound
        case .alreadyExists: self = .alreadyExists
        case .verificationFailed: self = .verificationFailed
        case .wrongPassword: self = .wrongPassword
        case .refusedByPolicy: self = .refusedByPolicy
        case .network: self = .network
        case .reverted: self = .reverted
        case .timedOut: self = .timedOut
        case .declined: self = .declined
        case .unsupported: self = .unsupported
        case .unproven: self = .unproven
        case .nonceMined: self = .nonceMined
        case .system: self = .failure
        }
    }

    /// The status an error would exit with.
    public static func of(_ error: any Error) -> ExitStatus {
        if let failure = error as? CommandFailure { return failure.status }
        if let categorized = error as? CategorizedError { return ExitStatus(categorized.category) }
        return .failure
    }

    /// The short name used in `--json` error objects and documentation.
    public var name: String {
        switch self {
        case .success: "success"
        case .failure: "failure"
        case .verificationFailed: "verification-failed"
        case .wrongPassword: "wrong-password"
        case .refusedByPolicy: "refused-by-policy"
        case .network: "network"
        case .reverted: "reverted"
        case .timedOut: "timed-out"
        case .declined: "declined"
        case .unsupported: "unsupported"
        case .unproven: "unproven"
        case .nonceMined: "nonce-mined"
        case .usage: "usage"
        case .invalidInput: "invalid-input"
        case .notFound: "not-found"
        case .alreadyExists: "already-exists"
        }
    }

    public var summary: String {
        switch self {
        case .success: "success"
        case .failure: "other failure (I/O, internal)"
        case .verificationFailed: "signature invalid or signer is not the expected address"
        case .wrongPassword: "wrong password or corrupted keystore"
        case .refusedByPolicy: "refused by the signing policy"
        case .network: "network or peer failure"
        case .reverted: "transaction reverted"
        case .timedOut: "timed out"
        case .declined: "declined at the confirmation prompt"
        case .unsupported: "not supported"
        case .unproven: "peers disagree or a proof is invalid"
        case .nonceMined: "the nonce is already mined; nothing was sent"
        case .usage: "usage error"
        case .invalidInput: "invalid input (hex, checksum, amount, file format)"
        case .notFound: "file, key or account not found"
        case .alreadyExists: "output exists; nothing is overwritten"
        }
    }
}
