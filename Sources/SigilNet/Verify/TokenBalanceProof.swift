public import SigilCore

/// An ERC-20 balance read from a storage proof.
public struct ProvedTokenBalance: Sendable, Equatable {
    public let raw: U256
    /// The token's `decimals()` as the node computes it (display only: not proved).
    public let decimals: Int?
    /// The storage slot that holds the balance, or nil when every candidate slot proved zero.
    public let slot: [UInt8]?
}

extension ChainVerifier {
    /// Mapping slots tried when the node offers no access list: Solidity's
    /// keccak(owner ‖ p) and Vyper's keccak(p ‖ owner) for the first few declaration slots p.
    static let usualMappingSlots = 0..<8

    static func candidateSlots(owner: Address) -> [[UInt8]] {
        let key = [UInt8](repeating: 0, count: 12) + owner.bytes
        var slots: [[UInt8]] = []
        for position in usualMappingSlots {
            let index = U256(UInt64(position)).bigEndianBytes
            slots.append(Keccak256.hash(key + index))
            slots.append(Keccak256.hash(index + key))
        }
        return slots
    }

    /// The balance of `owner` in the ERC-20 `token` at `block`, proved from the token's storage:
    /// the slot is found with the node's `eth_createAccessList` for `balanceOf`, or among the
    /// usual mapping layouts, and kept only if its proved value equals what `eth_call` answers.
    /// A zero balance is proved only when every candidate slot proves zero. Throws `unproven`
    /// when no slot holds the figure the node computes: nothing unproved is passed off.
    public func tokenBalance(owner: Address, token: Address, at block: BlockTag = .latest) throws(VerificationError)
        -> Verified<ProvedTokenBalance> {
        let balanceOf = [0x70, 0xa0, 0x82, 0x31] + [UInt8](repeating: 0, count: 12) + owner.bytes
        let call = JSONValue.object([("to", .string(Hex.encode(token.bytes))), ("data", .string(Hex.encode(balanceOf)))])
        let decimalsCall = JSONValue.object([("to", .string(Hex.encode(token.bytes))), ("data", .string("0x313ce567"))])
        let layouts = Self.candidateSlots(owner: owner)
        let what = "ERC-20 balance from a storage proof against stateRoot"
        let first = try read(at: block, proof: what, calls: { tag in [
            RPCCall("eth_call", [call, tag.json]), RPCCall("eth_call", [decimalsCall, tag.json]),
            RPCCall("eth_createAccessList", [call, tag.json]),
            RPCCall("eth_getProof", [.string(Hex.encode(token.bytes)), .array(layouts.map { .string(Hex.encode($0)) }), tag.json]),
        ] }, prove: { header, results in
            Result { () throws(ProofFailure) in
                guard results.count == 4, case .success(let answer) = results[0],
                      let bytes = try? answer.bytes(method: "eth_call"), bytes.count == 32, let claimed = try? U256(bigEndian: bytes) else {
                    throw ProofFailure("balanceOf gave no uint256 answer")
                }
                let account = try Self.checkProof(results[3], address: token, slots: layouts, stateRoot: header.stateRoot)
                guard account.state.codeHash != AccountState.emptyCodeHash else { throw ProofFailure("the token address has no code") }
                return TokenRead(claimed: claimed, decimals: Self.decimals(results[1]), accessSlots: Self.accessSlots(results[2], token: token),
                                 proved: Array(zip(layouts, account.storage)))
            }
        })
        var read = first.value
        let extra = read.accessSlots.filter { !layouts.contains($0) }
        if !extra.isEmpty {
            let more = try self.read(at: .hash(first.block.hash), proof: what, calls: { tag in
                [RPCCall("eth_getProof", [.string(Hex.encode(token.bytes)), .array(extra.map { .string(Hex.encode($0)) }), tag.json])]
            }, prove: { header, results in
                Result { () throws(ProofFailure) in try Self.checkProof(results.first, address: token, slots: extra, stateRoot: header.stateRoot) }
            })
            read.proved += zip(extra, more.value.storage)
        }
        let preferred = read.proved.filter { read.accessSlots.contains($0.0) } + read.proved.filter { !read.accessSlots.contains($0.0) }
        let balance: ProvedTokenBalance
        if read.claimed == .zero {
            let candidates = read.accessSlots.isEmpty ? read.proved : read.proved.filter { read.accessSlots.contains($0.0) }
            guard candidates.allSatisfy({ $0.1 == .zero }) else {
                throw .unproven(what: "the token balance (the node says 0, but a candidate slot holds a value)", faults: first.block.faults)
            }
            balance = ProvedTokenBalance(raw: .zero, decimals: read.decimals, slot: nil)
        } else {
            guard let match = preferred.first(where: { $0.1 == read.claimed }) else {
                throw .unproven(what: "the token balance: the node computes \(read.claimed.decimalString), but no storage slot Sigil could find holds it",
                                faults: first.block.faults)
            }
            balance = ProvedTokenBalance(raw: match.1, decimals: read.decimals, slot: match.0)
        }
        return Verified(value: balance, block: first.block, provedBy: first.provedBy, proof: what)
    }

    struct TokenRead: Sendable {
        var claimed: U256
        var decimals: Int?
        var accessSlots: [[UInt8]]
        var proved: [([UInt8], U256)]
    }

    private static func decimals(_ result: Result<JSONValue, RPCError>) -> Int? {
        guard case .success(let answer) = result, let bytes = try? answer.bytes(method: "eth_call"), bytes.count == 32,
              let value = try? U256(bigEndian: bytes), let small = value.uint64Value, small <= 77 else { return nil }
        return Int(small)
    }

    /// The storage keys of `token` in an `eth_createAccessList` answer (none when not served).
    private static func accessSlots(_ result: Result<JSONValue, RPCError>, token: Address) -> [[UInt8]] {
        guard case .success(let answer) = result, case .array(let entries)? = answer["accessList"] else { return [] }
        var slots: [[UInt8]] = []
        for entry in entries {
            guard let address = try? entry["address"]?.address(method: "eth_createAccessList"), address == token,
                  case .array(let keys)? = entry["storageKeys"] else { continue }
            for key in keys { if let slot = try? key.bytes(count: 32, method: "eth_createAccessList") { slots.append(slot) } }
        }
        return slots
    }
}
