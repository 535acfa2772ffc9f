import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct TxShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a transaction by hash: the peers' copy decoded again locally, its sender recovered and checked.",
        discussion: """
        Every peer is asked at once for the transaction and its signed bytes. The bytes are \
        decoded here (every field, as `tx decode` shows them), hashed (they must hash to HASH) \
        and the sender recovered from the signature; every answering peer's `from`, nonce, \
        recipient, value and input must match what the bytes say: a peer that says otherwise is \
        named and the command exits 3. Once mined, the bytes come from the block, proved in its \
        transactionsRoot (the block agreed by the peers) unless --no-verify; a pending \
        transaction cannot be proved and is labelled unverified. Exit 66 when no peer knows it, \
        10 when none serves its signed bytes (eth_getRawTransactionByHash) and it is not proved.

        Examples:
          sigil tx show 0x…hash --rpc $A --rpc $B
          sigil tx show 0x…hash --json
        """
    )

    @Argument(help: ArgumentHelp("The transaction hash.", valueName: "hash")) var hash: String
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let digest = try TransactionHashText.parse(hash)
        let peers = try network.peers()
        let verifier = try network.verifier(peers: peers)
        let shown = try TransactionShow.read(digest, peers: peers, timeout: network.timeout, verifier: verifier)
        VerificationOutput.warnFaults(shown.failures)
        RequestSigning.installCallDecoder()
        let presenter = TransactionPresenter(shown.transaction)
        let label = shown.verification.map(VerificationOutput.proved)
            ?? VerificationOutput.unproved(shown.blockHash == nil ? "a pending transaction cannot be proved" : network.unverifiedReason())
        let placement: [(String, JSONValue)] = [
            ("blockNumber", shown.blockNumber.map { .string(String($0)) } ?? .null),
            ("blockHash", shown.blockHash.map { .string(Hex.encode($0)) } ?? .null),
            ("transactionIndex", shown.transactionIndex.map { .integer($0) } ?? .null),
        ]
        let mined = shown.blockNumber.map { "mined in block \($0)" + (shown.transactionIndex.map { ", index \($0)" } ?? "") } ?? "pending (not mined)"
        var fields = presenter.json.objectValue ?? []
        fields += placement + [label.json]
        output.emit(presenter.lines + [("status", mined), ("sender check", "every answering peer's from matches the signature"), label.field],
                    json: .object(fields))
    }
}
