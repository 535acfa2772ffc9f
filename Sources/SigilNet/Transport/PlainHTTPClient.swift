#if canImport(Glibc)
import Glibc
#endif

/// HTTP/1.1 POST over a plain TCP socket, for `http://` peers (local and self-hosted nodes).
///
/// Connections are kept alive and reused per endpoint (`HTTPConnectionPool`) unless the peer
/// says `Connection: close`, answers HTTP/1.0, or ends its body by closing. A reused connection
/// that the peer has closed meanwhile (nothing received) is replaced by a new one, once. Every
/// step (connect, send, receive) polls with the time left until one overall deadline, so a
/// silent peer costs at most `timeout`.
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
        var request = Array("POST \(url.target) HTTP/1.1\r\nHost: \(url.hostHeader)\r\n".utf8)
        request += Array("User-Agent: sigil\r\nAccept: application/json\r\nContent-Type: application/json\r\n".utf8)
        request += Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        request += body
        if let reused = HTTPConnectionPool.shared.take(endpoint) {
            // A kept-alive connection the peer may have closed since: if it fails before any
            // byte of an answer arrives, the request goes out again on a new connection.
            if let (response, keep) = try? exchange(reused, request, endpoint: endpoint, deadline: deadline, timeout: timeout) {
                if keep { HTTPConnectionPool.shared.give(reused, endpoint: endpoint) } else { reused.close() }
                return response
            }
            reused.close()
            if MonotonicClock.now() >= deadline { throw .timedOut(endpoint: endpoint, seconds: timeout) }
        }
        let stream = try connect(url, deadline: deadline, timeout: timeout)
        let (response, keep): (HTTPResponse, Bool)
        do {
            (response, keep) = try exchange(stream, request, endpoint: endpoint, deadline: deadline, timeout: timeout)
        } catch {
            stream.close()
            throw error
        }
        if keep { HTTPConnectionPool.shared.give(stream, endpoint: endpoint) } else { stream.close() }
        return response
    }

    /// Sends `request` and reads the response; `keep` tells whether the connection may be reused.
    private func exchange(_ stream: TCPStream, _ request: [UInt8], endpoint: String, deadline: Double,
                          timeout: Double) throws(TransportError) -> (HTTPResponse, keep: Bool) {
        do {
            try stream.writeAll(request, deadline: deadline)
        } catch {
            switch error {
            case .timedOut: throw .timedOut(endpoint: endpoint, seconds: timeout)
            case .failed(let reason), .unreachable(let reason): throw .unreachable(endpoint: endpoint, reason: reason)
            case .closed: throw .unreachable(endpoint: endpoint, reason: "connection closed")
            }
        }
        return try receive(stream, endpoint: endpoint, deadline: deadline, timeout: timeout)
    }

    // MARK: - Connecting

    private func connect(_ url: HTTPURL, deadline: Double, timeout: Double) throws(TransportError) -> TCPStream {
        do {
            return try TCPStream.open(host: url.host, port: url.port, deadline: deadline, addressConfig: true)
        } catch {
            switch error {
            case .hostNotFound(let reason): throw .hostNotFound(host: url.host, reason: reason)
            case .noUsableAddress: throw .unreachable(endpoint: url.endpoint, reason: "no usable address")
            case .refused: throw .connectionRefused(endpoint: url.endpoint)
            case .failed(let code): throw .unreachable(endpoint: url.endpoint, reason: TCPStream.errorText(code))
            case .timedOut: throw .timedOut(endpoint: url.endpoint, seconds: timeout)
            }
        }
    }

    // MARK: - Receiving

    private func receive(_ stream: TCPStream, endpoint: String, deadline: Double, timeout: Double) throws(TransportError) -> (HTTPResponse, keep: Bool) {
        var buffer: [UInt8] = []
        var parser = HTTPResponseParser()
        while true {
            let chunk: [UInt8]
            do {
                chunk = try stream.receiveSome(maximum: 64 * 1024, deadline: deadline)
            } catch {
                switch error {
                case .timedOut: throw .timedOut(endpoint: endpoint, seconds: timeout)
                case .pollFailed(let code): throw .unreachable(endpoint: endpoint, reason: TCPStream.errorText(code))
                case .receiveFailed(let code):
                    if code == ECONNRESET && buffer.isEmpty {
                        throw .unreachable(endpoint: endpoint, reason: "connection reset before any response")
                    }
                    throw .malformedResponse(endpoint: endpoint, reason: "receive failed: \(TCPStream.errorText(code))")
                }
            }
            buffer.append(contentsOf: chunk)
            guard buffer.count <= maximumResponseSize else {
                throw .responseTooLarge(endpoint: endpoint, limit: maximumResponseSize)
            }
            do {
                if case .complete(let response) = try parser.step(buffer, closed: chunk.isEmpty) {
                    let closes = response.headers.contains { $0.name.lowercased() == "connection" && $0.value.lowercased().contains("close") }
                    let keep = !chunk.isEmpty && !closes && !buffer.starts(with: Array("HTTP/1.0".utf8))
                    return (response, keep)
                }
            } catch {
                throw .malformedResponse(endpoint: endpoint, reason: error.reason)
            }
        }
    }
}
