/// A file in a keystore directory that Sigil cannot use, why, and which account it seems to hold
/// (so that selecting that account reports the reason instead of "no account").
public struct UnusableKeyFile: Sendable, Equatable {
    /// The full path of the file.
    public let path: String
    /// The local name (the file name), or nil for geth-style `UTC--…` files.
    public let name: String?
    /// The address the file names: its JSON `address` field or geth's file-name suffix, if either parses.
    public let address: Address?
    /// Why the file was skipped, e.g. "unsupported keystore kdf 'argon2' (only scrypt and pbkdf2)".
    public let reason: String
    /// The kind of problem (unsupported, malformed, I/O), which decides the exit status.
    public let category: ErrorCategory

    public var fileName: String { FileIO.basename(path) }
}

/// What a keystore directory holds: the usable accounts and the files skipped, each in file-name order.
public struct KeystoreScan: Sendable {
    public let accounts: [KeystoreAccount]
    public let unusable: [UnusableKeyFile]
}

extension KeystoreDirectory {
    /// Largest keystore file read: real ones are well under 1 KiB.
    public static let fileSizeLimit = 1 << 20

    /// Every regular, non-hidden file in the directory: a usable v3 keystore, or a skipped file
    /// with the reason (unsupported cipher, KDF or PRF, KDF cost above the caps, too large,
    /// unreadable, not a keystore). Sub-directories and hidden files are ignored.
    public func scan() throws(FileError) -> KeystoreScan {
        guard FileIO.isDirectory(path) else { return KeystoreScan(accounts: [], unusable: []) }
        var accounts: [KeystoreAccount] = []
        var unusable: [UnusableKeyFile] = []
        for name in try FileIO.list(path) where !name.hasPrefix(".") {
            let full = path + "/" + name
            guard !FileIO.isDirectory(full) else { continue }
            let bytes: [UInt8]
            do { bytes = try FileIO.read(full, limit: Self.fileSizeLimit) } catch {
                unusable.append(Self.unusable(path: full, json: nil, reason: Self.reason(error), category: error.category))
                continue
            }
            do {
                accounts.append(Self.account(path: full, file: try KeystoreFile(json: bytes)))
            } catch {
                unusable.append(Self.unusable(path: full, json: bytes, reason: error.description, category: error.category))
            }
        }
        return KeystoreScan(accounts: accounts, unusable: unusable)
    }

    /// The skipped file `selector` names (by local name or address), if any.
    func unusableFile(matching selector: String, in files: [UnusableKeyFile]) -> UnusableKeyFile? {
        if selector.hasPrefix("0x") && selector.utf8.count == 42 {
            guard let address = try? Address(parsing: selector) else { return nil }
            return files.first { $0.address == address }
        }
        return files.first { $0.name == selector }
    }

    static func unusable(path: String, json: [UInt8]?, reason: String, category: ErrorCategory) -> UnusableKeyFile {
        let fileName = FileIO.basename(path)
        var recorded: String?
        if let json, let root = try? JSONParser.parse(json), let text = root["address"]?.stringValue {
            recorded = text.hasPrefix("0x") ? String(text.dropFirst(2)) : text
        } else if fileName.hasPrefix("UTC--"), fileName.utf8.count > 40 {
            recorded = String(fileName.suffix(40))
        }
        let address = recorded.flatMap { $0.utf8.count == 40 ? try? Address(parsing: "0x" + $0.lowercased()) : nil }
        return UnusableKeyFile(path: path, name: fileName.hasPrefix("UTC--") ? nil : fileName, address: address,
                               reason: reason, category: category)
    }

    /// A file error without the path (the caller names the file).
    static func reason(_ error: FileError) -> String {
        switch error.reason {
        case .notFound: "it vanished while being read"
        case .permissionDenied: "permission denied"
        case .isDirectory: "it is a directory"
        case .exists: "it exists"
        case .tooLarge(let limit): "larger than \(limit) bytes, too large for a keystore file"
        case .io(let text): text
        }
    }
}
