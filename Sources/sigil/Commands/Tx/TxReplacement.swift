import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

/// What `tx bump` and `tx cancel` share: their options and the replacement itself (same nonce,
/// fees raised by FeeBump's rule, journaled before broadcast). The stuck transaction is named by
/// its hash, or by its nonce with the wallet options naming the account (and --chain-id, the
/// config network or the peers naming the chain); either way the latest journaled transaction
/// at that nonce is replaced.
struct ReplacementOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The stuck transaction: its hash, or its nonce (the account is --from or --private-key-file's).",
                                 valueName: "nonce|hash"))
    var target: String
    @Option(name: .long, parsing: .unconditional, help: "New max fee per gas (legacy: gas price); at least +10%.") var maxFee: String?
    @Option(name: .long, parsing: .unconditional, help: "New priority fee per gas; at least +10%.") var priorityFee: String?
    @Option(name: .long, help: "With a nonce: the chain (default: the config network's, else the peers').") var chainId: String?
    @Flag(name: .long, help: "Do not ask for confirmation (required off a terminal).") var yes = false
    @OptionGroup var wallet: WalletOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var p2p: P2POptions
    @OptionGroup var output: OutputOptions

    /// The journal and the latest record at the target's nonce.
    func stuckTransaction(signer: SigningKey) throws -> (TransactionJournal, JournalRecord) {
        if target.hasPrefix("0x") || target.hasPrefix("0X") {
            let digest = try Hex.decode(target, count: 32)
            guard let (journal, found) = try JournalDirectory.find(hash: digest, in: DataDirectory.journal) else {
                throw CommandFailure(.notFound, "\(target) is not in the journal")
            }
            let latest = try journal.withLock(timeout: 120) { $0.latest(nonce: found.nonce) }
            return (journal, latest ?? found)
        }
        guard let nonce = UInt64(target) else {
            throw CommandFailure(.usage, "'\(target)' is neither a transaction hash (0x + 64 hex digits) nor a nonce")
        }
        let address = signer.address
        let chain = try network.requestedChainId(chainId) ?? peersChainId()
        let journal = TransactionJournal(directory: DataDirectory.journal, chainId: chain, address: address)
        guard let record = try journal.withLock(timeout: 120, { $0.latest(nonce: nonce) }) else {
            throw CommandFailure(.notFound, "no journaled transaction from \(address.checksummed) with nonce \(nonce) on chain \(chain.decimalString)")
        }
        return (journal, record)
    }

    /// The chain id of the first JSON-RPC peer that answers.
    private func peersChainId() throws -> U256 {
        guard !(try network.rpcURLs()).isEmpty else {
            throw CommandFailure(.usage, "with a nonce and no JSON-RPC peer, give --chain-id")
        }
        return try network.reader().chainId()
    }

    func run(cancel: Bool) throws {
        let signer = try SigningKey(wallet)   // resolved once: a key on standard input is read once
        let (journal, record) = try stuckTransaction(signer: signer)
        if let required = try network.requestedChainId(chainId), required != journal.chainId {
            throw CommandFailure(.refusedByPolicy, "\(record.hashHex) is on chain \(journal.chainId.decimalString), not \(required.decimalString)")
        }
        let request = try TransactionReplacement.request(
            replacing: record, from: journal.address, maxFee: try maxFee.map { try Amount.parse($0, defaultUnit: .wei) },
            priorityFee: try priorityFee.map { try Amount.parse($0, defaultUnit: .wei) }, cancel: cancel)
        // Then the chain, before anything is signed: a mined nonce can never be replaced (exit 12, naming what was mined).
        try TransactionReplacement.ensureOpen(record, in: journal, reader: try network.rpcURLs().isEmpty ? nil : try network.reader())
        // The peers first: one that cannot be used stops here, before any question.
        let sender = try p2p.sender(network: network, chainId: journal.chainId)
        try Confirmation.ask(request, yes: yes, question: cancel ? "Cancel with this transaction?" : "Replace with these fees?")
        let key = try CommandWatchdog.untimed { try signer.unlock() }
        guard key.address == journal.address else { throw CommandFailure(.verificationFailed, "the key is not \(journal.address.checksummed)") }
        let signed = try TransactionReplacement.signAndJournal(request, replacing: record, cancel: cancel, key: key,
                                                               journal: journal, peers: sender.recordedPeers)
        let report = try sender.broadcast(signed, chainId: journal.chainId, sender: journal.address)
        StandardStreams.writeError(report.table().trimmingWhitespace() + "\n")
        guard report.meets(quorum: 1) else {
            throw SendError.broadcastFailed(report, quorum: 1, hash: signed.hash.hexString)
        }
        output.emit(line: signed.hash.hexString, json: .object([("hash", .string(signed.hash.hexString)), ("replaces", .string(record.hashHex)),
                                                                 ("nonce", .string(String(record.nonce))), ("broadcast", report.json)]))
    }
}
