#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 POST over a plain TCP socket, for `http://` peers (local and self-hosted nodes).
///
/// One connection per request (`Connection: close`). Every step (connect, send, receive) polls
/// with the time left until one overall deadline, so a silent peer costs at most `timeout`.
/// Name resolution uses `getaddrinfo`, which cannot be interrupted; numeric hosts skip DNS.
public struct PlainHTTPClient: Sendable {
    /// The largest response accepted, headers included.
    public let maximumResponseSize: Int

    public init(maximumResponseSize: Int = HTTPTransport.maximumResponseSize) {
        self.maximumResponseSize = maximumResponseSize
    }

    /// POSTs `body` as `application/json` to `url` (scheme `http`) within `timeout` seconds.
    public func post(url: HTTPURL, body: [UInt8], timeout: Double) throws(TransportError) -> HTTPResponse {
        let deadline = MonotonicClock.now() + timeout
        let endpoint = url.endpoint
        let fd = try connect(url, deadline: deadline, timeout: timeout)
        defer { close(fd) }

        var request = Array("POST \(url.target) HTTP/1.1\r\nHost: \(url.hostHeader)\r\n".utf8)
        request += Array("User-Agent: sigil\r\nAccept: application/json\r\nContent-Type: application/json\r\n".utf8)
        request += Array("Content-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        request += body
        try sendAll(fd, request, endpoint: endpoint, deadline: deadline, timeout: timeout)
        return try receive(fd, endpoint: endpoint, deadline: deadline, timeout: timeout)
    }

    // MARK: - Connecting

    private func connect(_ url: HTTPURL, deadline: Double, timeout: Double) throws(TransportError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let status = getaddrinfo(url.host, String(url.port), &hints, &list)
        guard status == 0, let first = list else {
            throw .hostNotFound(host: url.host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }

        var lastError: TransportError = .unreachable(endpoint: url.endpoint, reason: "no usable address")
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            node = info.pointee.ai_next
            let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { lastError = .unreachable(endpoint: url.endpoint, reason: Self.errorText(errno)); continue }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return fd }
            var code = errno
            if code == EINPROGRESS {
                switch Self.wait(fd, for: Int16(POLLOUT), deadline: deadline) {
                case .ready:
                    var soError: Int32 = 0
                    var length = socklen_t(MemoryLayout<Int32>.size)
                    getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &length)
                    if soError == 0 { return fd }
                    code = soError
                case .timedOut:
                    close(fd)
                    throw .timedOut(endpoint: url.endpoint, seconds: timeout)
                case .failed(let pollError):
                    code = pollError
                }
            }
            close(fd)
            lastError = code == ECONNREFUSED
                ? .connectionRefused(endpoint: url.endpoint)
                : .unreachable(endpoint: url.endpoint, reason: Self.errorText(code))
        }
        throw lastError
    }

    // MARK: - Sending and receiving

    private func sendAll(_ fd: Int32, _ bytes: [UInt8], endpoint: String, deadline: Double, timeout: Double) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 { offset += sent; continue }
            let code = errno
            guard sent < 0, code == EAGAIN || code == EWOULDBLOCK || code == EINTR else {
                throw .unreachable(endpoint: endpoint, reason: "send failed: \(Self.errorText(code))")
            }
            switch Self.wait(fd, for: Int16(POLLOUT), deadline: deadline) {
            case .ready: continue
            case .timedOut: throw .timedOut(endpoint: endpoint, seconds: timeout)
            case .failed(let code): throw .unreachable(endpoint: endpoint, reason: Self.errorText(code))
            }
        }
    }

    private func receive(_ fd: Int32, endpoint: String, deadline: Double, timeout: Double) throws(TransportError) -> HTTPResponse {
        var buffer: [UInt8] = []
        var parser = HTTPResponseParser()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            switch Self.wait(fd, for: Int16(POLLIN), deadline: deadline) {
            case .ready: break
            case .timedOut: throw .timedOut(endpoint: endpoint, seconds: timeout)
            case .failed(let code): throw .unreachable(endpoint: endpoint, reason: Self.errorText(code))
            }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if count < 0 {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK || code == EINTR { continue }
                if code == ECONNRESET && buffer.isEmpty {
                    throw .unreachable(endpoint: endpoint, reason: "connection reset before any response")
                }
                throw .malformedResponse(endpoint: endpoint, reason: "receive failed: \(Self.errorText(code))")
            }
            buffer.append(contentsOf: chunk[0..<count])
            guard buffer.count <= maximumResponseSize else {
                throw .responseTooLarge(endpoint: endpoint, limit: maximumResponseSize)
            }
            do {
                if case .complete(let response) = try parser.step(buffer, closed: count == 0) { return response }
            } catch {
                throw .malformedResponse(endpoint: endpoint, reason: error.reason)
            }
        }
    }

    private enum WaitResult { case ready, timedOut, failed(Int32) }

    /// Polls `fd` for `events` until the deadline. Errors and hang-ups count as ready (the
    /// following call reports them precisely).
    private static func wait(_ fd: Int32, for events: Int16, deadline: Double) -> WaitResult {
        while true {
            let remaining = deadline - MonotonicClock.now()
            if remaining <= 0 { return .timedOut }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let milliseconds = Int32(min(remaining * 1000, Double(Int32.max)).rounded(.up))
            let result = poll(&entry, 1, milliseconds)
            if result > 0 { return .ready }
            if result == 0 { continue }  // re-checks the deadline
            let code = errno
            if code != EINTR { return .failed(code) }
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
