/// A peer URL split into what an HTTP client needs: `scheme://host[:port][/path][?query]`.
public struct HTTPURL: Sendable, Equatable {
    public enum Scheme: String, Sendable { case http, https }

    public let scheme: Scheme
    /// The host name or IP literal, without IPv6 brackets.
    public let host: String
    public let port: UInt16
    /// The request target: path plus query, at least `/`.
    public let target: String
    /// The URL exactly as given.
    public let text: String

    /// `host:port` (IPv6 in brackets): what error messages name, never the path (API keys live there).
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The `Host` header value: the port only when it is not the scheme's default.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        let defaultPort: UInt16 = scheme == .http ? 80 : 443
        return port == defaultPort ? name : "\(name):\(port)"
    }

    /// Parses `text`; refuses other schemes and embedded credentials.
    public init(parsing text: String) throws(TransportError) {
        self.text = text
        guard let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") else {
            throw .invalidURL(reason: "missing scheme (expected http:// or https://)")
        }
        let schemeText = text[..<colon].lowercased()
        guard let scheme = Scheme(rawValue: schemeText) else { throw .unsupportedScheme(schemeText) }
        self.scheme = scheme
        var rest = text[text.index(colon, offsetBy: 3)...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty { target = "/" } else if target.first == "?" { target = "/" + target }
        guard !authority.contains("@") else { throw .credentialsInURL }
        guard target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidURL(reason: "path contains spaces or control characters")
        }
        self.target = target

        var hostPart = Substring(authority)
        var portText: Substring? = nil
        if hostPart.first == "[" {
            guard let close = hostPart.firstIndex(of: "]") else { throw .invalidURL(reason: "unterminated IPv6 literal") }
            let after = hostPart[hostPart.index(after: close)...]
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
            if !after.isEmpty {
                guard after.first == ":" else { throw .invalidURL(reason: "unexpected text after IPv6 literal") }
                portText = after.dropFirst()
            }
        } else if let colon = hostPart.lastIndex(of: ":") {
            portText = hostPart[hostPart.index(after: colon)...]
            hostPart = hostPart[..<colon]
        }
        guard !hostPart.isEmpty else { throw .invalidURL(reason: "missing host") }
        guard hostPart.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") }) else {
            throw .invalidURL(reason: "host contains invalid characters")
        }
        self.host = String(hostPart)
        if let portText {
            guard let port = UInt16(portText), port > 0 else {
                throw .invalidURL(reason: "invalid port \"\(portText)\"")
            }
            self.port = port
        } else {
            self.port = scheme == .http ? 80 : 443
        }
    }
}
