#if canImport(Glibc)
import Glibc
#endif

/// Why a TCP stream to a devp2p peer failed.
public enum TCPStreamError: Error, Equatable, Sendable {
    /// Connecting failed: refused, unreachable, name not found.
    case unreachable(String)
    /// The deadline passed while waiting for the peer.
    case timedOut
    /// The peer closed the connection (after `received` bytes of the current read).
    case closed(received: Int)
    /// A send or receive failed (reset, broken pipe).
    case failed(String)
}

/// A connected, non-blocking TCP socket with "read exactly" and "write all" bounded by a
/// deadline on the monotonic clock (seconds, `MonotonicClock.now()` based).
///
/// Not thread-safe: one thread owns a stream. `close()` is idempotent; the descriptor is
/// also closed on deinit.
public final class TCPStream: @unchecked Sendable {
    private var fd: Int32
    /// `host:port` of the peer, for messages.
    public let endpoint: String
    /// Bytes received but not yet consumed.
    private var buffer: [UInt8] = []
    private var bufferStart = 0

    init(fd: Int32, endpoint: String) {
        self.fd = fd
        self.endpoint = endpoint
    }

    deinit { close() }

    /// Connects to `host:port` before `deadline`. Numeric hosts skip DNS; a name is resolved
    /// with `getaddrinfo` (which cannot be interrupted: callers bound it with a hard deadline).
    public static func connect(host: String, port: UInt16, deadline: Double) throws(TCPStreamError) -> TCPStream {
        do {
            return try open(host: host, port: port, deadline: deadline)
        } catch {
            switch error {
            case .hostNotFound(let reason): throw .unreachable("host not found: \(host) (\(reason))")
            case .noUsableAddress: throw .unreachable("no usable address")
            case .refused: throw .unreachable("connection refused")
            case .failed(let code): throw .unreachable(errorText(code))
            case .timedOut: throw .timedOut
            }
        }
    }

    /// Why `open` failed, in detail, for callers that report failures in their own terms.
    enum ConnectFailure: Error {
        /// `getaddrinfo` failed; its message.
        case hostNotFound(reason: String)
        /// The name resolved to no address.
        case noUsableAddress
        /// The last address refused the connection.
        case refused
        /// The last address failed with this errno.
        case failed(Int32)
        /// The deadline passed while connecting.
        case timedOut
    }

    /// Connects to `host:port` before `deadline`, trying each resolved address in turn.
    /// `addressConfig` passes `AI_ADDRCONFIG` (only address families configured on this host).
    static func open(host: String, port: UInt16, deadline: Double, addressConfig: Bool = false) throws(ConnectFailure) -> TCPStream {
        let endpoint = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        if addressConfig { hints.ai_flags = AI_ADDRCONFIG }
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .hostNotFound(reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var lastError = ConnectFailure.noUsableAddress
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            node = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { lastError = .failed(errno); continue }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return TCPStream(fd: fd, endpoint: endpoint) }
            var code = errno
            if code == EINPROGRESS {
                switch wait(fd, for: Int16(POLLOUT), deadline: deadline) {
                case .ready:
                    var soError: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
                    if soError == 0 { return TCPStream(fd: fd, endpoint: endpoint) }
                    code = soError
                case .timedOut:
                    Glibc.close(fd)
                    throw .timedOut
                case .failed(let pollError):
                    code = pollError
                }
            }
            Glibc.close(fd)
            lastError = code == ECONNREFUSED ? .refused : .failed(code)
        }
        throw lastError
    }

    /// Wraps an accepted, already connected descriptor (made non-blocking here).
    public static func adopt(fd: Int32, endpoint: String) -> TCPStream {
        let flags = fcntl(fd, F_GETFL, 0)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return TCPStream(fd: fd, endpoint: endpoint)
    }

    /// Sends every byte before `deadline`.
    public func writeAll(_ bytes: [UInt8], deadline: Double) throws(TCPStreamError) {
        guard fd >= 0 else { throw .closed(received: 0) }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 { offset += sent; continue }
            let code = errno
            guard sent < 0, code == EAGAIN || code == EWOULDBLOCK || code == EINTR else {
                throw .failed("send failed: \(Self.errorText(code))")
            }
            switch Self.wait(fd, for: Int16(POLLOUT), deadline: deadline) {
            case .ready: continue
            case .timedOut: throw .timedOut
            case .failed(let code): throw .failed(Self.errorText(code))
            }
        }
    }

    /// Reads exactly `count` bytes before `deadline`.
    public func readExactly(_ count: Int, deadline: Double) throws(TCPStreamError) -> [UInt8] {
        while buffer.count - bufferStart < count {
            try fill(deadline: deadline, wanted: count)
        }
        let result = Array(buffer[bufferStart..<bufferStart + count])
        bufferStart += count
        if bufferStart == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            bufferStart = 0
        }
        return result
    }

    /// Whether unread bytes are already buffered (no syscall).
    public var hasBufferedBytes: Bool { bufferStart < buffer.count }

    private func fill(deadline: Double, wanted: Int) throws(TCPStreamError) {
        guard fd >= 0 else { throw .closed(received: buffer.count - bufferStart) }
        if bufferStart > 0 && bufferStart > buffer.count / 2 {
            buffer.removeFirst(bufferStart)
            bufferStart = 0
        }
        let chunk: [UInt8]
        do {
            chunk = try receiveSome(maximum: max(16 * 1024, wanted - (buffer.count - bufferStart)), deadline: deadline)
        } catch {
            switch error {
            case .timedOut: throw .timedOut
            case .pollFailed(let code): throw .failed(Self.errorText(code))
            case .receiveFailed(let code) where code == ECONNRESET: throw .closed(received: buffer.count - bufferStart)
            case .receiveFailed(let code): throw .failed("receive failed: \(Self.errorText(code))")
            }
        }
        if chunk.isEmpty { throw .closed(received: buffer.count - bufferStart) }
        buffer.append(contentsOf: chunk)
    }

    /// Why `receiveSome` failed, in detail, for callers that report failures in their own terms.
    enum ReceiveFailure: Error {
        /// The deadline passed before any byte arrived.
        case timedOut
        /// Waiting for the socket failed with this errno.
        case pollFailed(Int32)
        /// `recv` failed with this errno (e.g. ECONNRESET).
        case receiveFailed(Int32)
    }

    /// The bytes that arrive next, at most `maximum` (at least one, waiting until `deadline`);
    /// empty when the peer closed the connection. Bypasses the buffer of `readExactly`.
    func receiveSome(maximum: Int, deadline: Double) throws(ReceiveFailure) -> [UInt8] {
        guard fd >= 0 else { throw .receiveFailed(EBADF) }
        var chunk = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if count >= 0 {
                chunk.removeLast(maximum - count)
                return chunk
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw .receiveFailed(code) }
            switch Self.wait(fd, for: Int16(POLLIN), deadline: deadline) {
            case .ready: continue
            case .timedOut: throw .timedOut
            case .failed(let code): throw .pollFailed(code)
            }
        }
    }

    /// Closes the socket. Idempotent.
    public func close() {
        if fd >= 0 {
            Glibc.close(fd)
            fd = -1
        }
    }

    /// Shuts the socket down in both directions without releasing the descriptor (safe from
    /// another thread: a blocked poll on it wakes up).
    public func shutdown() {
        if fd >= 0 { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }
    }

    enum WaitResult { case ready, timedOut, failed(Int32) }

    /// Polls `fd` for `events` until the deadline. Errors and hang-ups count as ready.
    static func wait(_ fd: Int32, for events: Int16, deadline: Double) -> WaitResult {
        while true {
            let remaining = deadline - MonotonicClock.now()
            if remaining <= 0 { return .timedOut }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let milliseconds = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
            let result = poll(&entry, 1, milliseconds)
            if result > 0 { return .ready }
            if result == 0 { continue }
            let code = errno
            if code != EINTR { return .failed(code) }
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
