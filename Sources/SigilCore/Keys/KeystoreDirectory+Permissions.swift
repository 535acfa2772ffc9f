#if canImport(Glibc)
import Glibc
#endif

/// A way a key file is exposed to other users of the machine (the rules geth's and ssh's users
/// know): the file is a symbolic link (it may point anywhere, and be swapped), it is readable
/// or writable by group or others, or its folder is writable by group or others (anyone could
/// replace the file with one whose key they hold).
public enum KeyFileExposure: Sendable, Equatable, CustomStringConvertible {
    case symbolicLink(file: String)
    case openFile(file: String, mode: UInt32)
    case openFolder(folder: String, mode: UInt32)

    public var description: String {
        switch self {
        case .symbolicLink(let file):
            "key file '\(DisplayText.escaped(file))' is a symbolic link; keep the key file itself in the keystore folder"
        case .openFile(let file, let mode):
            "key file '\(DisplayText.escaped(file))' is open to other users (mode \(String(mode, radix: 8))); chmod 600 it"
        case .openFolder(let folder, let mode):
            "keystore folder '\(DisplayText.escaped(folder))' is writable by other users (mode \(String(mode, radix: 8))); chmod 700 it"
        }
    }
}

extension KeystoreDirectory {
    /// How `account`'s file is exposed: a symbolic link (checked with lstat, without following
    /// it), group/other permission bits on the file (checked on what it points to), write
    /// permission for group/others on the folder. Empty when the file is private.
    public func exposures(of account: KeystoreAccount) -> [KeyFileExposure] {
        var found: [KeyFileExposure] = []
        var link = stat()
        if lstat(account.path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
            found.append(.symbolicLink(file: account.path))
        }
        if let mode = FileIO.permissions(account.path), mode & 0o077 != 0 {
            found.append(.openFile(file: account.path, mode: mode))
        }
        let folder = FileIO.directory(of: account.path)
        if let mode = FileIO.permissions(folder), mode & 0o022 != 0 {
            found.append(.openFolder(folder: folder, mode: mode))
        }
        return found
    }
}
