/// A devp2p node address: `enode://<128 hex digits of the public key>@host:port[?discport=N]`.
///
/// The host is an IPv4 address, a host name, or an IPv6 address in brackets. The optional
/// `discport` (the UDP discovery port) is accepted and dropped: only TCP is used here.
public struct Enode: Sendable, Hashable, CustomStringConvertible {
    /// The node's static public key (its id).
    public let publicKey: PublicKey
    /// The host to dial, without brackets for IPv6.
    public let host: String
    /// The TCP port.
    public let port: UInt16

    /// A node from its parts.
    public init(publicKey: PublicKey, host: String, port: UInt16) {
        self.publicKey = publicKey
        self.host = host
        self.port = port
    }

    /// Parses an enode URL, naming what is wrong when it is not one.
    public init(parsing text: String) throws(EnodeError) {
        let scheme = "enode://"
        guard text.hasPrefix(scheme) else { throw .missingScheme }
        var rest = text.dropFirst(scheme.count)
        guard let at = rest.firstIndex(of: "@") else { throw .missingHost }
        let keyHex = rest[..<at]
        rest = rest[rest.index(after: at)...]
        guard keyHex.utf8.count == 128 else { throw .keyLength(keyHex.utf8.count) }
        let keyBytes: [UInt8]
        do { keyBytes = try Hex.decode(keyHex, prefix: .forbidden) } catch { throw .keyNotHex }
        do { publicKey = try PublicKey(bytes: keyBytes) } catch { throw .keyNotOnCurve }

        if let query = rest.firstIndex(of: "?") {
            try Self.checkQuery(rest[rest.index(after: query)...])
            rest = rest[..<query]
        }
        let hostPart: Substring, portPart: Substring
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw .invalidHost(String(rest)) }
            hostPart = rest[rest.index(after: rest.startIndex)..<close]
            let afterBracket = rest[rest.index(after: close)...]
            guard afterBracket.hasPrefix(":") else { throw .missingPort }
            portPart = afterBracket.dropFirst()
            guard !hostPart.isEmpty, hostPart.contains(":"), hostPart.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
            else { throw .invalidHost(String(hostPart)) }
        } else {
            guard let colon = rest.lastIndex(of: ":") else { throw .missingPort }
            hostPart = rest[..<colon]
            portPart = rest[rest.index(after: colon)...]
            guard !hostPart.isEmpty else { throw .missingHost }
            guard hostPart.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == "_" })
            else { throw .invalidHost(String(hostPart)) }
        }
        guard let port = UInt16(portPart), port != 0 else { throw .invalidPort(String(portPart)) }
        host = String(hostPart)
        self.port = port
    }

    private static func checkQuery(_ query: Substring) throws(EnodeError) {
        for pair in query.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "discport", UInt16(parts[1]) != nil else {
                throw .invalidQuery(String(pair))
            }
        }
    }

    /// `enode://<key hex>@host:port`, with an IPv6 host in brackets.
    public var description: String {
        let hostText = host.contains(":") ? "[\(host)]" : host
        return "enode://\(Hex.encode(publicKey.raw, prefix: false))@\(hostText):\(port)"
    }
}

/// Why a text is not an enode URL. Descriptions quote at most a short excerpt of the input.
public enum EnodeError: CategorizedError, Equatable {
    /// The text does not start with `enode://`.
    case missingScheme
    /// The node id is not 128 hex digits (the count found).
    case keyLength(Int)
    /// The node id contains a character that is not a hex digit.
    case keyNotHex
    /// The node id is 64 bytes that are not a point on secp256k1.
    case keyNotOnCurve
    /// No `@host` after the node id, or an empty host.
    case missingHost
    /// The host contains characters a host name or IP address cannot.
    case invalidHost(String)
    /// No `:port` after the host.
    case missingPort
    /// The port is not a number from 1 to 65535.
    case invalidPort(String)
    /// A query parameter other than `discport=<port>`.
    case invalidQuery(String)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .missingScheme: "not an enode URL: it must start with enode://"
        case .keyLength(let n): "enode node id must be 128 hex digits (a 64-byte public key), got \(n)"
        case .keyNotHex: "enode node id contains a character that is not a hex digit"
        case .keyNotOnCurve: "enode node id is not a valid secp256k1 public key"
        case .missingHost: "enode URL has no host: expected enode://<id>@host:port"
        case .invalidHost(let host): "enode host '\(Self.excerpt(host))' is not a host name or IP address"
        case .missingPort: "enode URL has no port: expected enode://<id>@host:port"
        case .invalidPort(let port): "enode port '\(Self.excerpt(port))' is not a number from 1 to 65535"
        case .invalidQuery(let query): "enode URL has an unsupported parameter '\(Self.excerpt(query))' (only discport=<port>)"
        }
    }

    private static func excerpt(_ text: String) -> String {
        text.count <= 64 ? text : String(text.prefix(61)) + "..."
    }
}
