/// The address a contract gets when it is created.
///
/// - `CREATE` (a deployment transaction or the CREATE opcode): the last 20 bytes of
///   keccak256(rlp([deployer, nonce])), `nonce` being the deployer's nonce at creation.
/// - `CREATE2` (EIP-1014): the last 20 bytes of
///   keccak256(0xff ++ deployer ++ salt ++ keccak256(initCode)), independent of the nonce.
public enum ContractAddress {
    /// The address of a contract created by `deployer` with `nonce` (EIP-2681 keeps nonces below 2^64).
    public static func create(deployer: Address, nonce: UInt64) -> Address {
        let encoded = RLP.encode(.list([.bytes(deployer.bytes), .uint(nonce)]))
        return Address(validated: Array(Keccak256.hash(encoded).suffix(20)))
    }

    /// The address of a contract created with CREATE2 by `deployer` with a 32-byte `salt` and
    /// an init code whose keccak256 is `initCodeHash`.
    public static func create2(deployer: Address, salt: [UInt8], initCodeHash: [UInt8]) throws(ContractAddressError) -> Address {
        guard salt.count == 32 else { throw .wrongLength(what: "salt", count: salt.count) }
        guard initCodeHash.count == 32 else { throw .wrongLength(what: "init code hash", count: initCodeHash.count) }
        var hasher = Keccak256()
        hasher.update([0xff])
        hasher.update(deployer.bytes)
        hasher.update(salt)
        hasher.update(initCodeHash)
        return Address(validated: Array(hasher.finalize().suffix(20)))
    }

    /// CREATE2 from the init code itself (hashed here).
    public static func create2(deployer: Address, salt: [UInt8], initCode: [UInt8]) throws(ContractAddressError) -> Address {
        try create2(deployer: deployer, salt: salt, initCodeHash: Keccak256.hash(initCode))
    }
}

/// Why a contract address could not be computed.
public enum ContractAddressError: CategorizedError, Equatable {
    /// The salt or init code hash is not 32 bytes.
    case wrongLength(what: String, count: Int)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .wrongLength(let what, let count): return "the \(what) must be 32 bytes, got \(count)"
        }
    }
}
