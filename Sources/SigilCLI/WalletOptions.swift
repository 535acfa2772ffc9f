import ArgumentParser
import SigilCore

/// Where a command's signing key comes from: a keystore account (`--from ADDRESS|NAME`, unlocked
/// with the password options) or a raw key file (`--private-key-file F`, `-` for stdin).
/// Secrets never come as argument values.
public struct WalletOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Keystore account to sign with: its address or local name.", valueName: "account"),
            completion: .custom(ConfigCompletions.accounts))
    public var from: String?

    @Option(name: .long, help: ArgumentHelp(
        "File holding a hex private key (64 hex digits, optional 0x), or - for standard input.",
        valueName: "file"), completion: .file())
    public var privateKeyFile: String?

    @OptionGroup public var keystore: KeystoreOptions
    @OptionGroup public var password: PasswordOptions

    public init() {}

    public func validate() throws {
        if from != nil && privateKeyFile != nil {
            throw ValidationError("give either --from or --private-key-file, not both")
        }
    }

    /// The signing key chosen by these options.
    public func makeSigner() throws -> PrivateKey {
        if let path = privateKeyFile {
            return try Self.privateKey(fromFile: path)
        }
        guard let from else {
            throw CommandFailure(.usage, "no key given: use --from ACCOUNT (a keystore account) or --private-key-file FILE")
        }
        let account = try keystore.directory.resolve(from)
        let label = account.name ?? account.address?.checksummed ?? account.fileName
        return try account.file.unlock(password: password.password(prompt: "Password for \(label): "))
    }

    /// Reads a hex private key file (or stdin for `-`), warning if others can read it.
    public static func privateKey(fromFile path: String) throws -> PrivateKey {
        let secret = try FileIO.readSecret(path, option: "--private-key-file")
        SecretFileCheck.warnIfExposed(path)
        return try PrivateKey(parsing: secret)
    }

    /// The address that would sign, without unlocking a keystore when it records its address.
    public func signerAddress() throws -> Address {
        try SigningKey(self).address
    }
}

/// Warns (on stderr) when a secret file can be read by other users, as ssh does.
enum SecretFileCheck {
    static func warnIfExposed(_ path: String) {
        guard path != "-", let mode = FileIO.permissions(path), mode & 0o077 != 0 else { return }
        StandardStreams.writeWarning("'\(path)' is readable by other users (mode \(String(mode, radix: 8))); chmod 600 it")
    }
}
