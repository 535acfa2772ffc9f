import ArgumentParser
import SigilCLI

@main
struct SigilSigner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigil-signer",
        abstract: "Sigil's offline signer: signs on a machine with no network code.",
        discussion: ExitStatus.helpTable,
        version: "sigil-signer \(SigilVersion.string)",
        subcommands: [AddressCommand.self, ListCommand.self, SignCommand.self, SignMessageCommand.self,
                      SignTypedDataCommand.self, PolicyCommand.self, AuditCommand.self, SignerVerifyCommand.self]
    )

    static func main() {
        CommandRunner.main(SigilSigner.self, toolName: "sigil-signer")
    }
}
