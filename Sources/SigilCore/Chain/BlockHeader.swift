/// An execution-layer block header of any fork, as its RLP list orders the fields.
///
/// The shapes: 15 fields before London, + baseFeePerGas (London, also post-merge), +
/// withdrawalsRoot (Shanghai), + blobGasUsed, excessBlobGas, parentBeaconBlockRoot (Cancun),
/// + requestsHash (Prague). A later fork's field requires every earlier one (`validate()`).
/// The block hash is keccak256 of the header's RLP (`hash`).
public struct BlockHeader: Sendable, Equatable {
    public var parentHash: [UInt8]
    /// keccak256 of the RLP list of uncle headers (`sha3Uncles`).
    public var ommersHash: [UInt8]
    /// The fee recipient (`miner`, `coinbase`).
    public var beneficiary: Address
    public var stateRoot: [UInt8]
    public var transactionsRoot: [UInt8]
    public var receiptsRoot: [UInt8]
    /// 256 bytes.
    public var logsBloom: [UInt8]
    public var difficulty: U256
    public var number: UInt64
    public var gasLimit: UInt64
    public var gasUsed: UInt64
    public var timestamp: UInt64
    public var extraData: [UInt8]
    /// The proof-of-work mix hash, or prevRandao after the merge.
    public var mixHash: [UInt8]
    /// 8 bytes (zero after the merge).
    public var nonce: [UInt8]
    /// London (EIP-1559).
    public var baseFeePerGas: U256?
    /// Shanghai (EIP-4895).
    public var withdrawalsRoot: [UInt8]?
    /// Cancun (EIP-4844).
    public var blobGasUsed: UInt64?
    /// Cancun (EIP-4844).
    public var excessBlobGas: UInt64?
    /// Cancun (EIP-4788).
    public var parentBeaconBlockRoot: [UInt8]?
    /// Prague (EIP-7685).
    public var requestsHash: [UInt8]?

    public init(
        parentHash: [UInt8], ommersHash: [UInt8], beneficiary: Address, stateRoot: [UInt8],
        transactionsRoot: [UInt8], receiptsRoot: [UInt8], logsBloom: [UInt8], difficulty: U256,
        number: UInt64, gasLimit: UInt64, gasUsed: UInt64, timestamp: UInt64, extraData: [UInt8],
        mixHash: [UInt8], nonce: [UInt8], baseFeePerGas: U256? = nil, withdrawalsRoot: [UInt8]? = nil,
        blobGasUsed: UInt64? = nil, excessBlobGas: UInt64? = nil, parentBeaconBlockRoot: [UInt8]? = nil,
        requestsHash: [UInt8]? = nil
    ) {
        self.parentHash = parentHash
        self.ommersHash = ommersHash
        self.beneficiary = beneficiary
        self.stateRoot = stateRoot
        self.transactionsRoot = transactionsRoot
        self.receiptsRoot = receiptsRoot
        self.logsBloom = logsBloom
        self.difficulty = difficulty
        self.number = number
        self.gasLimit = gasLimit
        self.gasUsed = gasUsed
        self.timestamp = timestamp
        self.extraData = extraData
        self.mixHash = mixHash
        self.nonce = nonce
        self.baseFeePerGas = baseFeePerGas
        self.withdrawalsRoot = withdrawalsRoot
        self.blobGasUsed = blobGasUsed
        self.excessBlobGas = excessBlobGas
        self.parentBeaconBlockRoot = parentBeaconBlockRoot
        self.requestsHash = requestsHash
    }

    /// The block hash: keccak256(rlp).
    public var hash: [UInt8] { Keccak256.hash(rlp) }

    /// The number of RLP fields `rlp` writes: 15, 16, 17, 20 or 21. Fork fields are written in
    /// order up to the first one missing (the Cancun three count as one step), so a header
    /// with a gap encodes as its gap-free prefix; `validate()` reports such a gap.
    public var fieldCount: Int {
        guard baseFeePerGas != nil else { return 15 }
        guard withdrawalsRoot != nil else { return 16 }
        guard blobGasUsed != nil, excessBlobGas != nil, parentBeaconBlockRoot != nil else { return 17 }
        guard requestsHash != nil else { return 20 }
        return 21
    }

    /// Checks what the memberwise initializer cannot: fixed sizes (hashes 32 bytes, bloom
    /// 256, nonce 8) and no gap in the fork fields. `init(rlp:)` only builds valid headers.
    public func validate() throws(HeaderError) {
        let sized: [(String, [UInt8]?, Int)] = [
            ("parentHash", parentHash, 32), ("ommersHash", ommersHash, 32), ("stateRoot", stateRoot, 32),
            ("transactionsRoot", transactionsRoot, 32), ("receiptsRoot", receiptsRoot, 32), ("logsBloom", logsBloom, 256),
            ("mixHash", mixHash, 32), ("nonce", nonce, 8), ("withdrawalsRoot", withdrawalsRoot, 32),
            ("parentBeaconBlockRoot", parentBeaconBlockRoot, 32), ("requestsHash", requestsHash, 32),
        ]
        for (name, value, size) in sized {
            if let value, value.count != size {
                throw .invalidField(name: name, problem: "\(value.count) bytes, expected \(size)")
            }
        }
        let forkFields: [(String, Bool)] = [
            ("baseFeePerGas", baseFeePerGas != nil), ("withdrawalsRoot", withdrawalsRoot != nil),
            ("blobGasUsed", blobGasUsed != nil), ("excessBlobGas", excessBlobGas != nil),
            ("parentBeaconBlockRoot", parentBeaconBlockRoot != nil), ("requestsHash", requestsHash != nil),
        ]
        if let last = forkFields.lastIndex(where: { $0.1 }), let gap = forkFields[..<last].firstIndex(where: { !$0.1 }) {
            throw .missingField(name: forkFields[gap].0, requiredBy: forkFields[last].0)
        }
    }
}
