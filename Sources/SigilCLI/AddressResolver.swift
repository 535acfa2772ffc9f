import SigilCore

/// The one way a command reads an address it is given (`balance ADDRESS`, `nonce`, `--to`,
/// `verify --address`, `--token`, ...): `0x` + 40 hex digits (EIP-55 checked when mixed
/// case), or the local name of a keystore account, which stands for the address its file
/// records. Every command that takes an address calls `resolve`, so a new kind of name (ENS)
/// is added here once and works everywhere.
public enum AddressResolver {
    /// The address `text` stands for. Names are looked up in the keystore folder chosen by
    /// `keystore` (`--keystore`, `SIGIL_KEYSTORE`, the config file, the data directory).
    public static func resolve(_ text: String, keystore: KeystoreOptions) throws -> Address {
        try resolve(text, keystoreFlag: keystore.keystore)
    }

    /// `resolve` for a command without `--keystore`: the folder is `SIGIL_KEYSTORE`'s, the
    /// config file's or the data directory's.
    public static func resolve(_ text: String, keystoreFlag: String? = nil) throws -> Address {
        if text.hasPrefix("0x") || text.hasPrefix("0X") || text.isEmpty { return try Address(parsing: text) }
        let directory = try KeystoreOptions.directory(flag: keystoreFlag)
        let account: KeystoreAccount
        do {
            account = try directory.resolve(text)
        } catch KeystoreDirectoryError.accountNotFound {
            throw CommandFailure(.invalidInput,
                "'\(text)' is neither an address (0x + 40 hex digits) nor the name of an account in the keystore \(directory.path)")
        }
        guard let address = account.address else {
            throw CommandFailure(.invalidInput, "keystore account '\(text)' records no address in its file; give the address")
        }
        return address
    }

    /// `resolve` for an optional value.
    public static func resolve(_ text: String?, keystoreFlag: String? = nil) throws -> Address? {
        guard let text else { return nil }
        return try resolve(text, keystoreFlag: keystoreFlag) as Address
    }
}
