#if canImport(Glibc)
import Glibc
#endif

/// One key file in a keystore directory.
public struct KeystoreAccount: Sendable {
    /// The full path of the file.
    public let path: String
    /// The local name (the file name), or nil for geth-style `UTC--…` files.
    public let name: String?
    /// The address recorded in the file, if it records one.
    public let address: Address?
    public let file: KeystoreFile

    public var fileName: String { FileIO.basename(path) }
}

/// A folder of v3 keystore files: Sigil's own, geth's `keystore/` or foundry's `keystores/`,
/// read as they are.
///
/// Accounts are named by address, or by a local name which is simply the file name (foundry's
/// convention). Files Sigil writes are 0600 in a 0700 directory, written atomically, and never
/// overwrite another file.
public struct KeystoreDirectory: Sendable {
    public let path: String
    /// Called by `resolve` with the exposures of the account it found (see `exposures(of:)`),
    /// when there are any: to warn, or to refuse by throwing. Nil: not checked.
    public var exposureCheck: (@Sendable ([KeyFileExposure]) throws -> Void)?

    public init(path: String, exposureCheck: (@Sendable ([KeyFileExposure]) throws -> Void)? = nil) {
        self.path = path
        self.exposureCheck = exposureCheck
    }

    /// Every usable keystore file in the directory, in file-name order. Hidden files and
    /// sub-directories are ignored; files that cannot be used are left out (`scan()` lists them
    /// with the reason).
    public func accounts() throws(FileError) -> [KeystoreAccount] {
        try scan().accounts
    }

    /// The account named `selector`: an address (any case, checksum-checked if mixed) or a local name.
    /// A selector that only names a file Sigil cannot use (an unsupported cipher or KDF, …) fails
    /// with that reason rather than "no account".
    public func resolve(_ selector: String) throws -> KeystoreAccount {
        let found = try scan()
        let matches: [KeystoreAccount]
        if selector.hasPrefix("0x") && selector.utf8.count == 42 {
            let address = try Address(parsing: selector)
            matches = found.accounts.filter { $0.address == address }
        } else {
            matches = found.accounts.filter { $0.name == selector }
        }
        guard let first = matches.first else {
            if let bad = unusableFile(matching: selector, in: found.unusable) {
                throw KeystoreDirectoryError.unusable(file: bad.fileName, reason: bad.reason, category: bad.category)
            }
            throw KeystoreDirectoryError.accountNotFound(selector: selector, directory: path)
        }
        guard matches.count == 1 else {
            throw KeystoreDirectoryError.ambiguous(selector: selector, files: matches.map(\.fileName))
        }
        if let exposureCheck {
            let exposures = exposures(of: first)
            if !exposures.isEmpty { try exposureCheck(exposures) }
        }
        return first
    }

    /// Writes a new key file. The file name is `name`, or geth's `UTC--<time>--<address>`.
    /// Refuses a second file for an address already present, and an existing name.
    @discardableResult
    public func store(_ file: KeystoreFile, address: Address, name: String?) throws -> KeystoreAccount {
        if let name { try Self.validate(name: name) }
        if let existing = try accounts().first(where: { $0.address == address }) {
            throw KeystoreDirectoryError.addressExists(address: address.checksummed, file: existing.fileName)
        }
        try FileIO.createDirectory(path, mode: 0o700, enforceMode: false)
        let fileName = name ?? Self.gethFileName(address: address)
        let full = path + "/" + fileName
        if FileIO.exists(full) {
            throw KeystoreDirectoryError.nameTaken(name: fileName, directory: path)
        }
        // writeAtomically still refuses to replace a file that appears in between.
        try FileIO.writeAtomically(full, Array(file.jsonText().utf8), mode: 0o600, overwrite: false)
        return Self.account(path: full, file: file)
    }

    /// Replaces an account's file atomically (after a password change).
    public func replace(_ account: KeystoreAccount, with file: KeystoreFile) throws(FileError) {
        try FileIO.writeAtomically(account.path, Array(file.jsonText().utf8), mode: 0o600, overwrite: true)
    }

    public func remove(_ account: KeystoreAccount) throws(FileError) {
        try FileIO.remove(account.path)
    }

    /// Local names: 1–64 characters from A–Z a–z 0–9 . _ -, not starting with a dot or `UTC--`,
    /// and not shaped like an address (which would make `--from` ambiguous).
    public static func validate(name: String) throws(KeystoreDirectoryError) {
        let allowed = name.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x5F || c == 0x2D
        }
        guard !name.isEmpty, name.utf8.count <= 64, allowed else {
            throw .invalidName(name: name, reason: "use 1 to 64 of the characters A-Z a-z 0-9 . _ -")
        }
        guard !name.hasPrefix("."), !name.hasPrefix("UTC--") else {
            throw .invalidName(name: name, reason: "a name may not start with '.' or 'UTC--'")
        }
        guard !(name.hasPrefix("0x") && name.utf8.count == 42) else {
            throw .invalidName(name: name, reason: "a name may not look like an address")
        }
    }

    static func account(path: String, file: KeystoreFile) -> KeystoreAccount {
        let fileName = FileIO.basename(path)
        let address = file.address.flatMap { try? Address(parsing: "0x" + $0.lowercased()) }
        return KeystoreAccount(path: path, name: fileName.hasPrefix("UTC--") ? nil : fileName, address: address, file: file)
    }

    /// geth's file name: `UTC--2024-05-01T12-30-45.123456789Z--<address without 0x, lower case>`.
    static func gethFileName(address: Address) -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ v: Int32, _ width: Int) -> String {
            let text = String(v)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let date = "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
        let time = "\(pad(parts.tm_hour, 2))-\(pad(parts.tm_min, 2))-\(pad(parts.tm_sec, 2)).\(pad(Int32(now.tv_nsec), 9))"
        return "UTC--\(date)T\(time)Z--" + Hex.encode(address.bytes, prefix: false)
    }
}

public enum KeystoreDirectoryError: CategorizedError, Equatable {
    case accountNotFound(selector: String, directory: String)
    case ambiguous(selector: String, files: [String])
    case invalidName(name: String, reason: String)
    case nameTaken(name: String, directory: String)
    case addressExists(address: String, file: String)
    /// The account's file exists but cannot be used; `category` is that of the underlying problem.
    case unusable(file: String, reason: String, category: ErrorCategory)

    public var category: ErrorCategory {
        switch self {
        case .unusable(_, _, let category): category
        case .accountNotFound: .notFound
        case .ambiguous, .invalidName: .invalidInput
        case .nameTaken, .addressExists: .alreadyExists
        }
    }

    public var description: String {
        switch self {
        case .accountNotFound(let selector, let directory):
            "no account '\(selector)' in keystore \(directory) (see `sigil key list`)"
        case .ambiguous(let selector, let files):
            "'\(selector)' matches several key files: \(files.joined(separator: ", ")); use the local name"
        case .invalidName(let name, let reason):
            "invalid account name '\(name)': \(reason)"
        case .nameTaken(let name, let directory):
            "an account named '\(name)' already exists in \(directory)"
        case .addressExists(let address, let file):
            "an account for \(address) already exists (\(file)); nothing was written"
        case .unusable(let file, let reason, _):
            "keystore file '\(file)' cannot be used: \(reason)"
        }
    }
}
