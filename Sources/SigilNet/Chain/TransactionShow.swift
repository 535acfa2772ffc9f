public import SigilCore

/// A transaction as the peers serve it, decoded again locally from its signed bytes: the
/// hash recomputed, the sender recovered from the signature and every answering peer's
/// `from` (and nonce, recipient, value, input) compared with what the bytes say.
public struct TransactionShow: Sendable {
    public let transaction: SignedTransaction
    /// Recovered from the signature.
    public let sender: Address
    /// Where it was mined, as the peer (or, when proved, the trusted block) says; nil while pending.
    public let blockNumber: UInt64?
    public let blockHash: [UInt8]?
    public let transactionIndex: UInt64?
    /// The proof that the bytes are in the block's transactionsRoot (with a verifier, once mined).
    public let verification: Verified<ProvedReceipt>?
    /// Peers that could not be asked.
    public let failures: [PeerFault]

    /// Asks every peer at once for `eth_getTransactionByHash` and `eth_getRawTransactionByHash`
    /// (one batch each). The signed bytes come from the proof (mined, with a verifier) or from
    /// a peer; a peer whose description contradicts them is `TransactionMismatch` (exit 3).
    public static func read(_ hash: [UInt8], peers: [String], timeout: Double, verifier: ChainVerifier?) throws -> TransactionShow {
        let hashJSON = JSONValue.string(Hex.encode(hash))
        let answers = PeerGroup(urls: peers, timeout: timeout).runWithGrace { client throws(RPCError) -> (JSONValue, [UInt8]?)? in
            let results = try client.batch([RPCCall("eth_getTransactionByHash", [hashJSON]), RPCCall("eth_getRawTransactionByHash", [hashJSON])])
            let object = try results[0].get()
            guard object != .null else { return nil }
            let raw = try? results[1].get().bytes(method: "eth_getRawTransactionByHash")
            return (object, raw.flatMap { $0.isEmpty ? nil : $0 })
        }
        let failures = answers.compactMap { answer -> PeerFault? in
            guard case .failure(let error) = answer.result else { return nil }
            return PeerFault(url: answer.url, reason: error.description, invalid: false)
        }
        let known = answers.compactMap { answer -> (url: String, object: JSONValue, raw: [UInt8]?)? in
            guard case .success(let found?) = answer.result else { return nil }
            return (answer.url, found.0, found.1)
        }
        guard failures.count < answers.count else {
            throw RPCError.malformed("no peer answered: " + failures.map(\.description).joined(separator: "; "))
        }
        guard let first = known.first else { throw TransactionUnknown(hash: hash) }

        let method = "eth_getTransactionByHash"
        let claimedBlock = try first.object.optional("blockHash")?.bytes(count: 32, method: method, field: "blockHash")
        let claimedNumber = try first.object.optional("blockNumber")?.uint64(method: method, field: "blockNumber")
        var proof: Verified<ProvedReceipt>? = nil
        if let verifier, let claimedBlock, let claimedNumber {
            guard let proved = try verifier.proveReceipt(of: hash, blockNumber: claimedNumber, blockHash: claimedBlock) else {
                throw VerificationError.unproven(what: "\(Hex.encode(hash)) in block \(claimedNumber)", faults: [
                    PeerFault(url: first.url, reason: "claims it was mined in block \(claimedNumber) (\(Hex.encode(claimedBlock))), which is not the block the peers agree on", invalid: true),
                ])
            }
            proof = proved
        }
        guard let raw = proof.map({ $0.value.transactions[$0.value.index] }) ?? known.lazy.compactMap(\.raw).first else {
            throw TransactionBytesNotServed(hash: hash)
        }
        let signed: SignedTransaction
        do { signed = try SignedTransaction.decode(raw) } catch {
            throw TransactionMismatch(url: first.url, reason: "its signed bytes do not decode: \(error)")
        }
        guard signed.hash == hash else {
            throw TransactionMismatch(url: first.url, reason: "its signed bytes hash to \(Hex.encode(signed.hash)), not \(Hex.encode(hash))")
        }
        let sender: Address
        do { sender = try signed.recoverSender(acceptingHighS: true) } catch {
            throw TransactionMismatch(url: first.url, reason: "the signature gives no sender: \(error)")
        }
        for peer in known { try check(peer.object, against: signed, sender: sender, url: peer.url) }
        let index = try proof.map { UInt64($0.value.index) } ?? first.object.optional("transactionIndex")?.uint64(method: method, field: "transactionIndex")
        return TransactionShow(transaction: signed, sender: sender, blockNumber: proof?.block.number ?? claimedNumber,
                               blockHash: proof?.block.hash ?? claimedBlock, transactionIndex: index, verification: proof, failures: failures)
    }

    /// A peer's transaction object against the decoded bytes: `from`, `nonce`, `to`, `value`, `input`.
    static func check(_ object: JSONValue, against signed: SignedTransaction, sender: Address, url: String) throws {
        let method = "eth_getTransactionByHash"
        let from = try object.required("from", method: method).address(method: method, field: "from")
        guard from == sender else {
            throw TransactionMismatch(url: url, reason: "says it is from \(from.checksummed) but its signature recovers \(sender.checksummed)")
        }
        let payload = signed.payload
        if let nonce = try object.optional("nonce")?.uint64(method: method, field: "nonce"), nonce != payload.nonce {
            throw TransactionMismatch(url: url, reason: "says nonce \(nonce) but the signed bytes carry \(payload.nonce)")
        }
        if let to = try object.optional("to")?.address(method: method, field: "to"), to != payload.to {
            throw TransactionMismatch(url: url, reason: "says it is to \(to.checksummed) but the signed bytes say \(payload.to?.checksummed ?? "contract creation")")
        }
        if let value = try object.optional("value")?.u256(method: method, field: "value"), value != payload.value {
            throw TransactionMismatch(url: url, reason: "says value \(value.decimalString) but the signed bytes carry \(payload.value.decimalString)")
        }
        if let input = try object.optional("input")?.bytes(method: method, field: "input"), input != payload.data {
            throw TransactionMismatch(url: url, reason: "says other input data than the signed bytes carry")
        }
    }
}

/// A peer describes a transaction otherwise than its signed bytes say (exit 3).
public struct TransactionMismatch: CategorizedError, Equatable {
    public let url: String
    public let reason: String
    public var category: ErrorCategory { .verificationFailed }
    public var description: String { "peer \(url) \(DisplayText.escaped(reason))" }
}

/// No answering peer knows the transaction.
public struct TransactionUnknown: CategorizedError, Equatable {
    public let hash: [UInt8]
    public var category: ErrorCategory { .notFound }
    public var description: String { "no peer knows the transaction \(Hex.encode(hash))" }
}

/// The transaction is known but no peer serves its signed bytes (eth_getRawTransactionByHash)
/// and it cannot be taken from a proved block yet (pending, or --no-verify).
public struct TransactionBytesNotServed: CategorizedError, Equatable {
    public let hash: [UInt8]
    public var category: ErrorCategory { .unsupported }
    public var description: String {
        "no peer serves the signed bytes of \(Hex.encode(hash)) (eth_getRawTransactionByHash), so it cannot be decoded and its sender checked"
    }
}
