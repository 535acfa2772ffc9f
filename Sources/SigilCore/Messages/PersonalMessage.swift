/// EIP-191 version 0x45 messages, as `personal_sign` and `eth_sign` produce them.
///
/// The signed digest is keccak256("\x19Ethereum Signed Message:\n" + decimal byte length +
/// message). The message is raw bytes: a front end decides whether text like `0x68656c6c6f`
/// means those 12 characters or the 5 bytes they encode.
public enum PersonalMessage {
    /// The EIP-191 prefix before the decimal length.
    static let prefix: [UInt8] = Array("\u{19}Ethereum Signed Message:\n".utf8)

    /// keccak256("\x19Ethereum Signed Message:\n" + len(message) + message): the digest that
    /// `personal_sign` signs.
    public static func hash(_ message: [UInt8]) -> [UInt8] {
        var hasher = Keccak256()
        hasher.update(prefix)
        hasher.update(Array(String(message.count).utf8))
        hasher.update(message)
        return hasher.finalize()
    }

    /// Signs `message` with `key`: deterministic (RFC 6979) and low-s. `Signature.bytes` gives
    /// the usual 65-byte r || s || v with v = 27 or 28.
    public static func sign(message: [UInt8], with key: PrivateKey) throws(KeyError) -> Signature {
        try key.sign(digest: hash(message))
    }

    /// The address whose key signed `message`. Build the signature with `Signature(bytes:)`,
    /// which takes v as 0/1 or 27/28.
    public static func recover(message: [UInt8], signature: Signature) throws(SignatureError) -> Address {
        try signature.recoverAddress(digest: hash(message))
    }

    /// Whether `signature` over `message` recovers to `address`. A high-s signature is
    /// accepted, as eth-account and `ecrecover` accept it.
    public static func verify(message: [UInt8], signature: Signature, expected address: Address) -> Bool {
        (try? recover(message: message, signature: signature)) == address
    }
}
