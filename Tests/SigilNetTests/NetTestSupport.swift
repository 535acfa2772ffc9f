import Foundation
import Glibc
import SigilCore
import SigilNet
import SigilTestSupport

/// Helpers for SigilNet tests: keys of the devnode's funded accounts, signed transfers, and a
/// one-shot TCP server for HTTP edge cases.
enum NetTestSupport {
    /// Funded devnode account `n` (private key 0x…0n).
    static func key(_ n: UInt8) throws -> PrivateKey {
        var bytes = [UInt8](repeating: 0, count: 31) + [n]
        let text = Array(Hex.encode(bytes, prefix: false).utf8)
        bytes = text
        return try PrivateKey(parsing: SecureBytes(consuming: &bytes))
    }

    /// A signed EIP-1559 transfer of 1 wei from key `n` to key 0x…0a.
    static func transfer(from n: UInt8, nonce: UInt64, chainId: U256 = 1337) throws -> SignedTransaction {
        let tx = DynamicFeeTransaction(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: 1_000_000_000,
                                       maxFeePerGas: 10_000_000_000, gasLimit: 21_000,
                                       to: try key(10).address, value: 1)
        return try key(n).sign(tx)
    }

    /// A port on 127.0.0.1 where nothing listens: a socket bound but never listening, kept
    /// open for the whole test run so that no parallel test's server can take the port.
    static func closedPort() -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(fd, $0, length)
                _ = getsockname(fd, $0, &length)
            }
        }
        return UInt16(bigEndian: address.sin_port)  // fd deliberately left open
    }
}

/// A TCP server on 127.0.0.1 that accepts connections on a background thread and answers each
/// with `response(requestBytes)` (raw bytes written as is, then the connection is closed);
/// nil means stay silent until closed. Closed on `close()` or when released.
final class OneShotServer: @unchecked Sendable {
    let port: UInt16
    private let state: State

    init(response: @escaping @Sendable ([UInt8]) -> [UInt8]?) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = bind(fd, $0, length) }
        }
        listen(fd, 16)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(fd, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let state = State(fd: fd, response: response)
        self.state = state
        Thread { state.serve() }.start()
    }

    var url: String { "http://127.0.0.1:\(port)/rpc" }

    var receivedRequests: [[UInt8]] { state.lock.withLock { state.requests } }

    func close() { state.close() }

    deinit { state.close() }

    private final class State: @unchecked Sendable {
        let fd: Int32
        let response: @Sendable ([UInt8]) -> [UInt8]?
        let lock = NSLock()
        var requests: [[UInt8]] = []
        var open: [Int32] = []
        var closed = false
        var listenerClosed = false

        init(fd: Int32, response: @escaping @Sendable ([UInt8]) -> [UInt8]?) {
            self.fd = fd
            self.response = response
        }

        func serve() {
            while true {
                let client = accept(fd, nil, nil)
                if client < 0 {
                    let code = errno
                    // Transient failures keep serving; only a shutdown (close()) ends the loop.
                    if (code == EINTR || code == ECONNABORTED || code == EAGAIN) && !lock.withLock({ closed }) { continue }
                    // Only this thread closes descriptors (the listener and every client), and
                    // only under the lock, so close() never touches a number reused meanwhile.
                    lock.withLock {
                        listenerClosed = true
                        Glibc.close(fd)
                        for client in open { Glibc.close(client) }
                        open.removeAll()
                    }
                    return
                }
                lock.withLock { open.append(client) }
                if lock.withLock({ closed }) { shutdown(client, Int32(SHUT_RDWR)) }
                var request: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                // Read the head, then Content-Length bytes of body.
                while true {
                    let n = recv(client, &buffer, buffer.count, 0)
                    if n <= 0 { break }
                    request += buffer[0..<n]
                    if let end = Self.headEnd(request) {
                        let head = String(decoding: request[..<end], as: UTF8.self).lowercased()
                        let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                            .flatMap { Int($0.dropFirst(15).trimmingCharacters(in: .whitespaces)) } ?? 0
                        if request.count >= end + 4 + length { break }
                    }
                }
                lock.withLock { requests.append(request) }
                if let answer = response(request) {
                    _ = answer.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    lock.withLock {
                        open.removeAll { $0 == client }
                        Glibc.close(client)
                    }
                }
            }
        }

        func close() {
            lock.withLock {
                guard !closed else { return }
                closed = true
                guard !listenerClosed else { return }
                // Shutting down (never closing) wakes a blocked accept, recv or send; serve()
                // then closes everything itself.
                shutdown(fd, Int32(SHUT_RDWR))
                for client in open { shutdown(client, Int32(SHUT_RDWR)) }
            }
        }

        private static func headEnd(_ bytes: [UInt8]) -> Int? {
            guard bytes.count >= 4 else { return nil }
            for i in 0...(bytes.count - 4) where bytes[i] == 13 && bytes[i + 1] == 10 && bytes[i + 2] == 13 && bytes[i + 3] == 10 {
                return i
            }
            return nil
        }
    }
}
