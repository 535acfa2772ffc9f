import ArgumentParser
import SigilCLI
import SigilCore

struct AbiDecodeEventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode-event",
        abstract: "Decode an event log (topics and data) into named values.",
        discussion: """
        The log is given with --topic (repeatable, in order, topic 0 first) and --data, or \
        with --log FILE (- for standard input) holding a log object as eth_getLogs and receipts \
        return it ({"address", "topics", "data", …}) or an array of them. Without --event the \
        event must be one of Sigil's common events (ERC-20, ERC-721, ERC-1155, WETH, Ownable). \
        An indexed string, bytes, array or tuple is only its keccak256 in the log: it is shown \
        as that hash. Texts from the log are escaped.

        With an array, every log is decoded; one that does not decode gets an error row \
        instead (exit 0); a single log that does not decode is an error (exit 65, or 66 when \
        its event is not known).

        Examples:
          sigil abi decode-event --event "Transfer(address indexed from,address indexed to,uint256 value)" \\
              --topic 0xddf252ad… --topic 0x000…7e5f… --topic 0x000…2b5a… --data 0x…03e8
          sigil abi decode-event --log log.json
          sigil rpc eth_getLogs '[…]' | sigil abi decode-event --log - --json
        """
    )

    @Option(name: .long, help: ArgumentHelp("The event declaration, with indexed parameters marked.", valueName: "signature"))
    var event: String?
    @Option(name: .long, help: ArgumentHelp("A 32-byte topic, 0x-hex (repeatable, topic 0 first).", valueName: "topic"))
    var topic: [String] = []
    @Option(name: .long, help: ArgumentHelp("The log data, 0x-hex.", valueName: "data"))
    var data: String?
    @Option(name: .long, help: ArgumentHelp("A JSON log object or array of them (- for standard input).", valueName: "file"),
            completion: .file())
    var log: String?
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if log != nil && (!topic.isEmpty || data != nil) { throw ValidationError("give --log, or --topic and --data, not both") }
        if log == nil && topic.isEmpty { throw ValidationError("give the log's topics with --topic (topic 0 first), or --log FILE") }
    }

    func run() throws {
        let declared = try event.map { text throws(ABIError) in try ABIEvent(parsing: text) }
        guard let log else {
            let topics = try topic.map { text throws(HexError) in try Hex.decode(text, count: 32) }
            let decoded = try decode(topics: topics, data: Hex.decode(data ?? "0x"), with: declared)
            output.emit(rows(decoded.event, standard: decoded.standard), json: json(decoded.event, standard: decoded.standard, address: nil))
            return
        }
        let document = try JSONParser.parse(String(decoding: FileIO.read(log, limit: 64 << 20), as: UTF8.self))
        guard let logs = document.arrayValue else {
            let (topics, data, address) = try EventLogJSON.read(document, index: nil)
            let decoded = try decode(topics: topics, data: data, with: declared)
            output.emit(rows(decoded.event, standard: decoded.standard) + (address.map { [("address", $0)] } ?? []),
                        json: json(decoded.event, standard: decoded.standard, address: address))
            return
        }
        var lines: [String] = [], documents: [JSONValue] = []
        for (index, item) in logs.enumerated() {
            do {
                let (topics, data, address) = try EventLogJSON.read(item, index: index)
                let decoded = try decode(topics: topics, data: data, with: declared)
                lines.append("\(index): \(decoded.event.description)" + (address.map { " at \($0)" } ?? ""))
                documents.append(json(decoded.event, standard: decoded.standard, address: address))
            } catch {
                let message = DisplayText.escaped(String(describing: error))
                lines.append("\(index): not decoded: \(message)")
                documents.append(.object([("index", .integer(index)), ("error", .string(message))]))
            }
        }
        output.emit(line: lines.joined(separator: "\n"), json: .array(documents))
    }

    private func decode(topics: [[UInt8]], data: [UInt8], with declared: ABIEvent?) throws -> (event: DecodedEvent, standard: String?) {
        if let declared { return (try declared.decodeLog(topics: topics, data: data), nil) }
        if let known = KnownEvents.decode(topics: topics, data: data) { return (known.event, known.standard) }
        let topic0 = topics.first.map { Hex.encode($0) } ?? "(none)"
        let what = KnownEvents.candidates(topic0: topics.first ?? []).isEmpty ? "is not one of Sigil's common events"
            : "matches a common event whose log does not have this shape"
        throw CommandFailure(.notFound, "topic 0 \(topic0) \(what): give its declaration with --event")
    }

    private func rows(_ decoded: DecodedEvent, standard: String?) -> [(String, String)] {
        [("event", decoded.event.declaration + (standard.map { " (\($0))" } ?? ""))]
            + decoded.fields.map { ($0.name, $0.display) }
    }

    private func json(_ decoded: DecodedEvent, standard: String?, address: String?) -> JSONValue {
        guard case .object(let members) = decoded.json else { return decoded.json }
        return .object(members + [("standard", standard.map(JSONValue.string) ?? .null), ("address", address.map(JSONValue.string) ?? .null)])
    }
}

/// A log object as JSON-RPC returns it: `topics` (array of 0x-hex), `data` (0x-hex), and
/// optionally `address`.
enum EventLogJSON {
    static func read(_ value: JSONValue, index: Int?) throws -> (topics: [[UInt8]], data: [UInt8], address: String?) {
        let place = index.map { "log \($0)" } ?? "the log"
        guard value.objectValue != nil else { throw CommandFailure(.invalidInput, "\(place) is not a JSON object") }
        guard let topicValues = value["topics"]?.arrayValue else { throw CommandFailure(.invalidInput, "\(place) has no \"topics\" array") }
        var topics: [[UInt8]] = []
        for (position, topicValue) in topicValues.enumerated() {
            guard let text = topicValue.stringValue, let bytes = try? Hex.decode(text, count: 32) else {
                throw CommandFailure(.invalidInput, "\(place): topics[\(position)] is not 32 bytes of 0x-hex")
            }
            topics.append(bytes)
        }
        let dataText = value["data"]?.stringValue ?? "0x"
        guard let data = try? Hex.decode(dataText) else { throw CommandFailure(.invalidInput, "\(place): \"data\" is not 0x-hex") }
        let address = try value["address"]?.stringValue.map { text throws(AddressError) in try Address(parsing: text).checksummed }
        return (topics, data, address)
    }
}
