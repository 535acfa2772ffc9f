/// What kind of failure an error is, independent of how a front end reports it.
///
/// Every error type SigilCore throws conforms to `CategorizedError`; the CLI turns the
/// category into an exit code (see SigilCLI's `ExitStatus`).
public enum ErrorCategory: Sendable, Equatable {
    /// The input was malformed: bad hex, bad checksum, bad amount, a malformed file.
    case invalidInput
    /// A named file, key or account does not exist.
    case notFound
    /// The output already exists and will not be overwritten.
    case alreadyExists
    /// A signature or check did not verify.
    case verificationFailed
    /// A keystore could not be decrypted: wrong password or corrupted file.
    case wrongPassword
    /// A signing policy refused the request.
    case refusedByPolicy
    /// A peer or the network failed.
    case network
    /// A transaction was mined but reverted.
    case reverted
    /// Peers disagree on a block header, or a proof (Merkle, header hash, receipt) is invalid:
    /// the answer could not be trusted.
    case unproven
    /// The nonce is already used by a mined transaction: nothing can replace it.
    case nonceMined
    /// Waiting for something ran out of time.
    case timedOut
    /// The user declined at a confirmation prompt.
    case declined
    /// Valid input that this version does not support.
    case unsupported
    /// An I/O or system failure.
    case system
}

/// An error with a one-line, secret-free description and a category.
public protocol CategorizedError: Error, CustomStringConvertible {
    var category: ErrorCategory { get }
}

/// An error that may also name a machine-readable reason (`reason` in `--json` error objects),
/// finer than its category, e.g. `nonce-too-low` for a node's rejection.
public protocol ReasonedError: CategorizedError {
    var reasonName: String? { get }
}
