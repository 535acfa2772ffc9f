/// ERC-1271: a contract account says whether a signature is its own through
/// `isValidSignature(bytes32 hash, bytes signature) returns (bytes4)`, answering the magic
/// value `0x1626ba7e` (which is also that function's selector) when it is.
public enum ERC1271 {
    /// `bytes4(keccak256("isValidSignature(bytes32,bytes)"))`: the selector and the answer of a
    /// valid signature.
    public static let magicValue: [UInt8] = Array(Keccak256.hash("isValidSignature(bytes32,bytes)").prefix(4))

    /// The call data of `isValidSignature(hash, signature)`; `hash` is 32 bytes.
    public static func isValidSignatureCall(hash: [UInt8], signature: [UInt8]) -> [UInt8] {
        // Encoding values of their own types cannot fail.
        magicValue + ((try? ABIEncoder.encode([.fixedBytes(hash), .bytes(signature)], as: [.fixedBytes(32), .bytes])) ?? [])
    }

    /// Whether the return data of `isValidSignature` means valid: a 32-byte word (or more)
    /// whose first four bytes are the magic value. Anything else, empty data included, is not.
    public static func isMagic(_ returned: [UInt8]) -> Bool {
        returned.count >= 32 && Array(returned.prefix(4)) == magicValue
    }
}
