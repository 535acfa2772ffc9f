extension Mnemonic {
    /// The private key at `path` for this mnemonic and BIP-39 passphrase (BIP-32 from the seed).
    public func privateKey(at path: DerivationPath, passphrase: SecureBytes = SecureBytes(count: 0)) throws -> PrivateKey {
        let node = try HDKey.master(seed: seed(passphrase: passphrase)).derive(path: path)
        guard let key = node.privateKey else { throw HDKeyError.notPrivate }
        return key
    }

    /// Keys along a template path whose last component is replaced by each index
    /// (`m/44'/60'/0'/0/i` by default), deriving the shared parent once.
    public func privateKeys(parent: DerivationPath, indices: [UInt32], passphrase: SecureBytes = SecureBytes(count: 0)) throws
        -> [(DerivationPath, PrivateKey)] {
        let parentNode = try HDKey.master(seed: seed(passphrase: passphrase)).derive(path: parent)
        return try indices.map { index in
            let path = try parent.appending(DerivationPath.Component(index: index, hardened: false))
            guard let key = try parentNode.derive(child: index).privateKey else { throw HDKeyError.notPrivate }
            return (path, key)
        }
    }

    /// The keys at each of `paths`, computing the seed and master node once.
    public func privateKeys(paths: [DerivationPath], passphrase: SecureBytes = SecureBytes(count: 0)) throws
        -> [(DerivationPath, PrivateKey)] {
        let master = try HDKey.master(seed: seed(passphrase: passphrase))
        return try paths.map { path in
            guard let key = try master.derive(path: path).privateKey else { throw HDKeyError.notPrivate }
            return (path, key)
        }
    }
}
