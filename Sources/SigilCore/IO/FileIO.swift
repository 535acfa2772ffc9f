#if canImport(Glibc)
import Glibc
#endif

/// File access without Foundation: bounded reads, secret reads into `SecureBytes`, and
/// atomic writes (temp file in the same directory, fsync, rename, fsync of the directory),
/// so that a crash never leaves a half-written file under the final name.
public enum FileIO {
    /// Largest file read by default (16 MiB): inputs to a wallet are small, and a bound keeps a
    /// mistaken path (a disk image, /dev/zero) from exhausting memory.
    public static let defaultLimit = 16 << 20

    /// Reads a whole file, or standard input when `path` is "-", refusing more than `limit`
    /// bytes: a regular file larger than that at once (by its size), a stream (a pipe, a device
    /// such as /dev/zero) as soon as it has sent more, so memory stays within about the limit.
    public static func read(_ path: String, limit: Int = defaultLimit) throws(FileError) -> [UInt8] {
        let fd = try open(path)
        defer { if path != "-" { close(fd) } }
        var out = [UInt8]()
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            if Int(info.st_size) > limit { throw FileError(path: path, reason: .tooLarge(limit)) }
            out.reserveCapacity(Int(info.st_size) + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: .io(errnoText()))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { throw FileError(path: path, reason: .tooLarge(limit)) }
        }
        return out
    }

    /// Reads a secret (a key file, a password file) straight into a wiped-on-release buffer.
    /// Intermediate buffers are wiped too.
    ///
    /// Errors name `option` (e.g. `--password-file`), never the path: a secret typed by mistake
    /// where its file's path belongs must not be echoed back.
    public static func readSecret(_ path: String, option: String = "the secret file", limit: Int = 1 << 20) throws(FileError) -> SecureBytes {
        let fd: Int32
        do { fd = try open(path) } catch { throw FileError(path: path, reason: error.reason, shownAs: option) }
        defer { if path != "-" { close(fd) } }
        var collected = [UInt8]()
        collected.reserveCapacity(4096)
        var chunk = [UInt8](repeating: 0, count: 4096)
        defer {
            chunk.withUnsafeMutableBytes { SecureBytes.wipe($0) }
        }
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                collected.withUnsafeMutableBytes { SecureBytes.wipe($0) }
                throw FileError(path: path, reason: .io(errnoText()), shownAs: option)
            }
            if n == 0 { break }
            if collected.count + n > collected.capacity {
                // Grow by hand so that the old storage is wiped rather than freed with the secret in it.
                var bigger = [UInt8]()
                bigger.reserveCapacity((collected.count + n) * 2)
                bigger.append(contentsOf: collected)
                collected.withUnsafeMutableBytes { SecureBytes.wipe($0) }
                collected = bigger
            }
            collected.append(contentsOf: chunk[0..<n])
            if collected.count > limit {
                collected.withUnsafeMutableBytes { SecureBytes.wipe($0) }
                throw FileError(path: path, reason: .tooLarge(limit), shownAs: option)
            }
        }
        return SecureBytes(consuming: &collected)
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Permission bits of a file (e.g. 0o600), or nil if it does not exist.
    public static func permissions(_ path: String) -> UInt32? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return UInt32(st.st_mode & 0o7777)
    }

    /// Creates `path` (and missing parents) with `mode`; an existing directory keeps its mode
    /// unless `enforceMode` is set.
    public static func createDirectory(_ path: String, mode: mode_t = 0o700, enforceMode: Bool = true) throws(FileError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if !isDirectory(prefix) {
                if mkdir(prefix, mode) != 0 && errno != EEXIST {
                    throw FileError(path: prefix, reason: .io(errnoText()))
                }
            }
            prefix += "/"
        }
        if enforceMode, chmod(path, mode) != 0 {
            throw FileError(path: path, reason: .io(errnoText()))
        }
    }

    /// Writes `bytes` to `path` atomically with permission `mode`.
    ///
    /// With `overwrite: false` an existing file is never replaced. On Linux the data is first
    /// written to an unnamed file (`O_TMPFILE`) and then linked under its name, so a process
    /// killed at any moment leaves either nothing or the complete file — not even a temporary
    /// name. Elsewhere (or where the file system lacks `O_TMPFILE`) a temp file is linked, which
    /// also refuses to replace an existing name. With `overwrite: true` a temp file is renamed
    /// over the old one.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o600, overwrite: Bool = false) throws(FileError) {
        let directory = Self.directory(of: path)
        if !overwrite && exists(path) { throw FileError(path: path, reason: .exists) }
        if !overwrite, let fd = openUnnamed(in: directory, mode: mode) {
            defer { close(fd) }
            try writeAll(fd, bytes, path: path)
            guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 else {
                throw FileError(path: path, reason: errno == EEXIST ? .exists : .io(errnoText()))
            }
            syncDirectory(directory)
            return
        }
        var template = Array("\(directory)/.\(basename(path)).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw FileError(path: path, reason: .io(errnoText())) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer { if !ok { unlink(tempPath) } }
        fchmod(fd, mode)
        do {
            try writeAll(fd, bytes, path: path)
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        if overwrite {
            guard rename(tempPath, path) == 0 else { throw FileError(path: path, reason: .io(errnoText())) }
        } else {
            // link() refuses to replace an existing name, closing the race between the check above and now.
            guard link(tempPath, path) == 0 else {
                throw FileError(path: path, reason: errno == EEXIST ? .exists : .io(errnoText()))
            }
            unlink(tempPath)
        }
        ok = true
        syncDirectory(directory)
    }

    /// An unnamed regular file in `directory` (Linux `O_TMPFILE`), or nil where unsupported.
    private static func openUnnamed(in directory: String, mode: mode_t) -> Int32? {
        #if os(Linux)
        let oTmpFile: Int32 = 0o20_000_000 | O_DIRECTORY
        let fd = Glibc.open(directory, oTmpFile | O_WRONLY | O_CLOEXEC, mode)
        guard fd >= 0 else { return nil }
        fchmod(fd, mode)
        return fd
        #else
        return nil
        #endif
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: .io(errnoText()))
            }
            offset += n
        }
        guard fsync(fd) == 0 else { throw FileError(path: path, reason: .io(errnoText())) }
    }

    private static func syncDirectory(_ directory: String) {
        let dirFD = Glibc.open(directory, O_RDONLY | O_DIRECTORY)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
    }

    /// Removes a file; a missing file is an error.
    public static func remove(_ path: String) throws(FileError) {
        guard unlink(path) == 0 else {
            throw FileError(path: path, reason: errno == ENOENT ? .notFound : .io(errnoText()))
        }
    }

    /// Names in a directory (no "." or ".."), sorted.
    public static func list(_ path: String) throws(FileError) -> [String] {
        guard let dir = opendir(path) else {
            throw FileError(path: path, reason: errno == ENOENT ? .notFound : .io(errnoText()))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func open(_ path: String) throws(FileError) -> Int32 {
        if path == "-" { return 0 }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw FileError(path: path, reason: .notFound)
            case EACCES: throw FileError(path: path, reason: .permissionDenied)
            default: throw FileError(path: path, reason: .io(errnoText()))
            }
        }
        if isDirectory(path) {
            close(fd)
            throw FileError(path: path, reason: .isDirectory)
        }
        return fd
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

public struct FileError: CategorizedError, Equatable {
    public enum Reason: Sendable, Equatable {
        case notFound, permissionDenied, isDirectory, exists
        case tooLarge(Int)
        case io(String)
    }

    public let path: String
    public let reason: Reason
    /// What the message calls the file instead of its path (an option naming a secret file).
    public let shownAs: String?

    public init(path: String, reason: Reason, shownAs: String? = nil) {
        self.path = path
        self.reason = reason
        self.shownAs = shownAs
    }

    /// `16777216 bytes (16 MiB)`, or `100 bytes` below a KiB.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes) bytes (\(bytes >> 20) MiB)" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes) bytes (\(bytes >> 10) KiB)" }
        return "\(bytes) bytes"
    }

    public var category: ErrorCategory {
        switch reason {
        case .notFound: .notFound
        case .exists: .alreadyExists
        case .tooLarge, .isDirectory: .invalidInput
        case .permissionDenied, .io: .system
        }
    }

    public var description: String {
        let name = shownAs ?? (path == "-" ? "standard input" : "'\(DisplayText.escaped(path, limit: 400))'")
        switch reason {
        case .notFound: return "\(name): no such file"
        case .permissionDenied: return "\(name): permission denied"
        case .isDirectory: return "\(name) is a directory, not a file"
        case .exists: return "\(name) already exists; refusing to overwrite it"
        case .tooLarge(let limit): return "\(name) is larger than \(Self.size(limit)), the limit for this input"
        case .io(let text): return "\(name): \(text)"
        }
    }
}
