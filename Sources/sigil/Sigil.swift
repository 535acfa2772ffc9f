import ArgumentParser
import SigilCLI

@main
struct Sigil: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigil",
        abstract: "An Ethereum wallet and transaction toolkit.",
        discussion: """
        Keys, signatures, transactions and units, exactly and offline; broadcasting to many peers.
        Secrets are never taken as argument values: keys come from a file or stdin.


        """ + ExitStatus.helpTable,
        version: "sigil \(SigilVersion.string)",
        subcommands: [
            KeyCommand.self, MnemonicCommand.self, SignCommand.self, VerifyCommand.self, RecoverCommand.self, TxCommand.self,
            AbiCommand.self, HashCommand.self, AddressCommand.self, UnitsCommand.self, ConfigCommand.self,
            SendCommand.self, BroadcastCommand.self, P2PCommand.self, BalanceCommand.self, NonceCommand.self, ChainIdCommand.self, FeesCommand.self,
            ReceiptCommand.self, BlockCommand.self, BlockNumberCommand.self, CodeCommand.self, StorageCommand.self, RPCCommand.self,
            ENSCommand.self,
            CallCommand.self, EstimateCommand.self, AccessListCommand.self, LogsCommand.self,
        ]
    )

    static func main() {
        CommandRunner.main(Sigil.self, toolName: "sigil")
    }
}
