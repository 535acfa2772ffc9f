// cast's `--raw-unsigned` form: the bytes whose keccak256 is signed.

extension TransactionRequest {
    /// Reads an unsigned EIP-2718 payload as `cast mktx --raw-unsigned` prints it:
    /// `type || rlp(unsigned fields)` for types 1–4, and for legacy either the EIP-155 list
    /// `rlp([nonce, gasPrice, gas, to, value, data, chainId, 0, 0])` or the six-field
    /// pre-EIP-155 list (chain id nil). Decoding is strict (canonical RLP, canonical integers
    /// within their sizes, 20-byte addresses, 32-byte keys and hashes, exact field counts, no
    /// trailing bytes), so `rawUnsigned()` gives back exactly `bytes`. `from` is nil.
    public init(rawUnsigned bytes: [UInt8]) throws(RequestError) {
        guard let first = bytes.first else { throw .request("unsigned transaction: no bytes") }
        do {
            if first >= 0xc0 {
                self.init(payload: try Self.decodeLegacy(try Self.rlpList(bytes, from: 0)))
                return
            }
            guard let type = TransactionType(rawValue: first), type != .legacy else {
                throw RequestError.request(
                    "unsigned transaction: unsupported type byte \(Hex.encode([first])) (expected 0x01-0x04 or an RLP list for legacy)",
                    category: first < 0x80 ? .unsupported : .invalidInput)
            }
            let items = try Self.rlpList(bytes, from: 1)
            switch type {
            case .legacy: throw RequestError.request("unsigned transaction: unsupported type byte 0x00")
            case .accessList: self.init(payload: try Self.decodeTyped(AccessListTransaction.self, items))
            case .dynamicFee: self.init(payload: try Self.decodeTyped(DynamicFeeTransaction.self, items))
            case .blob: self.init(payload: try Self.decodeTyped(BlobTransaction.self, items))
            case .setCode: self.init(payload: try Self.decodeTyped(SetCodeTransaction.self, items))
            }
        } catch let error as TransactionDecodingError {
            throw Self.wrap(error)
        } catch let error as RequestError {
            throw error
        } catch {
            throw .request("unsigned transaction: \(error)")
        }
    }

    /// The unsigned payload cast's `--raw-unsigned` prints (`payload().signingPayload()`):
    /// `type || rlp(fields)` for a typed transaction, the EIP-155 (or pre-EIP-155) list for
    /// legacy. Only the shape is checked (`checkShape()`), so any decoded payload re-encodes.
    public func rawUnsigned() throws(RequestError) -> [UInt8] {
        try unvalidatedPayload().signingPayload()
    }

    /// The one RLP list spanning `bytes[offset...]`.
    private static func rlpList(_ bytes: [UInt8], from offset: Int) throws(RequestError) -> [RLPItem] {
        guard offset < bytes.count else { throw .request("unsigned transaction: no RLP list after the type byte") }
        let item: RLPItem
        do {
            let (decoded, end) = try RLP.decodePrefix(bytes, from: offset)
            guard end == bytes.count else {
                throw RequestError.request("unsigned transaction: \(bytes.count - end) trailing byte(s) after the RLP list")
            }
            item = decoded
        } catch let error as RequestError {
            throw error
        } catch {
            throw .request("unsigned transaction is not valid RLP: \(error)")
        }
        guard case .list(let items) = item else { throw .request("unsigned transaction: expected an RLP list, found a byte string") }
        return items
    }

    private static func decodeTyped<T: TypedTransactionFields>(
        _: T.Type, _ items: [RLPItem]
    ) throws(TransactionDecodingError) -> T {
        var reader = try TransactionFieldReader(items, count: T.fieldCount)
        return try T(decoding: &reader)
    }

    /// Six fields (pre-EIP-155) or nine with empty r and s (EIP-155).
    private static func decodeLegacy(_ items: [RLPItem]) throws -> LegacyTransaction {
        guard items.count == 6 || items.count == 9 else {
            throw TransactionDecodingError(.wrongItemCount(expected: 9, actual: items.count))
        }
        var reader = try TransactionFieldReader(Array(items.prefix(6)), count: 6)
        let nonce = try reader.uint64("nonce")
        let gasPrice = try reader.u256("gasPrice")
        let gas = try reader.uint64("gasLimit")
        let to = try reader.address("to", allowCreation: true)
        let value = try reader.u256("value")
        let data = try reader.bytes("data")
        var chainId: U256?
        if items.count == 9 {
            var tail = try TransactionFieldReader(Array(items.suffix(3)), count: 3)
            chainId = try tail.u256("chainId")
            for name in ["r", "s"] where !(try tail.bytes(name)).isEmpty {
                throw RequestError.field(name, "must be empty (0x80) in an unsigned EIP-155 transaction")
            }
        }
        return LegacyTransaction(chainId: chainId, nonce: nonce, gasPrice: gasPrice, gasLimit: gas,
                                 to: to, value: value, data: data)
    }

    private static func wrap(_ error: TransactionDecodingError) -> RequestError {
        let message = "unsigned \(error.description)"
        if let field = error.field { return RequestError(field: field, message: message) }
        return .request(message)
    }
}
