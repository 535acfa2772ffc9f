public import SigilCore

/// A block as `sigil block` shows it: the header (which hashes to `hash`) and the transaction
/// hashes the peer listed.
public struct BlockSummary: Sendable, Equatable {
    public let header: BlockHeader
    public let hash: [UInt8]
    /// The transaction hashes as the peer listed them (not proved: the header is).
    public let transactions: [[UInt8]]
    public let size: UInt64?

    /// From an `eth_getBlockBy*` object: refused unless its header hashes to its `hash`.
    public init(rpc json: JSONValue, method: String) throws(RPCError) {
        header = try BlockHeader(rpc: json, method: method)
        hash = try BlockHeader.claimedHash(rpc: json, method: method)
        guard header.hash == hash else {
            throw .malformed("\(method): the header of block \(header.number) does not hash to the block hash it gives")
        }
        transactions = try BlockHeader.transactionHashes(rpc: json, method: method)
        size = try json.optional("size")?.uint64(method: method, field: "size")
    }
}

extension ChainVerifier {
    /// The block at `block`, its header trusted by agreement (or pinned), with the peer's list
    /// of transaction hashes, asked in the same batch as the header.
    public func block(at block: BlockTag) throws(VerificationError) -> Verified<BlockSummary> {
        try read(at: block, proof: "block header hashes to its block hash", calls: { tag in
            [Self.blockCall(tag)]
        }, prove: { header, results in
            Result { () throws(ProofFailure) in
                do {
                    let summary = try BlockSummary(rpc: try results.first!.get(), method: Self.blockCall(block).method)
                    guard summary.header == header else { throw ProofFailure("it served two different headers for one block") }
                    return summary
                } catch let failure as ProofFailure { throw failure } catch { throw ProofFailure(String(describing: error)) }
            }
        })
    }

    /// The trusted head: the latest block's header as the peers agree on it.
    public func head() throws(VerificationError) -> Verified<BlockHeader> {
        try read(at: .latest, proof: "block header agreed by the peers", calls: { _ in [] }, prove: { header, _ in .success(header) })
    }

    /// The code at `address`, proved: the account proof against the trusted stateRoot gives
    /// its codeHash, and the code served in the same batch must hash to it.
    public func code(of address: Address, at block: BlockTag) throws(VerificationError) -> Verified<[UInt8]> {
        let target = JSONValue.string(Hex.encode(address.bytes))
        return try read(at: block, proof: "code hashes to the codeHash of an account proof against stateRoot", calls: { tag in
            [RPCCall("eth_getProof", [target, .array([]), tag.json]), RPCCall("eth_getCode", [target, tag.json])]
        }, prove: { header, results in
            Result { () throws(ProofFailure) in
                let account = try Self.checkProof(results.first, address: address, slots: [], stateRoot: header.stateRoot)
                let code: [UInt8]
                do throws(RPCError) { code = try results[1].get().bytes(method: "eth_getCode") } catch {
                    throw ProofFailure.answer(error, method: "eth_getCode")
                }
                guard Keccak256.hash(code) == account.state.codeHash else {
                    throw ProofFailure("the code it served does not hash to the account's proved codeHash")
                }
                return code
            }
        })
    }

    static func blockCall(_ block: BlockTag) -> RPCCall {
        if case .hash(let hash) = block { return RPCCall("eth_getBlockByHash", [.string(Hex.encode(hash)), .bool(false)]) }
        return RPCCall("eth_getBlockByNumber", [block.json, .bool(false)])
    }
}

extension NodeReader {
    /// The block at `block`, taken as given (its header must still hash to its hash); nil when
    /// the peer has no such block.
    public func block(at block: BlockTag) throws(RPCError) -> BlockSummary? {
        let call = ChainVerifier.blockCall(block)
        let value = try client.call(call.method, call.params)
        return value == .null ? nil : try BlockSummary(rpc: value, method: call.method)
    }

    /// `eth_getCode(address, block)`.
    public func code(of address: Address, at block: BlockTag) throws(RPCError) -> [UInt8] {
        try client.call("eth_getCode", [Self.json(address), block.json]).bytes(method: "eth_getCode")
    }

    /// `eth_getStorageAt(address, slot, block)`: the 32-byte word.
    public func storage(of address: Address, slot: [UInt8], at block: BlockTag) throws(RPCError) -> [UInt8] {
        let word = try client.call("eth_getStorageAt", [Self.json(address), .string(Hex.encode(slot)), block.json])
            .bytes(method: "eth_getStorageAt")
        guard word.count <= 32 else { throw .malformed("eth_getStorageAt: result: expected at most 32 bytes, got \(word.count)") }
        return [UInt8](repeating: 0, count: 32 - word.count) + word
    }
}
