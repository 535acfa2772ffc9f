internal import CCurlShim
#if canImport(Glibc)
import Glibc
#endif

/// HTTPS POST through libcurl, which is loaded with `dlopen` on first use (see CCurlShim), so
/// that commands which never talk to an `https://` peer do not pay libcurl's start-up cost.
///
/// Certificates are verified against the system store, or against the PEM bundle named by the
/// `SIGIL_CA_FILE` environment variable.
public struct CurlHTTPClient: Sendable {
    public init() {}

    /// Loads libcurl if needed; throws `.httpsUnavailable` when it cannot be loaded.
    public static func ensureLoaded() throws(TransportError) {
        var error = [CChar](repeating: 0, count: 512)
        if sigil_curl_load(&error, error.count) != 0 {
            throw .httpsUnavailable(reason: Self.text(error))
        }
    }

    /// POSTs `body` as `application/json` to `url` (scheme `https`) within `timeout` seconds.
    public func post(url: HTTPURL, body: [UInt8], timeout: Double) throws(TransportError) -> HTTPResponse {
        var status = 0
        var response: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        var error = [CChar](repeating: 0, count: 512)
        let caFile = getenv("SIGIL_CA_FILE").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        let milliseconds = max(1, Int(min(timeout * 1000, Double(Int32.max))))
        // The body is passed with an explicit length: it need not be NUL-terminated.
        let code: Int32 = body.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let caFile {
                    return sigil_curl_post(url.text, chars.baseAddress, chars.count, milliseconds, caFile,
                                           &status, &response, &length, &error, error.count)
                }
                return sigil_curl_post(url.text, chars.baseAddress, chars.count, milliseconds, nil,
                                       &status, &response, &length, &error, error.count)
            }
        }
        defer { if let response { sigil_curl_free(response) } }
        let endpoint = url.endpoint
        switch code {
        case 0:
            let bytes = response.map { pointer in
                Array(UnsafeRawBufferPointer(start: pointer, count: length).bindMemory(to: UInt8.self))
            } ?? []
            return HTTPResponse(status: status, headers: [], body: bytes)
        case -1:
            throw .httpsUnavailable(reason: Self.text(error))
        case _ where sigil_curl_is_timeout(code) != 0:
            throw .timedOut(endpoint: endpoint, seconds: timeout)
        case 6:  // CURLE_COULDNT_RESOLVE_HOST
            throw .hostNotFound(host: url.host, reason: Self.text(error))
        case 7 where Self.text(error).lowercased().contains("refused"):  // CURLE_COULDNT_CONNECT
            throw .connectionRefused(endpoint: endpoint)
        case 8, 18, 52, 56:  // weird reply, partial file, empty reply, receive error
            throw .malformedResponse(endpoint: endpoint, reason: Self.text(error))
        case 23 where Self.text(error).contains("32 MiB"):  // CURLE_WRITE_ERROR from our size cap
            throw .responseTooLarge(endpoint: endpoint, limit: HTTPTransport.maximumResponseSize)
        default:
            throw .unreachable(endpoint: endpoint, reason: Self.text(error))
        }
    }

    private static func text(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
