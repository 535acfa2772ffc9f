/// Block header RLP: strict decoding and the canonical encoding.
extension BlockHeader {
    /// Decodes a header of 15, 16, 17, 20 or 21 fields: canonical RLP, hashes of 32 bytes,
    /// an address of 20, a bloom of 256, a nonce of 8, canonical integers (difficulty and
    /// baseFeePerGas at most 32 bytes, the others at most 8). Re-encoding gives the input back.
    public init(rlp: [UInt8]) throws(HeaderError) {
        let item: RLPItem
        do {
            item = try RLP.decode(rlp)
        } catch {
            throw .invalidRLP(error.description)
        }
        guard case .list(let f) = item else { throw .notAList }
        guard [15, 16, 17, 20, 21].contains(f.count) else { throw .fieldCount(f.count) }
        let beneficiaryBytes = try Self.fixed(f[2], "beneficiary", 20)
        self.init(
            parentHash: try Self.fixed(f[0], "parentHash", 32),
            ommersHash: try Self.fixed(f[1], "ommersHash", 32),
            beneficiary: Address(validated: beneficiaryBytes),
            stateRoot: try Self.fixed(f[3], "stateRoot", 32),
            transactionsRoot: try Self.fixed(f[4], "transactionsRoot", 32),
            receiptsRoot: try Self.fixed(f[5], "receiptsRoot", 32),
            logsBloom: try Self.fixed(f[6], "logsBloom", 256),
            difficulty: try Self.u256(f[7], "difficulty"),
            number: try Self.uint64(f[8], "number"),
            gasLimit: try Self.uint64(f[9], "gasLimit"),
            gasUsed: try Self.uint64(f[10], "gasUsed"),
            timestamp: try Self.uint64(f[11], "timestamp"),
            extraData: try Self.bytes(f[12], "extraData"),
            mixHash: try Self.fixed(f[13], "mixHash", 32),
            nonce: try Self.fixed(f[14], "nonce", 8))
        if f.count >= 16 { baseFeePerGas = try Self.u256(f[15], "baseFeePerGas") }
        if f.count >= 17 { withdrawalsRoot = try Self.fixed(f[16], "withdrawalsRoot", 32) }
        if f.count >= 20 {
            blobGasUsed = try Self.uint64(f[17], "blobGasUsed")
            excessBlobGas = try Self.uint64(f[18], "excessBlobGas")
            parentBeaconBlockRoot = try Self.fixed(f[19], "parentBeaconBlockRoot", 32)
        }
        if f.count == 21 { requestsHash = try Self.fixed(f[20], "requestsHash", 32) }
    }

    /// The header's RLP list, `fieldCount` fields long.
    public var rlp: [UInt8] {
        var fields: [RLPItem] = [
            .bytes(parentHash), .bytes(ommersHash), .bytes(beneficiary.bytes), .bytes(stateRoot),
            .bytes(transactionsRoot), .bytes(receiptsRoot), .bytes(logsBloom), .bytes(difficulty.minimalBigEndianBytes),
            .uint(number), .uint(gasLimit), .uint(gasUsed), .uint(timestamp), .bytes(extraData), .bytes(mixHash), .bytes(nonce),
        ]
        let count = fieldCount
        if count >= 16, let baseFeePerGas { fields.append(.bytes(baseFeePerGas.minimalBigEndianBytes)) }
        if count >= 17, let withdrawalsRoot { fields.append(.bytes(withdrawalsRoot)) }
        if count >= 20, let blobGasUsed, let excessBlobGas, let parentBeaconBlockRoot {
            fields += [.uint(blobGasUsed), .uint(excessBlobGas), .bytes(parentBeaconBlockRoot)]
        }
        if count == 21, let requestsHash { fields.append(.bytes(requestsHash)) }
        return RLP.encode(.list(fields))
    }

    // MARK: - Field readers

    private static func bytes(_ item: RLPItem, _ name: String) throws(HeaderError) -> [UInt8] {
        guard case .bytes(let value) = item else { throw .invalidField(name: name, problem: "a list, expected a byte string") }
        return value
    }

    private static func fixed(_ item: RLPItem, _ name: String, _ size: Int) throws(HeaderError) -> [UInt8] {
        let value = try bytes(item, name)
        guard value.count == size else { throw .invalidField(name: name, problem: "\(value.count) bytes, expected \(size)") }
        return value
    }

    private static func uint64(_ item: RLPItem, _ name: String) throws(HeaderError) -> UInt64 {
        do {
            return try item.uint64()
        } catch {
            throw .invalidField(name: name, problem: error.description)
        }
    }

    private static func u256(_ item: RLPItem, _ name: String) throws(HeaderError) -> U256 {
        let value: [UInt8]
        do {
            value = try item.uintBytes()
        } catch {
            throw .invalidField(name: name, problem: error.description)
        }
        guard let number = try? U256(bigEndian: value) else {
            throw .invalidField(name: name, problem: "\(value.count) bytes, more than 32")
        }
        return number
    }
}
