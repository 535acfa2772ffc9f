import ArgumentParser
import SigilCLI
import SigilCore
import SigilNet

struct P2PCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "p2p",
        abstract: "Talk to Ethereum nodes directly over devp2p (RLPx, eth/68).",
        subcommands: [P2PPingCommand.self]
    )
}

struct P2PPingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Handshake with a node; show its client id, capabilities, eth Status and round-trip time.",
        discussion: """
        Dials the node, runs the RLPx handshake and the Hello exchange, reads the node's Status \
        and answers it with the node's own chain (so any chain works), then sends one Ping. \
        A node that disconnects names its reason; nothing waits longer than --timeout.

        Examples:
          sigil p2p ping enode://d860a01f…@10.0.0.1:30303
          sigil p2p ping enode://… --timeout 3 --json
        """
    )

    @Argument(help: ArgumentHelp("The node: enode://<128 hex digits>@host:port.", valueName: "enode"))
    var enode: String
    @Option(name: .long, help: "Seconds for the whole exchange.") var timeout: Double = 10
    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard timeout > 0 && timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds") }
    }

    func run() throws {
        let node: Enode
        do { node = try Enode(parsing: enode) } catch { throw CommandFailure(.usage, error.description) }
        let result = try DevP2PPing.ping(node, clientId: "sigil/\(SigilVersion.string)", timeout: timeout)
        output.emit(line: result.text, json: result.json)
    }
}
