import Foundation
import Testing
import SigilNet

@Suite struct PlainHTTPClientTests {
    private func serve(_ raw: String) -> OneShotServer {
        OneShotServer { _ in Array(raw.utf8) }
    }

    @Test func sendsAWellFormedPost() throws {
        let server = serve("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA")
        let response = try HTTPTransport.post(url: server.url, body: Array("{\"a\":1}".utf8), timeout: 5)
        #expect(response.status == 200 && response.body == Array("ok".utf8))
        let request = String(decoding: try #require(server.receivedRequests.first), as: UTF8.self)
        #expect(request.hasPrefix("POST /rpc HTTP/1.1\r\n"))
        #expect(request.contains("\r\nHost: 127.0.0.1:\(server.port)\r\n"))
        #expect(request.contains("\r\nContent-Type: application/json\r\n"))
        #expect(request.contains("\r\nContent-Length: 7\r\n"))
        #expect(request.hasSuffix("\r\n\r\n{\"a\":1}"))
    }

    @Test func decodesChunkedBodiesAndSkipsContinue() throws {
        let server = serve("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nabcd\r\nA\r\n0123456789\r\n0\r\nX-Trailer: y\r\n\r\n")
        let response = try HTTPTransport.post(url: server.url, body: [], timeout: 5)
        #expect(String(decoding: response.body, as: UTF8.self) == "abcd0123456789")
    }

    @Test func readsUntilCloseWithoutLength() throws {
        let server = serve("HTTP/1.0 503 Service Unavailable\r\nServer: x\r\n\r\nbusy")
        let response = try HTTPTransport.post(url: server.url, body: [], timeout: 5)
        #expect(response.status == 503 && response.body == Array("busy".utf8) && response.header("SERVER") == "x")
    }

    @Test(arguments: [
        "garbage that is not http\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "HTTP/1.1 2000 OK\r\n\r\n",
        "",
    ])
    func malformedResponsesAreReported(raw: String) throws {
        let server = serve(raw)
        #expect {
            try HTTPTransport.post(url: server.url, body: [], timeout: 5)
        } throws: { error in
            guard case TransportError.malformedResponse(let endpoint, _) = error else { return false }
            return endpoint == "127.0.0.1:\(server.port)"
        }
    }

    @Test func silentServerTimesOutNearTheDeadline() throws {
        let server = OneShotServer { _ in nil }
        let start = Date()
        #expect(throws: TransportError.timedOut(endpoint: "127.0.0.1:\(server.port)", seconds: 0.5)) {
            try HTTPTransport.post(url: server.url, body: [], timeout: 0.5)
        }
        #expect(Date().timeIntervalSince(start) < 2.5)
    }

    @Test func refusedUnknownHostAndSizeCap() throws {
        let port = NetTestSupport.closedPort()
        #expect(throws: TransportError.connectionRefused(endpoint: "127.0.0.1:\(port)")) {
            try HTTPTransport.post(url: "http://127.0.0.1:\(port)", body: [], timeout: 2)
        }
        #expect {
            try HTTPTransport.post(url: "http://no-such-host.invalid:8545", body: [], timeout: 5)
        } throws: { error in
            if case TransportError.hostNotFound(let host, _) = error { return host == "no-such-host.invalid" }
            return false
        }
        let big = OneShotServer { _ in Array("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".utf8) + [UInt8](repeating: 0x41, count: 100_000) }
        #expect(throws: TransportError.responseTooLarge(endpoint: "127.0.0.1:\(big.port)", limit: 1000)) {
            try PlainHTTPClient(maximumResponseSize: 1000).post(url: HTTPURL(parsing: big.url), body: [], timeout: 5)
        }
    }
}
