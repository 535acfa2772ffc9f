public import SigilCore

/// An account and some of its storage, as proved by `eth_getProof` against a trusted stateRoot.
public struct ProvedAccount: Sendable, Equatable {
    public let address: Address
    public let state: AccountState
    /// The value of each slot asked for, in order.
    public let storage: [U256]
}

extension ChainVerifier {
    /// The account of `address` (and `slots` of its storage, 32 bytes each) at `block`, proved
    /// by the first peer whose `eth_getProof` answer checks out against the trusted header. A
    /// peer whose answer claims a balance, nonce, code hash, storage root or slot value that
    /// its own proof does not give is caught, named, and not used.
    public func account(_ address: Address, slots: [[UInt8]] = [], at block: BlockTag = .latest) throws(VerificationError)
        -> Verified<ProvedAccount> {
        let slotsJSON = JSONValue.array(slots.map { .string(Hex.encode($0)) })
        let what = slots.isEmpty ? "account proof against stateRoot" : "account and storage proofs against stateRoot"
        return try read(at: block, proof: what, calls: { tag in
            [RPCCall("eth_getProof", [.string(Hex.encode(address.bytes)), slotsJSON, tag.json])]
        }, prove: { header, results in
            Result { () throws(ProofFailure) in try Self.checkProof(results.first, address: address, slots: slots, stateRoot: header.stateRoot) }
        })
    }

    /// Checks one `eth_getProof` answer: the account proof against `stateRoot`, each storage
    /// proof against the proved storage root, and every value the answer states.
    static func checkProof(_ result: Result<JSONValue, RPCError>?, address: Address, slots: [[UInt8]],
                           stateRoot: [UInt8]) throws(ProofFailure) -> ProvedAccount {
        let method = "eth_getProof"
        do {
            if case .failure(let error)? = result { throw ProofFailure.answer(error, method: "eth_getProof") }
            guard let json = try result?.get(), json != .null else { throw ProofFailure("served no eth_getProof answer") }
            let nodes = try Self.nodes(json.required("accountProof", method: method), field: "accountProof")
            let state: AccountState
            do { state = try StateProof.account(address, stateRoot: stateRoot, proof: nodes) } catch {
                throw ProofFailure("its account proof is invalid: \(error)")
            }
            let balance = try json.required("balance", method: method).u256(method: method, field: "balance")
            let nonce = try json.required("nonce", method: method).uint64(method: method, field: "nonce")
            let codeHash = try json.required("codeHash", method: method).bytes(count: 32, method: method, field: "codeHash")
            let storageHash = try json.required("storageHash", method: method).bytes(count: 32, method: method, field: "storageHash")
            if balance != state.balance {
                throw ProofFailure("it says balance \(balance.decimalString) wei but its own proof gives \(state.balance.decimalString)")
            }
            if nonce != state.nonce { throw ProofFailure("it says nonce \(nonce) but its own proof gives \(state.nonce)") }
            if codeHash != state.codeHash || storageHash != state.storageRoot {
                throw ProofFailure("its codeHash or storageHash differ from what its own proof gives")
            }
            var values: [U256] = []
            if !slots.isEmpty {
                guard case .array(let entries) = try json.required("storageProof", method: method), entries.count == slots.count else {
                    throw ProofFailure("it did not prove every storage slot asked for")
                }
                for (slot, entry) in zip(slots, entries) {
                    let key = try entry.required("key", method: method).u256(method: method, field: "storageProof.key")
                    guard (try? U256(bigEndian: slot)) == key else { throw ProofFailure("its storage proofs are for other slots") }
                    let proof = try Self.nodes(entry.required("proof", method: method), field: "storageProof.proof")
                    let proved: U256
                    do { proved = try StateProof.storage(slot: slot, storageRoot: state.storageRoot, proof: proof) } catch {
                        throw ProofFailure("its storage proof of slot \(Hex.encode(slot)) is invalid: \(error)")
                    }
                    let claimed = try entry.required("value", method: method).u256(method: method, field: "storageProof.value")
                    guard claimed == proved else {
                        throw ProofFailure("it says slot \(Hex.encode(slot)) holds \(claimed.decimalString) but its own proof gives \(proved.decimalString)")
                    }
                    values.append(proved)
                }
            }
            return ProvedAccount(address: address, state: state, storage: values)
        } catch let failure as ProofFailure {
            throw failure
        } catch {
            throw ProofFailure("eth_getProof: \(String(describing: error))")
        }
    }

    static func nodes(_ value: JSONValue, field: String) throws(RPCError) -> [[UInt8]] {
        guard case .array(let items) = value else { throw .malformed("eth_getProof: \(field): expected an array") }
        var nodes: [[UInt8]] = []
        nodes.reserveCapacity(items.count)
        for item in items { nodes.append(try item.bytes(method: "eth_getProof", field: field)) }
        return nodes
    }
}

extension Result where Failure == ProofFailure {
    /// `Result` from a typed-throwing closure.
    init(_ body: () throws(ProofFailure) -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}
