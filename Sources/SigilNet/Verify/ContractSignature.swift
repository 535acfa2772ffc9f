public import SigilCore

/// How a signature was proved (or refuted): recovering the signer (`ecrecover`, an account
/// without code), the account's own `isValidSignature` (`ERC-1271`), or that call after the
/// wallet's factory call in a deployless `eth_call` (`ERC-6492`, a wallet not deployed yet).
public enum SignatureMethod: String, Sendable, Equatable {
    case ecrecover
    case erc1271 = "ERC-1271"
    case erc6492 = "ERC-6492"
}

/// The verdict of a contract wallet on a signature.
public struct ContractSignatureVerdict: Sendable, Equatable {
    public let method: SignatureMethod
    public let valid: Bool
    /// Why not valid, when the node said more than "not the magic value" (a revert message).
    public let reason: String?

    public init(method: SignatureMethod, valid: Bool, reason: String?) {
        self.method = method
        self.valid = valid
        self.reason = reason
    }
}

/// ERC-1271 and ERC-6492 checks through a peer's `eth_call` (answers are the peer's word).
///
/// The order is ERC-6492's: a wrapped signature (ending with the magic suffix) is checked with
/// the wallet's `isValidSignature` directly when the wallet has code, and otherwise (or when that
/// fails) by the deployless validator, which runs the factory call first; an unwrapped signature
/// of an address with code is checked by `isValidSignature`; an address without code is left to
/// `ecrecover` (`check` returns nil). An EIP-7702 delegated account (code `0xef0100‖address`)
/// whose delegate does not say valid is also left to `ecrecover`: its key still signs for it.
public struct ContractSignatureCheck: Sendable {
    public let reader: NodeReader
    public var block: BlockTag

    public init(reader: NodeReader, block: BlockTag = .latest) {
        self.reader = reader
        self.block = block
    }

    /// The verdict on `signature` (any length) of the 32-byte `hash` by `signer`, or nil when
    /// `ecrecover` decides (no code and no ERC-6492 wrapper, or a 7702 account that says no).
    public func check(signer: Address, hash: [UInt8], signature: [UInt8]) throws -> ContractSignatureVerdict? {
        let wrapper = try ERC6492Signature.parse(signature)
        let code = try reader.client.call("eth_getCode", [.string(Hex.encode(signer.bytes)), block.json]).bytes(method: "eth_getCode")
        let delegated = code.count == 23 && code.starts(with: [0xef, 0x01, 0x00])
        if let wrapper {
            if !code.isEmpty {
                let direct = try isValidSignature(signer, hash: hash, signature: wrapper.signature)
                if direct.valid { return direct }
            }
            return try deployless(signer, hash: hash, wrapper: wrapper)
        }
        guard !code.isEmpty else { return nil }
        let verdict = try isValidSignature(signer, hash: hash, signature: signature)
        return delegated && !verdict.valid ? nil : verdict
    }

    /// `signer.isValidSignature(hash, signature)` by `eth_call`; a revert is "not valid".
    func isValidSignature(_ signer: Address, hash: [UInt8], signature: [UInt8]) throws -> ContractSignatureVerdict {
        let data = ERC1271.isValidSignatureCall(hash: hash, signature: signature)
        do {
            let answer = try reader.call(to: signer, data: data, at: block)
            return ContractSignatureVerdict(method: .erc1271, valid: ERC1271.isMagic(answer), reason: nil)
        } catch .node(_, _, let message, _) {
            return ContractSignatureVerdict(method: .erc1271, valid: false, reason: DisplayText.escaped(message))
        }
    }

    /// The deployless `eth_call` (no `to`): factory call, then `isValidSignature`.
    func deployless(_ signer: Address, hash: [UInt8], wrapper: ERC6492Signature) throws -> ContractSignatureVerdict {
        let data = DeploylessSignatureValidator.callData(wallet: signer, hash: hash, signature: wrapper)
        let params: [JSONValue] = [.object([("data", .string(Hex.encode(data)))]), block.json]
        do {
            let answer = try reader.client.call("eth_call", params).bytes(method: "eth_call")
            return ContractSignatureVerdict(method: .erc6492, valid: ERC1271.isMagic(answer), reason: nil)
        } catch .node(_, _, let message, _) {
            return ContractSignatureVerdict(method: .erc6492, valid: false, reason: DisplayText.escaped(message))
        }
    }
}
