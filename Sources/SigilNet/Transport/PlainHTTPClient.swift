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
        let stream = try connect(url, deadline: deadline, timeout: timeout)
        defer { stream.close() }

        var request = Array("POST \(url.target) HTTP/1.1\r\nHost: \(url.hostHeader)\r\n".utf8)
        request += Array("User-Agent: sigil\r\nAccept: application/json\r\nContent-Type: application/json\r\n".utf8)
        request += Array("Content-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        request += body
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

    private func receive(_ stream: TCPStream, endpoint: String, deadline: Double, timeout: Double) throws(TransportError) -> HTTPResponse {
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
                if case .complete(let response) = try parser.step(buffer, closed: chunk.isEmpty) { return response }
            } catch {
                throw .malformedResponse(endpoint: endpoint, reason: error.reason)
            }
        }
    }
}
