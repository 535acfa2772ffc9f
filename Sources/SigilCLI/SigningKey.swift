import SigilCore

/// The key a signing command uses, resolved once per command and before anything is shown, so
/// that the preview can name the signer and a request for another account is refused first.
///
/// A private key file (`-` for standard input) is read at once, a single time. A keystore
/// account is resolved to the address its file records, without its password, and unlocked by
/// the first `unlock()` only (after confirmation); a file that records no address is unlocked
/// at once, as the address is only known from the key, and that key is kept. Every signing
/// command makes one `SigningKey` and asks it for the address and the key, so no secret is
/// read twice and no keystore is unlocked twice.
public final class SigningKey {
    public let address: Address
    private var key: PrivateKey?
    private let wallet: WalletOptions
    private let account: String?

    /// The key named by `--from` or `--private-key-file`; without either, the keystore account
    /// whose address is `requestFrom` (the `from` of the request being signed), if given.
    public init(_ wallet: WalletOptions, requestFrom: Address? = nil) throws {
        self.wallet = wallet
        if let path = wallet.privateKeyFile {
            let key = try WalletOptions.privateKey(fromFile: path)
            self.key = key
            self.account = nil
            address = key.address
            return
        }
        guard let account = wallet.from ?? requestFrom?.checksummed else {
            throw CommandFailure(.usage, "no key given: use --from ACCOUNT (a keystore account) or --private-key-file FILE")
        }
        self.account = account
        if let address = try wallet.keystore.directory.resolve(account).address {
            self.address = address
        } else {
            let key = try wallet.unlock(account: account)
            self.key = key
            address = key.address
        }
    }

    /// The private key: the one already read, or the keystore account unlocked now (once).
    public func unlock() throws -> PrivateKey {
        if let key { return key }
        let key = try wallet.unlock(account: account!)
        guard key.address == address else {
            throw CommandFailure(.verificationFailed,
                "the keystore file records \(address.checksummed) but holds the key of \(key.address.checksummed)")
        }
        self.key = key
        return key
    }
}
