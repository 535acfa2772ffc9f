/// An EIP-7702 authorization: the account that signs it delegates its code to `address`.
///
/// Signing hash: keccak256(0x05 || rlp([chainId, address, nonce])). A chain id of 0 makes
/// the authorization valid on every chain.
public struct Authorization: Sendable, Hashable {
    /// The chain the authorization is valid on, or 0 for any chain.
    public var chainId: U256
    /// The contract whose code the authority delegates to.
    public var address: Address
    /// The authority's account nonce at the time the authorization is applied.
    public var nonce: UInt64

    /// An authorization of `address` for `chainId` (0: all chains) at `nonce`.
    public init(chainId: U256, address: Address, nonce: UInt64) {
        self.chainId = chainId
        self.address = address
        self.nonce = nonce
    }

    /// The EIP-7702 magic byte that prefixes the signed payload.
    public static let magic: UInt8 = 0x05

    /// `0x05 || rlp([chainId, address, nonce])`.
    public func signingPayload() -> [UInt8] {
        var out: [UInt8] = [Self.magic]
        RLP.encode(.list([chainId.rlpItem, .bytes(address.bytes), .uint(nonce)]), into: &out)
        return out
    }

    /// keccak256 of `signingPayload()`.
    public func signingHash() -> [UInt8] {
        Keccak256.hash(signingPayload())
    }
}

/// An EIP-7702 authorization tuple `[chainId, address, nonce, yParity, r, s]` as it appears in
/// a transaction.
///
/// EIP-7702 lets a transaction carry authorizations whose signatures are invalid (they are
/// skipped when the transaction executes), so decoding accepts any yParity below 2^8 and any
/// r and s below 2^256; `recoverAuthority()` checks them.
public struct SignedAuthorization: Sendable, Hashable {
    /// What was signed.
    public var authorization: Authorization
    /// The signature's y-parity as carried (valid only if 0 or 1).
    public var yParity: UInt8
    /// r as carried.
    public var r: U256
    /// s as carried.
    public var s: U256

    /// A tuple with raw signature values (they are checked only by `recoverAuthority`).
    public init(authorization: Authorization, yParity: UInt8, r: U256, s: U256) {
        self.authorization = authorization
        self.yParity = yParity
        self.r = r
        self.s = s
    }

    /// `authorization` signed with `signature`.
    public init(authorization: Authorization, signature: Signature) {
        self.authorization = authorization
        self.yParity = signature.yParity
        // 32-byte components always fit.
        self.r = (try? U256(bigEndian: signature.r)) ?? .zero
        self.s = (try? U256(bigEndian: signature.s)) ?? .zero
    }

    /// The signing account: fails if y-parity is not 0/1, r or s is out of [1, n-1], s is above
    /// n/2 (EIP-7702 requires low s), or nothing can be recovered.
    public func recoverAuthority() throws(TransactionDecodingError) -> Address {
        guard yParity <= 1 else { throw .init(field: "authorization.yParity", .invalidYParity(String(yParity))) }
        let signature = try TransactionFieldReader.makeSignature(
            r: r.minimalBigEndianBytes, s: s.minimalBigEndianBytes, yParity: yParity)
        guard signature.isLowS else { throw .init(field: "authorization.s", .highS) }
        do {
            return try signature.recoverAddress(digest: authorization.signingHash())
        } catch {
            throw .init(field: "authorization", .recoveryFailed)
        }
    }

    /// `[chainId, address, nonce, yParity, r, s]`.
    public var rlpItem: RLPItem {
        .list([authorization.chainId.rlpItem, .bytes(authorization.address.bytes), .uint(authorization.nonce),
               .uint(yParity), r.rlpItem, s.rlpItem])
    }

    /// Reads a tuple strictly (canonical integers, sizes as EIP-7702 bounds them).
    init(decoding item: RLPItem, field: String) throws(TransactionDecodingError) {
        guard case .list(let items) = item else { throw .init(field: field, .expectedList) }
        var reader = try TransactionFieldReader(items, count: 6, what: field)
        func named(_ name: String) -> String { "\(field).\(name)" }
        let chainId = try reader.u256(named("chainId"))
        guard let address = try reader.address(named("address"), allowCreation: false) else {
            throw .init(field: named("address"), .creationNotAllowed)
        }
        let nonce = try reader.uint64(named("nonce"))
        let parity = try reader.integerBytes(named("yParity"), maxBytes: 1)
        let r = try reader.u256(named("r"))
        let s = try reader.u256(named("s"))
        self.init(authorization: Authorization(chainId: chainId, address: address, nonce: nonce),
                  yParity: parity.first ?? 0, r: r, s: s)
    }
}
