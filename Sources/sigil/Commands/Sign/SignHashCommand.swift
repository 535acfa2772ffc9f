import ArgumentParser
import SigilCLI
import SigilCore

struct SignHashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Sign a raw 32-byte digest (dangerous: only with --raw-digest).",
        discussion: """
        A raw digest can be the hash of a transaction or of anything else: whoever hands you \
        the digest can make you sign a payment. Prefer `sign message`, `sign typed-data` or \
        `sign tx`, which show what is signed. --raw-digest is required, and a warning is printed.

        Examples:
          sigil sign hash 0x<64 hex digits> --raw-digest --from deployer
        """
    )

    @Argument(help: ArgumentHelp("The 32-byte digest, 0x-hex.", valueName: "digest"))
    var digest: String

    @Flag(name: .long, help: "Confirm that you mean to sign a raw digest you cannot inspect.")
    var rawDigest = false

    @OptionGroup var wallet: WalletOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        guard rawDigest else {
            throw CommandFailure(.usage, "signing a raw digest needs --raw-digest (it could be the hash of any transaction)")
        }
        let bytes = try Hex.decode(digest, count: 32)
        StandardStreams.writeWarning("signing a raw digest; make sure you know what it is the hash of")
        let key = try wallet.makeSigner()
        let signature = try key.sign(digest: bytes)
        output.emit(line: signature.bytes.hexString,
                    json: .object(SignatureText.fields(signature) + [("address", .string(key.address.checksummed))]))
    }
}
