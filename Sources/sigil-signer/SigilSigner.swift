import ArgumentParser
import SigilCLI

@main
struct SigilSigner: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigil-signer",
        abstract: "Sigil's offline signer: signs on a machine with no network code.",
        discussion: ExitStatus.helpTable,
        version: "sigil-signer \(SigilVersion.string)",
        subcommands: [AddressCommand.self, ListCommand.self, SignCommand.self, SignMessageCommand.self,
                      SignTypedDataCommand.self, PolicyCommand.self, AuditCommand.self]
    )

    static func main() async {
        await CommandRunner.main(SigilSigner.self, toolName: "sigil-signer")
    }
}
