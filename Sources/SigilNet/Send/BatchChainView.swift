public import SigilCore

/// The chain reads behind a batch of payments from one account, shared across its rows.
///
/// A single `sigil send` reads a full `ChainSnapshot` (chain id, pending nonce, fee history,
/// estimate, balance) before it signs. Repeating that for each row of a payout batch would
/// double the node's work per payment, mostly in `eth_estimateGas`. Instead:
/// - the fee snapshot (with the chain check across peers) is read once and again whenever it is
///   older than `maxAge` seconds, so fees follow the base fee as blocks go by;
/// - whether the recipients hold code is read once for all rows, in one call per 1,000 of them
///   (`CodePresenceProbe`): a plain transfer to an account without code (and not a precompile)
///   costs exactly 21,000 gas and needs no estimate;
/// - only calls (token rows) and transfers to accounts with code are estimated, one call each.
/// The nonce still comes from the journal under its lock (`TransactionSender.signJournalAndBroadcast`),
/// which takes the larger of it and the snapshot's pending nonce.
public final class BatchChainView {
    public let sender: TransactionSender
    public let from: Address
    public let maxAge: Double
    /// Reads go to the first peer that answers.
    private let client: JSONRPCClient
    private var base: ChainSnapshot?
    private var takenAt = 0.0
    private var hasCode: [Address: Bool] = [:]

    public init(sender: TransactionSender, from: Address, maxAge: Double = 6) {
        self.sender = sender
        self.from = from
        self.maxAge = maxAge
        client = JSONRPCClient(urls: sender.peers, timeout: sender.timeout)
    }

    /// Reads whether each address has code: one `CodePresenceProbe` call per 1,000 addresses
    /// (to the first peer that answers), or, from a peer that does not run the probe as
    /// written, one JSON-RPC batch of `eth_getCode`.
    public func prefetchCode(of addresses: [Address]) throws(RPCError) {
        var unique: [Address] = []
        var seen = Set<Address>()
        for address in addresses where hasCode[address] == nil && seen.insert(address).inserted { unique.append(address) }
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + CodePresenceProbe.maxAddresses, unique.count)])
            start += chunk.count
            if probeWorks, let answers = probe(chunk) {
                for (address, has) in zip(chunk, answers) { hasCode[address] = has }
                continue
            }
            probeWorks = false
            let results = try client.batch(chunk.map { RPCCall("eth_getCode", [.string(Hex.encode($0.bytes)), .string("latest")]) })
            for (address, result) in zip(chunk, results) {
                hasCode[address] = !(try result.get().bytes(method: "eth_getCode")).isEmpty
            }
        }
    }

    /// Whether the peers ran the probe so far (once one does not, eth_getCode is used).
    private var probeWorks = true

    /// The probe's answer for `addresses`, or nil when the call fails or answers something else.
    private func probe(_ addresses: [Address]) -> [Bool]? {
        let call = Self.probeCall(addresses)
        guard let output = try? client.call(call.method, call.params).bytes(method: call.method) else { return nil }
        return CodePresenceProbe.decode(output, count: addresses.count)
    }

    /// The `eth_call` of a `CodePresenceProbe` for `addresses`, at the latest block.
    static func probeCall(_ addresses: [Address]) -> RPCCall {
        RPCCall("eth_call", [.object([
            ("data", .string(Hex.encode(CodePresenceProbe.initcode(for: addresses)))),
            ("gas", .string("0x" + String(CodePresenceProbe.gas(for: addresses.count), radix: 16))),
        ]), .string("latest")])
    }

    /// The snapshot for one row: the shared fees and nonce, and an estimate only when the row
    /// needs one (see the type's description).
    public func snapshot(for intent: PaymentIntent) throws -> ChainSnapshot {
        let now = MonotonicClock.now()
        if base == nil || now - takenAt > maxAge {
            var feesOnly = intent
            feesOnly.gasLimit = 21_000   // no estimate in the shared read
            base = try sender.snapshot(for: feesOnly, from: from)
            takenAt = now
        }
        guard let base else { preconditionFailure("read above") }
        var estimate: UInt64? = nil
        if intent.gasLimit == nil, try needsEstimate(intent) {
            let call = ChainReader.estimateGasCall(intent.query(from: from))
            estimate = try CallReverted.rethrowing { () throws(RPCError) in try client.call(call.method, call.params).uint64(method: call.method) }
        }
        return ChainSnapshot(chainId: base.chainId, pendingNonce: base.pendingNonce, nextBaseFee: base.nextBaseFee,
                             suggestedTip: base.suggestedTip, gasEstimate: estimate, balance: base.balance)
    }

    /// A call, a contract creation, a transfer to an account with code, or to a low address
    /// where precompiles live (they run, and charge gas, even on a plain transfer).
    private func needsEstimate(_ intent: PaymentIntent) throws(RPCError) -> Bool {
        guard intent.data.isEmpty, let to = intent.to, to.bytes.prefix(18).contains(where: { $0 != 0 }) else { return true }
        if hasCode[to] == nil { try prefetchCode(of: [to]) }
        return hasCode[to] ?? true
    }
}
