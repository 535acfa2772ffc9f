public import SigilCore

/// A call (or a gas estimate, or an access list) that the EVM reverted: exit 7, with the revert
/// data the node returned and its message, so the reason can be decoded.
public struct CallReverted: CategorizedError, Equatable {
    /// The JSON-RPC method that reported it (`eth_call`, `eth_estimateGas`, …).
    public let method: String
    /// The revert data (`Error(string)`, `Panic(uint256)`, a custom error, or nothing).
    public let data: [UInt8]
    /// The node's own message, e.g. `execution reverted: not enough`.
    public let nodeMessage: String

    public init(method: String, data: [UInt8], nodeMessage: String) {
        self.method = method
        self.data = data
        self.nodeMessage = nodeMessage
    }

    public var category: ErrorCategory { .reverted }

    public var description: String { describe(errors: []) }

    /// `the call reverted: REASON`, the reason decoded from the data (with `errors`, custom
    /// errors the caller knows), else the node's message.
    public func describe(errors: [ABIErrorSignature]) -> String {
        let what = method == "eth_estimateGas" ? "the gas estimate failed: the call reverted" : "the call reverted"
        return "\(what): \(reasonText(errors: errors))"
    }

    /// The reason alone, in words: the revert data decoded (`RevertReason`: `Error(string)`,
    /// `Panic(uint256)` and its meaning, a custom error among `errors` or Sigil's table, else
    /// the raw data); without data, the node's message (some nodes give only that).
    public func reasonText(errors: [ABIErrorSignature]) -> String {
        if data.isEmpty {
            let message = DisplayText.escaped(nodeMessage, limit: 400)
            let bare = message.isEmpty || message.lowercased() == "execution reverted"
            return bare ? "no reason given (no revert data)" : message
        }
        return RevertReason(data: data, errorSignatures: errors).description
    }

    /// The decoded revert data.
    public func reason(errors: [ABIErrorSignature] = []) -> RevertReason {
        RevertReason(data: data, errorSignatures: errors)
    }

    /// `body`'s result, a node's revert error turned into a `CallReverted`.
    static func rethrowing<T>(_ body: () throws(RPCError) -> T) throws -> T {
        do { return try body() } catch {
            if let reverted = CallReverted(error) { throw reverted }
            throw error
        }
    }

    /// The revert in a node's error, or nil when the error is not a revert. A revert is code 3
    /// (geth, erigon, reth) or a message that says it reverted (nethermind, besu, anvil, …);
    /// the data is the `data` member as `0x…` hex, or hex after a word (`Reverted 0x…`).
    public init?(_ error: RPCError) {
        guard case .node(let method, let code, let message, let data) = error else { return nil }
        let lowered = message.lowercased()
        guard code == 3 || lowered.contains("revert") else { return nil }
        self.init(method: method, data: Self.revertData(data), nodeMessage: message)
    }

    static func revertData(_ data: JSONValue?) -> [UInt8] {
        guard let data else { return [] }
        if let text = data.stringValue {
            let hex = text.split(separator: " ").last.map(String.init) ?? text
            return (try? Hex.decode(hex)) ?? []
        }
        if let inner = data.optional("data") { return revertData(inner) }
        return []
    }
}
