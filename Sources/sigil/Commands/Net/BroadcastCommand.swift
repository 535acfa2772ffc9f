import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct BroadcastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadcast",
        abstract: "Send a signed transaction to every peer at once; show each peer's answer.",
        discussion: """
        Takes raw hex, a file holding it, or the JSON that `sigil sign tx --json` and \
        `sigil-signer sign --json` write. The transaction is decoded and its sender recovered \
        first; it is journaled before it is sent. Every peer's chain id must match the \
        transaction's. Succeeds when --quorum peers accepted (already known counts as accepted).

        --peer enode://… (repeatable, or the config network's peers) hands the transaction \
        straight to Ethereum nodes over devp2p (RLPx, eth/68), alone or together with --rpc: \
        pushed (delivered once the peer answers a Ping sent after it) or announced (fetched once \
        the peer asks for it); --p2p-mode auto pushes to ⌈√n⌉ peers and announces to the rest. \
        Blob transactions are only announced. Delivered and fetched count towards --quorum.

        --wait then waits for the receipt exactly as `send --wait` does (proved against the \
        agreed block unless --no-verify; --confirmations N, --wait-timeout S): a reverted \
        receipt exits 7, a timeout 8, and nothing is resent. Waiting needs a JSON-RPC peer.

        Examples:
          sigil broadcast signed.json --rpc http://127.0.0.1:8545 --rpc https://…
          sigil broadcast 0x02f8… --quorum 2 --json
          sigil broadcast signed.json --peer enode://…@10.0.0.1:30303 --peer enode://…
          sigil broadcast signed.json --rpc $A --rpc $B --wait --confirmations 3
        """
    )

    @Argument(help: ArgumentHelp("The signed transaction: 0x-hex, a file, or - for standard input.", valueName: "raw"))
    var raw: String
    @Option(name: .long, help: "Peers that must accept the transaction.") var quorum = 1
    @OptionGroup var waiting: WaitOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var p2p: P2POptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let peers = try network.rpcURLs()
        if waiting.wait && peers.isEmpty { throw CommandFailure(.usage, "--wait needs a JSON-RPC peer to ask for the receipt: give --rpc URL") }
        let enodes = try p2p.enodes(network)
        guard !peers.isEmpty || !enodes.isEmpty else {
            throw CommandFailure(.usage, "no peer to send to: give --rpc URL or --peer enode://… (repeatable), --network NAME, or set SIGIL_RPC")
        }
        let targets = p2p.targetCount(rpc: peers, enodes: enodes)
        guard quorum >= 1, quorum <= targets else { throw CommandFailure(.usage, "--quorum must be 1 to \(targets) (the number of peers)") }
        let bytes = try RawTransactionInput.bytes(raw)
        let signed = try SignedTransaction.decode(bytes)
        let from = try signed.recoverSender()
        guard let chainId = signed.payload.chainId else {
            throw CommandFailure(.refusedByPolicy, "refusing to broadcast a transaction without a chain id (replayable on every chain)")
        }
        if let required = try network.configuredChainId(), required != chainId {
            throw CommandFailure(.refusedByPolicy, "the transaction is for chain \(chainId.decimalString), not the network's \(required.decimalString); nothing was sent")
        }
        try network.verifyChain(chainId, peers: peers)
        var sender = TransactionSender(peers: peers, timeout: network.timeout, journalDirectory: DataDirectory.journal)
        sender.quorum = quorum
        try p2p.attach(enodes, to: &sender, chainId: chainId, rpc: peers, network: network)
        // The journal keeps the bytes as given: for a blob transaction in network form, with its
        // sidecar, so that `tx rebroadcast` can send it again (nodes refuse one without it).
        let first = try sender.journal(chainId: chainId, address: from).withLock(timeout: 120) { session -> Bool in
            guard session.record(hash: signed.hash) == nil else { return false }
            try session.append(JournalRecord(nonce: signed.payload.nonce, hash: signed.hash, raw: bytes,
                                             type: String(signed.type.rawValue), to: signed.payload.to, value: signed.payload.value,
                                             maxFeePerGas: .zero, maxPriorityFeePerGas: nil, peers: sender.recordedPeers, note: "broadcast"))
            return true
        }
        let report = try sender.broadcast(signed, chainId: chainId, sender: from, first: first, networkForm: bytes)
        guard waiting.wait else {
            output.emit(line: report.table().trimmingWhitespace(), json: report.json)
            guard report.meets(quorum: quorum) else { throw SendError.broadcastFailed(report, quorum: quorum, hash: signed.hash.hexString) }
            return
        }
        // Waiting: the peers' table goes to stderr (as `send` shows it), the hash and receipt to stdout.
        if !output.json { StandardStreams.writeError(report.table().trimmingWhitespace() + "\n") }
        guard report.meets(quorum: quorum) else { throw SendError.broadcastFailed(report, quorum: quorum, hash: signed.hash.hexString) }
        sender.verifier = try network.verifier(peers: peers)
        sender.onVerified = { VerificationOutput.warnFaults($0.block.faults) }
        let receipt = try sender.wait(for: signed, chainId: chainId, sender: from, confirmations: waiting.confirmations,
                                      timeout: waiting.waitTimeout, progress: ReceiptProgressLine.printer())
        var fields: [(String, JSONValue)] = report.json.objectValue ?? []
        fields += WaitOptions.receiptFields(receipt, network: network, json: output.json)
        output.emit(line: signed.hash.hexString, json: .object(fields))
    }
}

struct TxBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an unsigned transaction request (sigil.unsigned-tx/1) from the chain's current state.",
        discussion: """
        Fills chain id, pending nonce, EIP-1559 fees (2 × next base fee + tip; the tip is the \
        node's eth_maxPriorityFeePerGas, else from fee history, as 'fees --help' says) and gas \
        (estimate + 20%) in ONE batched JSON-RPC round trip. The file goes to an offline \
        signer (`sigil-signer sign`) or to `sigil sign tx`. --from and --to are addresses or \
        keystore account names (nothing is unlocked).

        The file written is Sigil's shape, every field spelled out. \(RequestSigning.formatHelp)

        Examples:
          sigil tx build --from 0x… --to 0x… --value 1.5ether -o request.json
          sigil tx build --from ops --token 0x… --to 0x… --amount 12.5 -o request.json
          sigil tx build --from ops --to 0x… --call "approve(address,uint256)" 0x… 0
        """
    )

    @Option(name: .long, help: "The sending address or keystore account.") var from: String
    @OptionGroup var intentOptions: IntentOptions
    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write the request to this new file.", valueName: "file"),
            completion: .file())
    var outputFile: String?
    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var network: NetworkOptions
    @OptionGroup var color: ColorOptions

    func run() throws {
        let sender = try AddressResolver.resolve(from, keystore: keystore) as Address
        let intent = try intentOptions.intent(network: network, keystoreFlag: keystore.keystore).intent
        let peers = try network.peers()
        let snapshot = try network.sender(peers: peers, chainIdFlag: intentOptions.chainId).snapshot(for: intent, from: sender)
        let nonce = try TransactionJournal(directory: DataDirectory.journal, chainId: snapshot.chainId, address: sender)
            .withLock(timeout: 120) { $0.nextNonce(pendingFromPeers: snapshot.pendingNonce) }
        var request = try intent.request(from: sender, snapshot: snapshot)
        request.nonce = nonce
        let text = RequestFile.serialize(request)
        if let outputFile {
            try FileIO.writeAtomically(outputFile, Array(text.utf8), mode: 0o644)
        } else {
            StandardStreams.write(text)
        }
    }
}

extension Optional {
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}
