/// A BIP-32 extended key: a secp256k1 key plus a chain code, at some depth of a tree derived
/// from a seed.
///
/// A private node holds its key in `PrivateKey` and its chain code in `SecureBytes`; a public
/// node (`neutered()`, or a parsed `xpub`) holds only the public key and chain code and can
/// derive only normal (non-hardened) children. Descriptions never show key material.
public final class HDKey: Sendable, CustomStringConvertible {
    /// Version bytes of a mainnet extended private key (`xprv`).
    public static let privateVersion: UInt32 = 0x0488_ADE4
    /// Version bytes of a mainnet extended public key (`xpub`).
    public static let publicVersion: UInt32 = 0x0488_B21E
    /// Bytes in a serialized extended key (before Base58Check).
    public static let serializedLength = 78

    /// 0 for the master key, one more per derivation step.
    public let depth: UInt8
    /// The first 4 bytes of the parent's identifier (zero for the master key).
    public let parentFingerprint: [UInt8]
    /// The child number this key was derived with (≥ 2^31 when hardened; 0 for the master).
    public let childNumber: UInt32
    /// The public key (always present).
    public let publicKey: PublicKey
    /// The private key, or nil for a public node.
    public let privateKey: PrivateKey?
    /// The 32-byte chain code; secret for private nodes.
    private let chainCode: SecureBytes

    private init(depth: UInt8, parentFingerprint: [UInt8], childNumber: UInt32,
                 privateKey: PrivateKey?, publicKey: PublicKey, chainCode: SecureBytes) {
        self.depth = depth
        self.parentFingerprint = parentFingerprint
        self.childNumber = childNumber
        self.privateKey = privateKey
        self.publicKey = publicKey
        self.chainCode = chainCode
    }

    /// Whether this node holds its private key.
    public var isPrivate: Bool { privateKey != nil }

    /// HASH160 of the compressed public key: RIPEMD-160(SHA-256(K)), 20 bytes.
    public var identifier: [UInt8] { OpenSSL.ripemd160(OpenSSL.sha256(publicKey.compressed)) }

    /// The first 4 bytes of `identifier`, as children record for their parent.
    public var fingerprint: [UInt8] { Array(identifier.prefix(4)) }

    /// The Ethereum address of this node's key.
    public var address: Address { publicKey.address }

    /// Lends the 32-byte chain code to `body`; it must not be copied out for a private node.
    public func withUnsafeChainCode<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try chainCode.withUnsafeBytes(body)
    }

    // MARK: Master key

    /// The master key of a BIP-39 (or other) seed of 16 to 64 bytes:
    /// I = HMAC-SHA512(key: "Bitcoin seed", seed); key = I[0..<32], chain code = I[32..<64].
    public static func master(seed: SecureBytes) throws(HDKeyError) -> HDKey {
        guard (16...64).contains(seed.count) else { throw .invalidSeedLength(seed.count) }
        var label = Array("Bitcoin seed".utf8)
        let i = OpenSSL.hmacSHA512(key: SecureBytes(consuming: &label), data: seed)
        let (left, right) = split(i)
        let key: PrivateKey
        do { key = try PrivateKey(secret: left) } catch { throw .unusableMasterSeed }
        return HDKey(depth: 0, parentFingerprint: [0, 0, 0, 0], childNumber: 0,
                     privateKey: key, publicKey: key.publicKey, chainCode: right)
    }

    // MARK: Derivation

    /// The child with BIP-32 child number `number` (hardened when ≥ 2^31): CKDpriv for a private
    /// node, CKDpub for a public one. Fails for a hardened child of a public node, at depth 255,
    /// and in the ~2^-127 case that the child key is invalid (BIP-32 says to skip that index).
    public func derive(child number: UInt32) throws(HDKeyError) -> HDKey {
        guard depth < UInt8.max else { throw .depthOverflow }
        let hardened = number >= DerivationPath.hardenedOffset
        // data = 0x00 || k || ser32(i) for hardened children, serP(K) || ser32(i) otherwise.
        let data = SecureBytes(count: 37)
        if hardened {
            guard let privateKey else { throw .hardenedFromPublic(childNumber: number) }
            data.withUnsafeMutableBytes { out in
                privateKey.withUnsafeSecret { out.baseAddress!.advanced(by: 1).copyMemory(from: $0.baseAddress!, byteCount: 32) }
            }
        } else {
            let point = publicKey.compressed
            data.withUnsafeMutableBytes { out in for k in 0..<33 { out[k] = point[k] } }
        }
        data.withUnsafeMutableBytes { out in
            for k in 0..<4 { out[33 + k] = UInt8(truncatingIfNeeded: number >> (24 - 8 * k)) }
        }
        let (left, right) = Self.split(OpenSSL.hmacSHA512(key: chainCode, data: data))
        var tweak = left.withUnsafeBytes { Array($0) }
        defer { SecureBytes.wipeArray(&tweak) }
        let parent = fingerprint
        let nextDepth = depth + 1
        if let privateKey {
            let child: PrivateKey
            do { child = try privateKey.adding(tweak: tweak) } catch { throw .invalidChild(childNumber: number) }
            return HDKey(depth: nextDepth, parentFingerprint: parent, childNumber: number,
                         privateKey: child, publicKey: child.publicKey, chainCode: right)
        }
        let child: PublicKey
        do { child = try publicKey.adding(tweak: tweak) } catch { throw .invalidChild(childNumber: number) }
        return HDKey(depth: nextDepth, parentFingerprint: parent, childNumber: number,
                     privateKey: nil, publicKey: child, chainCode: right)
    }

    /// The key at `path` below this one (the path's `m` stands for this node).
    public func derive(path: DerivationPath) throws(HDKeyError) -> HDKey {
        var node = self
        for number in path.childNumbers { node = try node.derive(child: number) }
        return node
    }

    /// The same node without its private key (N(·) in BIP-32).
    public func neutered() -> HDKey {
        guard isPrivate else { return self }
        let code = chainCode.withUnsafeBytes { SecureBytes(copying: $0) }
        return HDKey(depth: depth, parentFingerprint: parentFingerprint, childNumber: childNumber,
                     privateKey: nil, publicKey: publicKey, chainCode: code)
    }

    // MARK: Serialization

    /// The `xpub` text of this node (for a private node, of its neutered form).
    public var extendedPublicKey: String {
        var payload = header(version: Self.publicVersion)
        chainCode.withUnsafeBytes { payload.append(contentsOf: $0) }
        payload += publicKey.compressed
        return Base58.encodeCheck(payload)
    }

    /// The `xprv` text (ASCII) of a private node, kept secret. Fails for a public node.
    public func extendedPrivateKey() throws(HDKeyError) -> SecureBytes {
        guard let privateKey else { throw .notPrivate }
        let payload = SecureBytes(count: Self.serializedLength)
        let head = header(version: Self.privateVersion)
        payload.withUnsafeMutableBytes { out in
            for k in 0..<13 { out[k] = head[k] }
            chainCode.withUnsafeBytes { (out.baseAddress! + 13).copyMemory(from: $0.baseAddress!, byteCount: 32) }
            out[45] = 0
            privateKey.withUnsafeSecret { (out.baseAddress! + 46).copyMemory(from: $0.baseAddress!, byteCount: 32) }
        }
        return Base58.encodeCheck(secret: payload)
    }

    /// version (4) || depth (1) || parent fingerprint (4) || child number (4).
    private func header(version: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(Self.serializedLength)
        for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: version >> UInt32(shift))) }
        out.append(depth)
        out += parentFingerprint
        for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: childNumber >> UInt32(shift))) }
        return out
    }

    /// Parses an `xprv` or `xpub` (surrounding whitespace ignored), checking everything BIP-32
    /// requires: checksum, length, version, depth-0 consistency, key prefix matching the
    /// version, private key in [1, n-1], public key on the curve.
    public convenience init(parsing text: SecureBytes) throws(HDKeyError) {
        let payload: SecureBytes
        do {
            payload = try text.withUnsafeBytes { (raw) throws(Base58Error) in
                var start = 0, end = raw.count
                func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
                while start < end && isSpace(raw[start]) { start += 1 }
                while end > start && isSpace(raw[end - 1]) { end -= 1 }
                let trimmed = SecureBytes(copying: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
                return try Base58.decodeCheck(secret: trimmed)
            }
        } catch {
            throw .encoding(error)
        }
        let parts = try Self.parse(payload)
        self.init(depth: parts.depth, parentFingerprint: parts.parent, childNumber: parts.child,
                  privateKey: parts.privateKey, publicKey: parts.publicKey, chainCode: parts.chainCode)
    }

    /// Parses an extended key given as a string (fine for an `xpub`; prefer `SecureBytes` for an `xprv`).
    public convenience init(parsing text: String) throws(HDKeyError) {
        var bytes = Array(text.utf8)
        try self.init(parsing: SecureBytes(consuming: &bytes))
    }

    private struct Parts {
        var depth: UInt8, parent: [UInt8], child: UInt32
        var privateKey: PrivateKey?, publicKey: PublicKey, chainCode: SecureBytes
    }

    private static func parse(_ payload: SecureBytes) throws(HDKeyError) -> Parts {
        guard payload.count == serializedLength else { throw .wrongLength(payload.count) }
        let head = payload.withUnsafeBytes { Array($0[0..<13]) }
        let version = head[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let depth = head[4]
        let parent = Array(head[5..<9])
        let child = head[9..<13].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard version == privateVersion || version == publicVersion else { throw .unknownVersion(version) }
        if depth == 0 {
            guard parent == [0, 0, 0, 0] else { throw .zeroDepthWithParent }
            guard child == 0 else { throw .zeroDepthWithChildNumber }
        }
        let chainCode = payload.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[13..<45])) }
        let prefix = payload.withUnsafeBytes { $0[45] }
        if version == privateVersion {
            guard prefix != 0x02 && prefix != 0x03 else { throw .versionKeyMismatch(version: "xprv", key: "public") }
            guard prefix == 0x00 else { throw .invalidPrivateKeyPrefix(prefix) }
            let secret = payload.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[46..<78])) }
            let key: PrivateKey
            do { key = try PrivateKey(secret: secret) } catch { throw .privateKeyOutOfRange }
            return Parts(depth: depth, parent: parent, child: child,
                         privateKey: key, publicKey: key.publicKey, chainCode: chainCode)
        }
        guard prefix != 0x00 else { throw .versionKeyMismatch(version: "xpub", key: "private") }
        guard prefix == 0x02 || prefix == 0x03 else { throw .invalidPublicKeyPrefix(prefix) }
        let point = payload.withUnsafeBytes { Array($0[45..<78]) }
        let key: PublicKey
        do { key = try PublicKey(bytes: point) } catch { throw .invalidPublicKey }
        return Parts(depth: depth, parent: parent, child: child, privateKey: nil, publicKey: key, chainCode: chainCode)
    }

    /// Splits 64 secret bytes into two 32-byte secret halves.
    private static func split(_ i: SecureBytes) -> (SecureBytes, SecureBytes) {
        i.withUnsafeBytes { raw in
            (SecureBytes(copying: UnsafeRawBufferPointer(rebasing: raw[0..<32])),
             SecureBytes(copying: UnsafeRawBufferPointer(rebasing: raw[32..<64])))
        }
    }

    public var description: String {
        let hex = fingerprint.hexString
        return "HDKey(\(isPrivate ? "private" : "public"), depth \(depth), fingerprint \(hex), <redacted>)"
    }
}

/// Why an extended key could not be made, derived or parsed. Never contains key material.
public enum HDKeyError: CategorizedError, Equatable {
    /// A BIP-32 seed is 16 to 64 bytes.
    case invalidSeedLength(Int)
    /// HMAC-SHA512 of the seed gave an invalid key (probability ~2^-127).
    case unusableMasterSeed
    /// A public node cannot derive a hardened child.
    case hardenedFromPublic(childNumber: UInt32)
    /// This child number gives an invalid key (probability ~2^-127); BIP-32 says to use the next.
    case invalidChild(childNumber: UInt32)
    /// Depth 255 is the deepest an extended key can record.
    case depthOverflow
    /// Only a private node has an `xprv`.
    case notPrivate
    /// The text is not valid Base58Check.
    case encoding(Base58Error)
    /// The decoded key is not 78 bytes.
    case wrongLength(Int)
    /// Neither `xprv` (0x0488ADE4) nor `xpub` (0x0488B21E).
    case unknownVersion(UInt32)
    /// A depth-0 (master) key with a nonzero parent fingerprint.
    case zeroDepthWithParent
    /// A depth-0 (master) key with a nonzero child number.
    case zeroDepthWithChildNumber
    /// An `xprv` holding a public key, or an `xpub` holding a private key.
    case versionKeyMismatch(version: String, key: String)
    /// An `xprv` whose key data does not start with 0x00.
    case invalidPrivateKeyPrefix(UInt8)
    /// An `xpub` whose key does not start with 0x02 or 0x03.
    case invalidPublicKeyPrefix(UInt8)
    /// An `xprv` whose key is 0 or ≥ the curve order n.
    case privateKeyOutOfRange
    /// An `xpub` whose key is not a point on secp256k1.
    case invalidPublicKey

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        func hex(_ byte: UInt8) -> String { [byte].hexString }
        switch self {
        case .invalidSeedLength(let n): return "BIP-32 seed must be 16 to 64 bytes, got \(n)"
        case .unusableMasterSeed: return "this seed gives an invalid BIP-32 master key"
        case .hardenedFromPublic(let n):
            return "cannot derive hardened child \(n & 0x7FFF_FFFF)' from an extended public key"
        case .invalidChild(let n): return "BIP-32 child \(n) is invalid for this key; use another index"
        case .depthOverflow: return "extended key depth cannot exceed 255"
        case .notPrivate: return "this is an extended public key; it has no private key"
        case .encoding(let error): return "extended key: \(error.description)"
        case .wrongLength(let n): return "extended key must decode to 78 bytes, got \(n)"
        case .unknownVersion(let v):
            let bytes = (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - 8 * UInt32($0))) }
            return "unknown extended key version \(bytes.hexString) (expected xprv or xpub)"
        case .zeroDepthWithParent: return "extended key has depth 0 but a nonzero parent fingerprint"
        case .zeroDepthWithChildNumber: return "extended key has depth 0 but a nonzero child number"
        case .versionKeyMismatch(let version, let key): return "extended key has \(version) version bytes but holds a \(key) key"
        case .invalidPrivateKeyPrefix(let b): return "extended private key data must start with 0x00, found \(hex(b))"
        case .invalidPublicKeyPrefix(let b): return "extended public key must start with 0x02 or 0x03, found \(hex(b))"
        case .privateKeyOutOfRange: return "extended private key is out of range (it must be in 1..n-1)"
        case .invalidPublicKey: return "extended public key is not a point on secp256k1"
        }
    }
}
