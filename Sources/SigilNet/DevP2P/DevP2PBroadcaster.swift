public import SigilCore

/// How a transaction is handed to devp2p peers.
public enum DevP2PMode: String, Sendable, CaseIterable {
    /// Transactions [tx], then Ping: `delivered` once the Pong comes back.
    case push
    /// NewPooledTransactionHashes; `fetched` once the peer asked and got it.
    case announce
    /// Like geth: push to the first ⌈√n⌉ peers, announce to the rest.
    case auto

    /// Whether peer `index` of `count` gets the transaction pushed. Blob transactions are
    /// never pushed, only announced.
    public func pushes(peer index: Int, of count: Int, type: TransactionType) -> Bool {
        guard type != .blob else { return false }
        switch self {
        case .push: return true
        case .announce: return false
        case .auto:
            var root = 0
            while root * root < count { root += 1 }
            return index < root
        }
    }
}

/// A transaction as devp2p peers get it.
public struct DevP2PTransaction: Sendable {
    /// The network form (a blob transaction with its sidecar; else the EIP-2718 bytes).
    public let networkForm: [UInt8]
    public let hash: [UInt8]
    public let type: TransactionType

    public init(networkForm: [UInt8], hash: [UInt8], type: TransactionType) {
        self.networkForm = networkForm
        self.hash = hash
        self.type = type
    }

    public init(_ signed: SignedTransaction) {
        self.init(networkForm: signed.rawBytes, hash: signed.hash, type: signed.type)
    }
}

/// Hands one transaction to devp2p peers (and, in the same fan-out, to JSON-RPC peers): one
/// thread per peer, each peer bounded by `timeout`, the whole broadcast by `timeout` + 1 s.
public struct DevP2PBroadcaster: Sendable {
    /// The chain our Status announces.
    public let chain: ChainIdentity
    public let mode: DevP2PMode
    /// Seconds per peer: connect, handshake, Status, hand over, confirmation.
    public let timeout: Double
    /// Our Hello client id, e.g. "sigil/0.8.0".
    public let clientId: String
    /// Our node key (a fresh one per run by default: we are not a node others dial).
    public let key: PrivateKey

    public init(chain: ChainIdentity, mode: DevP2PMode = .auto, timeout: Double, clientId: String, key: PrivateKey = .generate()) {
        self.chain = chain
        self.mode = mode
        self.timeout = timeout
        self.clientId = clientId
        self.key = key
    }

    /// Sends `transaction` to every enode (and `eth_sendRawTransaction` to every RPC URL) at
    /// once; peers in the report come RPC URLs first, then enodes, each in the order given.
    public func broadcast(_ transaction: DevP2PTransaction, enodes: [Enode], rpcPeers: [String] = []) -> BroadcastReport {
        let start = MonotonicClock.now()
        let count = rpcPeers.count + enodes.count
        let timeout = self.timeout
        let names = rpcPeers + enodes.map(\.description)
        let rawHex = rpcPeers.isEmpty ? "" : Hex.encode(transaction.networkForm)
        let entries = ThreadFanOut.run(count: count, hardDeadline: start + CommandDeadline.cap(timeout + 1), inlineSingle: true, job: { index in
            let outcome: BroadcastOutcome
            if index < rpcPeers.count {
                outcome = Broadcaster.submit(rawHex: rawHex, expectedHash: transaction.hash,
                                             with: JSONRPCClient(url: rpcPeers[index], timeout: timeout))
            } else {
                let peer = index - rpcPeers.count
                let push = mode.pushes(peer: peer, of: enodes.count, type: transaction.type)
                outcome = deliver(transaction, to: enodes[peer], push: push, deadline: MonotonicClock.now() + min(timeout, CommandDeadline.remaining ?? timeout))
            }
            return PeerBroadcast(url: names[index], outcome: outcome, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        }, missing: { index in
            PeerBroadcast(url: names[index], outcome: .timedOut, elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
        })
        return BroadcastReport(transactionHash: transaction.hash, peers: entries,
                               elapsedMilliseconds: (MonotonicClock.now() - start) * 1000)
    }

    /// One peer, on the calling thread: open a session, push or announce, confirm.
    public func deliver(_ transaction: DevP2PTransaction, to enode: Enode, push: Bool, deadline: Double) -> BroadcastOutcome {
        let session: DevP2PSession
        do {
            session = try DevP2PSession.open(enode, key: key, chain: chain, clientId: clientId, deadline: deadline)
        } catch {
            return error.outcome
        }
        defer { session.disconnect(.requested, deadline: deadline) }
        do {
            return push ? try pushTransaction(transaction, session: session, deadline: deadline)
                : try announceTransaction(transaction, session: session, deadline: deadline)
        } catch {
            return error.outcome
        }
    }

    /// Transactions [tx], then Ping: the Pong proves the peer read the Transactions message.
    func pushTransaction(_ transaction: DevP2PTransaction, session: DevP2PSession, deadline: Double) throws(DevP2PError) -> BroadcastOutcome {
        let message = EthTransactions(transactions: [transaction.networkForm])
        try session.send(code: EthMessageCode.transactions,
                         payload: message.encoded(), deadline: deadline)
        _ = try session.ping(deadline: deadline) { message throws(DevP2PError) in
            try answer(message, transaction: transaction, session: session, deadline: deadline)
        }
        return .delivered
    }

    /// NewPooledTransactionHashes, then wait for GetPooledTransactions and answer it.
    func announceTransaction(_ transaction: DevP2PTransaction, session: DevP2PSession, deadline: Double) throws(DevP2PError) -> BroadcastOutcome {
        let announcement = NewPooledTransactionHashes(types: [transaction.type.rawValue],
                                                      sizes: [UInt32(clamping: transaction.networkForm.count)],
                                                      hashes: [transaction.hash])
        try session.send(code: EthMessageCode.newPooledTransactionHashes,
                         payload: announcement.encoded(), deadline: deadline)
        // Leave a little of the peer's time for a clean Disconnect.
        let waitUntil = deadline - min(0.1, timeout / 10)
        while true {
            let message: DevP2PMessage
            do {
                message = try session.nextMessage(waitingFor: "GetPooledTransactions", deadline: waitUntil)
            } catch .timedOut {
                return .announced
            }
            if try answer(message, transaction: transaction, session: session, deadline: deadline) {
                // Ping after the answer: the Pong proves the peer read PooledTransactions.
                _ = try session.ping(deadline: deadline) { message throws(DevP2PError) in
                    _ = try answer(message, transaction: transaction, session: session, deadline: deadline)
                }
                return .fetched
            }
        }
    }

    /// Answers GetPooledTransactions (returns whether it asked for our transaction); other
    /// eth messages are ignored.
    @discardableResult
    func answer(_ message: DevP2PMessage, transaction: DevP2PTransaction, session: DevP2PSession,
                deadline: Double) throws(DevP2PError) -> Bool {
        guard message.code == EthMessageCode.getPooledTransactions else { return false }
        let request: GetPooledTransactions
        do { request = try GetPooledTransactions(decoding: message.payload) } catch {
            throw .protocolViolation(endpoint: session.endpoint, reason: "malformed GetPooledTransactions: \(error.description)")
        }
        let wanted = request.hashes.contains(transaction.hash)
        let reply = PooledTransactions(requestID: request.requestID, transactions: wanted ? [transaction.networkForm] : [])
        try session.send(code: EthMessageCode.pooledTransactions,
                         payload: reply.encoded(), deadline: deadline)
        return wanted
    }
}
