import SigilCore

/// The key a signing command uses, resolved before anything is shown so that the preview can
/// name the signer and a request for another account is refused first: a private key file is
/// read at once; a keystore account is resolved to the address its file records, without its
/// password, and unlocked only after confirmation (a file that records no address is unlocked
/// at once, as the address is only known from the key).
public struct SigningKey {
    public let address: Address
    private let key: PrivateKey?
    private let wallet: WalletOptions

    public init(_ wallet: WalletOptions) throws {
        self.wallet = wallet
        if wallet.privateKeyFile == nil, let from = wallet.from,
           let address = try wallet.keystore.directory.resolve(from).address {
            self.address = address
            key = nil
        } else {
            let key = try wallet.makeSigner()
            self.key = key
            address = key.address
        }
    }

    /// The private key: the one already read, or the keystore account unlocked now.
    public func unlock() throws -> PrivateKey {
        if let key { return key }
        let key = try wallet.makeSigner()
        guard key.address == address else {
            throw CommandFailure(.verificationFailed,
                "the keystore file records \(address.checksummed) but holds the key of \(key.address.checksummed)")
        }
        return key
    }
}
