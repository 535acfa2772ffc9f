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

    /// The signing key chosen by these options, read or unlocked now. A command that needs the
    /// address before the key (a preview, a nonce) uses `SigningKey` instead, which reads once.
    public func makeSigner() throws -> PrivateKey {
        try SigningKey(self).unlock()
    }

    /// Unlocks the keystore account `selector` (an address or a name) with the password options.
    func unlock(account selector: String) throws -> PrivateKey {
        let account = try keystore.directory.resolve(selector)
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
    /// Only for commands that never sign (they would read a key file on standard input twice).
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
