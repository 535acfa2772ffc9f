import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct RPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc",
        abstract: "Send one raw JSON-RPC call to the first peer that answers; print its result (never verified).",
        discussion: """
        Each PARAM is read as JSON when it parses (numbers, true, null, "quoted", {…}, […]), \
        else taken as a string: `sigil rpc eth_getBalance 0x… latest`. The result is printed as \
        indented JSON with any control or invisible character escaped; --json prints the result \
        exactly as the node sent it, compact. Nothing a raw call returns is proved: stderr says \
        so. A JSON-RPC error from the node exits 6 with the node's message.

        Examples:
          sigil rpc eth_blockNumber --rpc http://127.0.0.1:8545
          sigil rpc eth_getBlockByNumber latest false
          sigil rpc eth_call '{"to":"0x…","data":"0x313ce567"}' latest --json
        """
    )

    @Argument(help: ArgumentHelp("The JSON-RPC method, e.g. eth_getBalance.", valueName: "method")) var method: String
    @Argument(help: ArgumentHelp("Parameters: JSON values, or plain text taken as strings.", valueName: "params")) var params: [String] = []
    @OptionGroup var network: NetworkOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard !method.isEmpty, method.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw ValidationError("the method must be printable ASCII without spaces, e.g. eth_blockNumber")
        }
    }

    func run() throws {
        let values = params.map { text in (try? JSONParser.parse(text)) ?? .string(text) }
        let client = try network.client()
        let result = try client.call(method, values)
        if output.json { return StandardStreams.write(result.serialized() + "\n") }
        StandardStreams.writeError("verified: NO: \(Self.unprovable) (from \(client.url))\n")
        StandardStreams.write(DisplayText.escaped(result.serialized(pretty: true), limit: nil, multiline: true) + "\n")
    }

    static let unprovable = "a raw JSON-RPC answer is never proved; taken on the peer's word"
}
