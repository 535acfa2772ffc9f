import ArgumentParser
import SigilCore

/// Where a command's signing key comes from. Secrets never come as argument values: a key is
/// read from a file, or from standard input with `-`.
public struct WalletOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "File holding a hex private key (64 hex digits, optional 0x), or - for standard input.",
        valueName: "file"), completion: .file())
    public var privateKeyFile: String?

    public init() {}

    /// The signing key chosen by these options.
    public func makeSigner() throws -> PrivateKey {
        guard let path = privateKeyFile else {
            throw CommandFailure(.usage, "no key given: use --private-key-file FILE (or - for standard input)")
        }
        let secret = try FileIO.readSecret(path)
        SecretFileCheck.warnIfExposed(path)
        return try PrivateKey(parsing: secret)
    }
}

/// Warns (on stderr) when a secret file can be read by other users, as ssh does.
enum SecretFileCheck {
    static func warnIfExposed(_ path: String) {
        guard path != "-", let mode = FileIO.permissions(path), mode & 0o077 != 0 else { return }
        StandardStreams.writeError(
            "warning: '\(path)' is readable by other users (mode \(String(mode, radix: 8))); chmod 600 it\n")
    }
}
