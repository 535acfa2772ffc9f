/// An ERC-6492 signature: the signature of a contract wallet that may not be deployed yet,
/// wrapped with what deploys (or prepares) it.
///
/// Wire form: `abi.encode(address factory, bytes factoryCalldata, bytes signature)` followed
/// by the 32-byte magic suffix `0x6492…6492`. A verifier first calls `factory` with
/// `factoryCalldata` (which deploys the wallet by CREATE2), then asks the wallet's ERC-1271
/// `isValidSignature(hash, signature)`.
public struct ERC6492Signature: Sendable, Equatable {
    /// The contract to call before validating (a CREATE2 factory, or a "prepare" target).
    public var factory: Address
    /// The call that deploys or prepares the wallet.
    public var factoryCalldata: [UInt8]
    /// The wallet's own (ERC-1271) signature.
    public var signature: [UInt8]

    public init(factory: Address, factoryCalldata: [UInt8], signature: [UInt8]) {
        self.factory = factory
        self.factoryCalldata = factoryCalldata
        self.signature = signature
    }

    /// The 32 bytes that end every wrapped signature (the ERC's `magicBytes`).
    public static let magicSuffix: [UInt8] = Array(repeating: [0x64, 0x92], count: 16).flatMap { $0 }

    static let types: [ABIType] = [.address, .bytes, .bytes]

    /// Whether `bytes` ends with the magic suffix (then it must parse as a wrapper).
    public static func isWrapped(_ bytes: [UInt8]) -> Bool {
        bytes.count >= magicSuffix.count && Array(bytes.suffix(magicSuffix.count)) == magicSuffix
    }

    /// The wrapper in `bytes`, or nil when `bytes` does not end with the magic suffix (a plain
    /// signature). Bytes that end with the suffix but do not decode are an error.
    public static func parse(_ bytes: [UInt8]) throws(ERC6492Error) -> ERC6492Signature? {
        guard isWrapped(bytes) else { return nil }
        let body = Array(bytes.dropLast(magicSuffix.count))
        let values: [ABIValue]
        do {
            values = try ABIDecoder.decode(body, as: types, allowTrailingBytes: true)
        } catch {
            throw .malformed("\(error)")
        }
        guard case .address(let factory) = values[0], case .bytes(let calldata) = values[1],
              case .bytes(let signature) = values[2] else { throw .malformed("not (address, bytes, bytes)") }
        return ERC6492Signature(factory: factory, factoryCalldata: calldata, signature: signature)
    }

    /// The wire form: the ABI encoding of the three parts, then the magic suffix.
    public var serialized: [UInt8] {
        // Encoding values of their own types cannot fail.
        let body = (try? ABIEncoder.encode([.address(factory), .bytes(factoryCalldata), .bytes(signature)], as: Self.types)) ?? []
        return body + Self.magicSuffix
    }
}

/// A signature that ends with the ERC-6492 magic suffix but is not a wrapper.
public enum ERC6492Error: CategorizedError, Equatable {
    case malformed(String)

    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        switch self {
        case .malformed(let reason): "the signature ends with the ERC-6492 suffix but is not abi.encode(address, bytes, bytes): \(reason)"
        }
    }
}
