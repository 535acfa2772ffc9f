import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

/// The `--block` option of the state reads: a tag, a number (decimal or 0x-hex) or a block hash.
let blockOptionHelp = ArgumentHelp("Block: latest, safe, finalized, earliest, pending (not provable), a number (decimal or 0x-hex) or a block hash (EIP-1898).",
                                   valueName: "block")

struct BlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block",
        abstract: "Show a block's header (trusted when the peers agree on its hash) and its transaction hashes.",
        discussion: """
        The peers are asked at once; the header is trusted when it hashes to its block hash and \
        the peers agree on that hash for its number (--agree K), or when --block-hash pins it. \
        The transaction hashes are the peer's list (the header, not the list, is what is proved). \
        Quantities are decimal text. --field F prints one field alone (see --json for the names; \
        `transactions` one hash per line). `pending` cannot be proved and is labelled unverified.

        Examples:
          sigil block --rpc $A --rpc $B
          sigil block 19000000 --field timestamp
          sigil block 0x…blockhash --json
          sigil block finalized --field number
        """
    )

    @Argument(help: ArgumentHelp("latest (default), safe, finalized, earliest, pending, a number (decimal or 0x-hex) or a block hash.",
                                 valueName: "block"))
    var block = "latest"
    @Option(name: .long, help: ArgumentHelp("Print this field alone (e.g. number, hash, timestamp, baseFeePerGas, transactions).", valueName: "name"))
    var field: String?
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let tag = try BlockTagText.parse(block)
        let peers = try network.peers()
        let verifier = tag == .pending ? nil : try network.verifier(peers: peers)
        let summary: BlockSummary, label: (field: (String, String), json: (String, JSONValue))
        if let verifier {
            let proved = try verifier.block(at: tag)
            (summary, label) = (proved.value, VerificationOutput.proved(proved))
        } else {
            guard let found = try network.reader().block(at: tag) else { throw CommandFailure(.notFound, "the peer has no block \(tag.label)") }
            (summary, label) = (found, VerificationOutput.unproved(tag == .pending ? "a pending block cannot be proved" : network.unverifiedReason()))
        }
        let fields = BlockPresenter.fields(summary)
        if let field {
            guard let value = fields.first(where: { $0.0 == field })?.1 else {
                throw CommandFailure(.usage, "unknown field '\(DisplayText.escaped(field, limit: 60))'; fields: \(fields.map(\.0).joined(separator: ", "))")
            }
            if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
            let text = value.arrayValue.map { $0.compactMap(\.stringValue).joined(separator: "\n") } ?? value.stringValue ?? "null"
            return output.emit(line: text, json: .object([(field, value), label.json]))
        }
        var lines = fields.filter { $0.0 != "transactions" && $0.0 != "logsBloom" }.map { ($0.0, $0.1.stringValue ?? "null") }
        lines.append(("transactions", String(summary.transactions.count)))
        output.emit(lines + [label.field], json: .object(fields + [label.json]))
    }
}

/// A block's fields for output: hashes and data as 0x-hex, quantities as decimal text.
enum BlockPresenter {
    static func fields(_ block: BlockSummary) -> [(String, JSONValue)] {
        let header = block.header
        let hex: ([UInt8]) -> JSONValue = { .string(Hex.encode($0)) }
        let number: (UInt64) -> JSONValue = { .string(String($0)) }
        var fields: [(String, JSONValue)] = [
            ("number", number(header.number)), ("hash", hex(block.hash)), ("parentHash", hex(header.parentHash)),
            ("timestamp", number(header.timestamp)), ("miner", .string(header.beneficiary.checksummed)),
            ("gasLimit", number(header.gasLimit)), ("gasUsed", number(header.gasUsed)),
            ("baseFeePerGas", header.baseFeePerGas.map { .string($0.decimalString) } ?? .null),
            ("stateRoot", hex(header.stateRoot)), ("transactionsRoot", hex(header.transactionsRoot)),
            ("receiptsRoot", hex(header.receiptsRoot)), ("sha3Uncles", hex(header.ommersHash)),
            ("difficulty", .string(header.difficulty.decimalString)), ("extraData", hex(header.extraData)),
            ("mixHash", hex(header.mixHash)), ("nonce", hex(header.nonce)), ("logsBloom", hex(header.logsBloom)),
        ]
        if let root = header.withdrawalsRoot { fields.append(("withdrawalsRoot", hex(root))) }
        if let used = header.blobGasUsed { fields.append(("blobGasUsed", number(used))) }
        if let excess = header.excessBlobGas { fields.append(("excessBlobGas", number(excess))) }
        if let root = header.parentBeaconBlockRoot { fields.append(("parentBeaconBlockRoot", hex(root))) }
        if let hash = header.requestsHash { fields.append(("requestsHash", hex(hash))) }
        if let size = block.size { fields.append(("size", number(size))) }
        fields.append(("transactions", .array(block.transactions.map(hex))))
        return fields
    }
}

struct BlockNumberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block-number",
        abstract: "Show the latest block number the peers agree on.",
        discussion: """
        The height of the latest header the peers agree on (it hashes to its block hash and \
        --agree K peers return that hash); the number alone on stdout, the verification on \
        stderr. --no-verify prints the first answering peer's eth_blockNumber, labelled.

        Examples:
          sigil block-number --rpc $A --rpc $B
          sigil block-number --json
        """
    )

    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let peers = try network.peers()
        let number: UInt64, hash: JSONValue, label: (field: (String, String), json: (String, JSONValue))
        if let verifier = try network.verifier(peers: peers) {
            let head = try verifier.head()
            (number, hash, label) = (head.block.number, .string(Hex.encode(head.block.hash)), VerificationOutput.proved(head))
        } else {
            (number, hash, label) = (try network.reader().blockNumber(), .null, VerificationOutput.unproved(network.unverifiedReason()))
        }
        if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
        output.emit(line: String(number), json: .object([("blockNumber", .string(String(number))), ("blockHash", hash), label.json]))
    }
}

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Show the code at an address, proved by its account's codeHash.",
        discussion: """
        The code is proved: an account proof (eth_getProof) against the agreed block's stateRoot \
        gives the account's codeHash, and the code (eth_getCode, in the same batch) must hash to \
        it. The code alone on stdout (0x for an account without code), the verification on stderr.

        Examples:
          sigil code 0x…contract --rpc $A --rpc $B
          sigil code 0x…contract --block 19000000 --json
        """
    )

    @Argument(help: ArgumentHelp("The address (or a name Sigil resolves).", valueName: "address")) var address: String
    @Option(name: .long, help: blockOptionHelp) var block = "latest"
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let account = try network.resolveAddress(address)
        let tag = try BlockTagText.parse(block)
        let peers = try network.peers()
        let verifier = tag == .pending ? nil : try network.verifier(peers: peers)
        let code: [UInt8], label: (field: (String, String), json: (String, JSONValue))
        if let verifier, let proved = try VerificationOutput.unlessNotServed({ try verifier.code(of: account.address, at: tag) }) {
            (code, label) = (proved.value, VerificationOutput.proved(proved))
        } else {
            let reason = tag == .pending ? "pending state cannot be proved" : verifier == nil ? network.unverifiedReason() : VerificationOutput.notServed
            (code, label) = (try network.reader().code(of: account.address, at: tag), VerificationOutput.unproved(reason))
        }
        if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
        output.emit(line: code.isEmpty ? "0x" : Hex.encode(code),
                    json: .object([("address", .string(account.address.checksummed)), ("code", .string(code.isEmpty ? "0x" : Hex.encode(code))),
                                   ("codeHash", .string(Hex.encode(Keccak256.hash(code)))), ("size", .integer(code.count)), label.json]))
    }
}

struct StorageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage",
        abstract: "Show one storage slot of an account, proved by a storage proof.",
        discussion: """
        The slot's value is proved by an EIP-1186 storage proof against the account's storage \
        root, itself proved against the agreed block's stateRoot. SLOT is decimal or 0x-hex (up \
        to 32 bytes). The 32-byte word alone on stdout, the verification on stderr.

        Examples:
          sigil storage 0x…contract 0 --rpc $A --rpc $B
          sigil storage 0x…contract 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc --json
        """
    )

    @Argument(help: ArgumentHelp("The address (or a name Sigil resolves).", valueName: "address")) var address: String
    @Argument(help: ArgumentHelp("The slot: decimal or 0x-hex, up to 32 bytes.", valueName: "slot")) var slot: String
    @Option(name: .long, help: blockOptionHelp) var block = "latest"
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let account = try network.resolveAddress(address)
        let key = try StorageSlotText.parse(slot)
        let tag = try BlockTagText.parse(block)
        let peers = try network.peers()
        let verifier = tag == .pending ? nil : try network.verifier(peers: peers)
        let word: [UInt8], label: (field: (String, String), json: (String, JSONValue))
        if let verifier, let proved = try VerificationOutput.unlessNotServed({ try verifier.account(account.address, slots: [key], at: tag) }) {
            (word, label) = (proved.value.storage[0].bigEndianBytes, VerificationOutput.proved(proved))
        } else {
            let reason = tag == .pending ? "pending state cannot be proved" : verifier == nil ? network.unverifiedReason() : VerificationOutput.notServed
            (word, label) = (try network.reader().storage(of: account.address, slot: key, at: tag), VerificationOutput.unproved(reason))
        }
        if !output.json { StandardStreams.writeError("\(label.field.0): \(label.field.1)\n") }
        output.emit(line: Hex.encode(word), json: .object([("address", .string(account.address.checksummed)), ("slot", .string(Hex.encode(key))),
                                                            ("value", .string(Hex.encode(word))), label.json]))
    }
}

/// A storage slot argument: decimal, or 0x-hex of at most 32 bytes (leading zeros allowed).
enum StorageSlotText {
    static func parse(_ text: String) throws -> [UInt8] {
        let value: U256?
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            let digits = text.dropFirst(2).drop { $0 == "0" }
            value = digits.count <= 64 ? try? U256(hexQuantity: "0x" + (digits.isEmpty ? "0" : digits)) : nil
        } else {
            value = try? U256(decimal: text)
        }
        guard let value else { throw CommandFailure(.invalidInput, "'\(DisplayText.escaped(text, limit: 80))' is not a storage slot (decimal or 0x-hex, at most 32 bytes)") }
        return value.bigEndianBytes
    }
}
