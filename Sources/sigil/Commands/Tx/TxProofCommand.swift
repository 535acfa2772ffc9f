import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct TxProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Write a portable proof that a transaction was mined, for `sigil verify receipt` offline.",
        discussion: """
        Proves the receipt first (its block agreed by the peers, the transaction in its \\
        transactionsRoot, the receipt in its receiptsRoot), then writes the bundle: the block \\
        header, every transaction and receipt of the block, and the index. Anyone can check it \\
        with no network (`sigil verify receipt FILE`, or `sigil-signer verify receipt FILE`). \\
        Schema: docs/receipt-proof.md. The file is never overwritten.

        Examples:
          sigil tx proof 0x…hash -o proof.json --rpc $A --rpc $B
          sigil verify receipt proof.json --block-hash 0x…
        """
    )

    @Argument(help: ArgumentHelp("The transaction hash.", valueName: "hash")) var hash: String
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the proof (- for standard output).", valueName: "file"), completion: .file())
    var output: String
    @OptionGroup var network: NetworkOptions
    @OptionGroup var format: OutputOptions

    func run() throws {
        let digest = try Hex.decode(hash, count: 32)
        let peers = try network.peers()
        let verifier = try network.verifier(peers: peers)
            ?? ChainVerifier(peers: peers, timeout: network.timeout, settings: VerificationSettings())
        let proved = try verifier.receiptProof(of: digest)
        VerificationOutput.warnFaults(proved.block.faults)
        let bundle = ReceiptProofBundle(transactionHash: digest, blockNumber: proved.block.number, blockHash: proved.block.hash,
                                        header: proved.block.header.rlp, transactionIndex: proved.value.index,
                                        transactions: proved.value.transactions, receipts: proved.value.receipts)
        let text = bundle.serialized()
        if output == "-" { return StandardStreams.write(text) }
        try FileIO.writeAtomically(output, Array(text.utf8), mode: 0o644)
        format.emit([("wrote", output), ("block", "\(proved.block.number) (\(Hex.encode(proved.block.hash)))"),
                     ("index", String(proved.value.index)), ("status", proved.value.succeeded ? "1" : "0 (REVERTED)")],
                    json: .object([("file", .string(output)), ("blockNumber", .string(String(proved.block.number))),
                                   ("blockHash", .string(Hex.encode(proved.block.hash))), ("transactionIndex", .integer(proved.value.index)),
                                   ("verification", proved.json)]))
    }
}
