#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A heap buffer for secret material (private keys, seeds, passwords).
///
/// The bytes live in one allocation owned by this object and are wiped when it is released.
/// It prints as `<redacted>`, is not `Codable`, and offers no way to get a copy as an array
/// except through `withUnsafeBytes`, so a secret cannot end up in logs or JSON by accident.
public final class SecureBytes: @unchecked Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let storage: UnsafeMutableRawBufferPointer

    public var count: Int { storage.count }

    /// A zero-filled buffer of `count` bytes.
    public init(count: Int) {
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 0), alignment: 16)
        storage.initializeMemory(as: UInt8.self, repeating: 0)
    }

    /// Takes the bytes of `bytes` and wipes the source array.
    public convenience init(consuming bytes: inout [UInt8]) {
        self.init(count: bytes.count)
        bytes.withUnsafeMutableBytes { src in
            if let base = src.baseAddress, src.count > 0 {
                storage.baseAddress!.copyMemory(from: base, byteCount: src.count)
                Self.wipe(src)
            }
        }
        bytes.removeAll()
    }

    /// Copies `bytes`; the caller remains responsible for the source.
    public convenience init(copying bytes: UnsafeRawBufferPointer) {
        self.init(count: bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 {
            storage.baseAddress!.copyMemory(from: base, byteCount: bytes.count)
        }
    }

    deinit {
        Self.wipe(storage)
        storage.deallocate()
    }

    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(storage))
    }

    public func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(storage)
    }

    /// Constant-time comparison of contents.
    public func constantTimeEquals(_ other: SecureBytes) -> Bool {
        guard count == other.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<count { diff |= storage[i] ^ other.storage[i] }
        return diff == 0
    }

    public var description: String { "<redacted \(count) bytes>" }
    public var debugDescription: String { description }

    /// Overwrites memory with zeros in a way the optimizer may not remove.
    public static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        #if canImport(Glibc)
        explicit_bzero(base, buffer.count)
        #else
        memset_s(base, buffer.count, 0, buffer.count)
        #endif
    }
}
