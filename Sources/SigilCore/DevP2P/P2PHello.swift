/// A devp2p sub-protocol a peer speaks, e.g. eth/68.
public struct Capability: Sendable, Hashable, CustomStringConvertible {
    /// The protocol name (ASCII, at most 8 characters by convention), e.g. "eth".
    public let name: String
    /// The protocol version.
    public let version: UInt64

    public init(name: String, version: UInt64) {
        self.name = name
        self.version = version
    }

    /// "eth/68".
    public var description: String { "\(name)/\(version)" }
}

/// The base protocol's Hello message (id 0x00), the first frame each side sends, never
/// Snappy-compressed: `[protocolVersion, clientId, [[cap-name, cap-version], ...], listenPort, nodeId, ...]`.
public struct P2PHello: Sendable, Equatable {
    /// The base protocol version we speak (5: Snappy after Hello).
    public static let currentProtocolVersion: UInt64 = 5

    public var protocolVersion: UInt64
    /// Free text naming the client software, e.g. "Geth/v1.14.0/linux-amd64/go1.22".
    public var clientID: String
    public var capabilities: [Capability]
    /// The TCP port the node listens on (0 when it does not, as for a wallet).
    public var listenPort: UInt64
    /// The sender's 64-byte public key.
    public var nodeID: [UInt8]

    public init(
        protocolVersion: UInt64 = P2PHello.currentProtocolVersion, clientID: String, capabilities: [Capability],
        listenPort: UInt64 = 0, nodeID: [UInt8]
    ) {
        self.protocolVersion = protocolVersion
        self.clientID = clientID
        self.capabilities = capabilities
        self.listenPort = listenPort
        self.nodeID = nodeID
    }

    /// The RLP payload (without the message id).
    public func encoded() -> [UInt8] {
        RLP.encode(.list([
            .uint(protocolVersion),
            .string(clientID),
            .list(capabilities.map { .list([.string($0.name), .uint($0.version)]) }),
            .uint(listenPort),
            .bytes(nodeID),
        ]))
    }

    /// Decodes a Hello payload. Extra trailing list elements (in the message and in each
    /// capability) are ignored, as devp2p requires for forward compatibility; invalid UTF-8
    /// in the client id is replaced rather than rejected (it is only displayed).
    public init(decoding payload: [UInt8]) throws(RLPxError) {
        let items: [RLPItem]
        do { items = try RLP.decode(payload).list() } catch { throw .malformed("Hello message (not an RLP list: \(error.description))") }
        guard items.count >= 5 else { throw .malformed("Hello message (\(items.count) fields, expected at least 5)") }
        guard let version = try? items[0].uint64() else { throw .malformed("Hello message (protocol version is not an integer)") }
        guard let client = items[1].bytesValue else { throw .malformed("Hello message (client id is not a string)") }
        guard let capabilityItems = items[2].listValue else { throw .malformed("Hello message (capabilities are not a list)") }
        var capabilities: [Capability] = []
        capabilities.reserveCapacity(capabilityItems.count)
        for item in capabilityItems {
            guard let fields = item.listValue, fields.count >= 2, let name = fields[0].bytesValue,
                  let capVersion = try? fields[1].uint64()
            else { throw .malformed("Hello message (a capability is not [name, version])") }
            capabilities.append(Capability(name: String(decoding: name, as: UTF8.self), version: capVersion))
        }
        guard let port = try? items[3].uint64() else { throw .malformed("Hello message (listen port is not an integer)") }
        guard let node = items[4].bytesValue, node.count == 64 else { throw .malformed("Hello message (node id is not 64 bytes)") }
        self.init(protocolVersion: version, clientID: String(decoding: client, as: UTF8.self),
                  capabilities: capabilities, listenPort: port, nodeID: node)
    }
}

/// Message ids of the base ("p2p") protocol; sub-protocols start at 0x10.
public enum P2PMessageID {
    public static let hello: UInt64 = 0x00
    public static let disconnect: UInt64 = 0x01
    public static let ping: UInt64 = 0x02
    public static let pong: UInt64 = 0x03
    /// The first id of the first sub-protocol (eth).
    public static let firstSubprotocol: UInt64 = 0x10
}

/// Ping and Pong (ids 0x02, 0x03) carry an empty RLP list (Snappy-compressed like any
/// message after Hello).
public enum P2PPing {
    /// The uncompressed payload of a Ping or a Pong: RLP [].
    public static let payload: [UInt8] = [0xC0]
}
