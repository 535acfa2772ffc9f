import Foundation
import SigilCore

/// Reading transaction fields from vector JSON (Foundation values) and building payloads.
enum TxTestSupport {
    struct Bad: Error, CustomStringConvertible { let description: String }

    /// Bytes from "0x…", "…" (no prefix) or "" (empty).
    static func bytes(_ value: Any?) throws -> [UInt8] {
        guard let text = value as? String else {
            if value == nil || value is NSNull { return [] }
            throw Bad(description: "not a hex string: \(String(describing: value))")
        }
        var digits = text.hasPrefix("0x") || text.hasPrefix("0X") ? String(text.dropFirst(2)) : text
        if digits.count % 2 == 1 { digits = "0" + digits }
        return try Hex.decode(digits, prefix: .forbidden)
    }

    /// An integer from a JSON number, "0x…" hex, a decimal string or {"hex": …, "dec": …}.
    static func u256(_ value: Any?) throws -> U256 {
        switch value {
        case let number as NSNumber: return U256(number.uint64Value)
        case let text as String:
            if text.hasPrefix("0x") || text.hasPrefix("0X") {
                let raw = try bytes(text)
                let trimmed = Array(raw.drop(while: { $0 == 0 }))
                return try U256(bigEndian: trimmed)
            }
            return try U256(decimal: text)
        case let object as [String: Any]: return try u256(object["hex"])
        case nil, is NSNull: return .zero
        default: throw Bad(description: "not an integer: \(String(describing: value))")
        }
    }

    static func uint64(_ value: Any?) throws -> UInt64 {
        guard let small = try u256(value).uint64Value else { throw Bad(description: "over 64 bits: \(String(describing: value))") }
        return small
    }

    /// An address, or nil for "", null or absent (creation).
    static func address(_ value: Any?) throws -> Address? {
        let raw = try bytes(value)
        return raw.isEmpty ? nil : try Address(bytes: raw)
    }

    static func accessList(_ value: Any?) throws -> AccessList {
        guard let entries = value as? [Any] else { return AccessList() }
        return AccessList(try entries.map { entry in
            guard let object = entry as? [String: Any] else { throw Bad(description: "bad access list entry") }
            let keys = try (object["storageKeys"] as? [Any] ?? []).map { try bytes($0) }
            return AccessList.Entry(address: try address(object["address"])!, storageKeys: keys)
        })
    }

    static func authorizations(_ value: Any?) throws -> [SignedAuthorization] {
        guard let entries = value as? [[String: Any]] else { return [] }
        return try entries.map { object in
            SignedAuthorization(
                authorization: Authorization(chainId: try u256(object["chainId"]), address: try address(object["address"])!,
                                             nonce: try uint64(object["nonce"])),
                yParity: UInt8(try uint64(object["yParity"] ?? object["v"])), r: try u256(object["r"]), s: try u256(object["s"]))
        }
    }

    /// The type a field dictionary describes: explicit `type`, else inferred from its fields.
    static func inferredType(_ tx: [String: Any]) throws -> TransactionType {
        if tx["type"] != nil, !(tx["type"] is NSNull) {
            return TransactionType(rawValue: UInt8(try uint64(tx["type"])))!
        }
        if tx["authorizationList"] != nil { return .setCode }
        if tx["blobVersionedHashes"] != nil { return .blob }
        if tx["maxFeePerGas"] != nil { return .dynamicFee }
        if tx["accessList"] != nil { return .accessList }
        return .legacy
    }

    /// Builds a payload from an eth-account / ethers style field dictionary.
    static func payload(_ tx: [String: Any], type forcedType: TransactionType? = nil) throws -> any TransactionPayload {
        let type = try forcedType ?? inferredType(tx)
        let chainId = try u256(tx["chainId"])
        let nonce = try uint64(tx["nonce"])
        let gas = try uint64(tx["gas"] ?? tx["gasLimit"])
        let to = try address(tx["to"])
        let value = try u256(tx["value"])
        let data = try bytes(tx["data"] ?? tx["input"])
        let accessList = try accessList(tx["accessList"])
        switch type {
        case .legacy:
            let hasChain = tx["chainId"] != nil && !(tx["chainId"] is NSNull)
            return LegacyTransaction(chainId: hasChain ? chainId : nil, nonce: nonce, gasPrice: try u256(tx["gasPrice"]),
                                     gasLimit: gas, to: to, value: value, data: data)
        case .accessList:
            return AccessListTransaction(chainId: chainId, nonce: nonce, gasPrice: try u256(tx["gasPrice"]), gasLimit: gas,
                                         to: to, value: value, data: data, accessList: accessList)
        case .dynamicFee:
            return DynamicFeeTransaction(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: try u256(tx["maxPriorityFeePerGas"]),
                                         maxFeePerGas: try u256(tx["maxFeePerGas"]), gasLimit: gas, to: to, value: value,
                                         data: data, accessList: accessList)
        case .blob:
            return BlobTransaction(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: try u256(tx["maxPriorityFeePerGas"]),
                                   maxFeePerGas: try u256(tx["maxFeePerGas"]), gasLimit: gas, to: to!, value: value,
                                   data: data, accessList: accessList, maxFeePerBlobGas: try u256(tx["maxFeePerBlobGas"]),
                                   blobVersionedHashes: try (tx["blobVersionedHashes"] as? [Any] ?? []).map { try bytes($0) })
        case .setCode:
            return SetCodeTransaction(chainId: chainId, nonce: nonce, maxPriorityFeePerGas: try u256(tx["maxPriorityFeePerGas"]),
                                      maxFeePerGas: try u256(tx["maxFeePerGas"]), gasLimit: gas, to: to!, value: value,
                                      data: data, accessList: accessList,
                                      authorizationList: try authorizations(tx["authorizationList"]))
        }
    }

    /// A 32-byte big-endian scalar from any integer form.
    static func scalar(_ value: Any?) throws -> [UInt8] { try u256(value).bigEndianBytes }

    static func key(_ value: Any?) throws -> PrivateKey {
        var raw = try bytes(value)
        return try PrivateKey(secret: SecureBytes(consuming: &raw))
    }

    /// The secp256k1 group order n.
    static let secp256k1Order = try! U256(bigEndian: Hex.decode("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"))

    static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }
}
