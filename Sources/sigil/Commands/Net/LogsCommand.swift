import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs",
        abstract: "Find event logs (eth_getLogs) over a block range, decoded with the event's names.",
        discussion: """
        Logs of the contracts given with --address (any contract without it) whose topics match: \
        --event sets topic 0 to the event's hash and decodes each log with its parameter names; \
        --topic N=0x… requires a value at topic N (0-3; repeat for "any of"). Without --event, \
        logs of events Sigil knows (Transfer, Approval, …) are decoded too; others are printed raw.

        The range (--from-block, --to-block: a number, 0x-number, latest, safe, finalized, \
        earliest or a block hash; both default to latest) is asked for in chunks of --chunk-size \
        blocks; a peer that refuses a chunk as too large is asked for half of it, down to one \
        block. Every log is printed once, in block and log order, as soon as its chunk is in. \
        On a terminal a progress line is shown on stderr. Logs are the peers' word: they are \
        labelled unverified.

        Examples:
          sigil logs --address 0x… --event "Transfer(address indexed from, address indexed to, uint256 value)" --from-block 19000000 --to-block 19010000 --rpc $A
          sigil logs --address 0x… --topic 2=0x0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf --from-block 0 --json
          sigil logs --event "Approval(address indexed owner, address indexed spender, uint256 value)" --from-block latest
        """
    )

    @Option(name: .long, help: ArgumentHelp("A contract whose logs to return: address or keystore account name (repeatable: any of them).",
                                            valueName: "address"))
    var address: [String] = []
    @Option(name: .long, help: ArgumentHelp("The event, \"Transfer(address indexed from, address indexed to, uint256 value)\": topic 0 is its hash; logs are decoded with it (repeatable: any of them).",
                                            valueName: "signature"))
    var event: [String] = []
    @Option(name: .long, help: ArgumentHelp("A topic value at position N (0-3), N=0x… 32 bytes (repeatable; several at one position: any of them).",
                                            valueName: "N=0x…"))
    var topic: [String] = []
    @Option(name: .long, help: "First block: a number, latest, safe, finalized, earliest or a block hash.") var fromBlock = "latest"
    @Option(name: .long, help: "Last block (included), as --from-block.") var toBlock = "latest"
    @Option(name: .long, help: "Blocks per eth_getLogs request (halved while a peer refuses the range).")
    var chunkSize: UInt64 = LogScanner.defaultChunkSize
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard chunkSize >= 1 else { throw ValidationError("--chunk-size must be at least 1") }
    }

    func run() throws {
        var filter = LogFilter(fromBlock: try BlockTagText.parse(fromBlock), toBlock: try BlockTagText.parse(toBlock))
        filter.addresses = try address.map { try network.resolveAddress($0).address }
        let decoder = try LogDecoding(events: event)
        if let topics = decoder.topic0s { filter.topics = [topics] }
        for text in topic {
            let (position, value) = try Self.topic(text)
            if position == 0, decoder.topic0s != nil { throw CommandFailure(.usage, "--topic 0=… cannot be combined with --event (it sets topic 0)") }
            filter.require(topic: value, at: position)
        }
        let client = try network.client()
        defer { PeerSkips.warn(client) }
        let label = VerificationOutput.unproved(Self.unprovable)
        let progress = LogsProgressLine(enabled: StandardStreams.stderrIsTerminal)
        let scanner = LogScanner(client: client, chunkSize: chunkSize)
        let lines = LogText()
        let summary = try scanner.scan(filter, progress: progress.show) { logs in
            guard !logs.isEmpty else { return }
            progress.clear()
            if output.json {
                var text = ""
                for log in logs {
                    var object = log.json.objectValue ?? []
                    object += [("event", decoder.decode(log)?.json ?? .null), label.json]
                    text += JSONValue.object(object).serialized() + "\n"
                }
                return StandardStreams.write(text)
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(logs.count * 256)
            for log in logs { lines.append(log, decoder.decode(log), to: &bytes) }
            StandardStreams.write(bytes: bytes)
        }
        progress.clear()
        if !output.json {
            StandardStreams.writeError("\(summary.logs) log\(summary.logs == 1 ? "" : "s") in blocks \(summary.fromBlock)–\(summary.toBlock)"
                                       + " (\(summary.requests) request\(summary.requests == 1 ? "" : "s"))\n")
            StandardStreams.writeError("\(label.field.0): \(label.field.1)\n")
        }
    }

    /// `N=0x…` with N in 0...3 and 32 bytes of hex.
    static func topic(_ text: String) throws -> (Int, [UInt8]) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let position = Int(parts[0]), (0...3).contains(position) else {
            throw CommandFailure(.usage, "--topic takes N=0x… with N from 0 to 3, not '\(DisplayText.escaped(text))'")
        }
        guard let value = try? Hex.decode(parts[1], count: 32) else {
            throw CommandFailure(.invalidInput, "--topic \(position)=…: a topic is 32 bytes of 0x-hex")
        }
        return (position, value)
    }

    /// Logs are what a peer's node recorded: Sigil does not prove them against receipts roots.
    static let unprovable = "logs are the peer's index of its receipts; Sigil does not prove them"
}

/// "scanning blocks…" on stderr when it is a terminal, redrawn after each chunk.
final class LogsProgressLine: @unchecked Sendable {
    let enabled: Bool
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: LogScanner.Progress) {
        guard enabled else { return }
        shown = true
        StandardStreams.writeError("\r\u{1B}[Kscanning blocks \(progress.fromBlock)–\(progress.toBlock): through \(progress.scannedThrough) "
                                   + "(\(Int(progress.fraction * 100))%), \(progress.logs) log\(progress.logs == 1 ? "" : "s"), "
                                   + "\(progress.chunkSize) blocks per request")
    }

    func clear() {
        guard shown else { return }
        shown = false
        StandardStreams.writeError("\r\u{1B}[K")
    }
}
