import ArgumentParser
import SigilCLI
import SigilCore

struct MnemonicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mnemonic",
        abstract: "Create BIP-39 mnemonics and derive Ethereum accounts from them (BIP-32/44).",
        subcommands: [MnemonicNewCommand.self, MnemonicDeriveCommand.self]
    )
}

struct MnemonicNewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Generate a new random BIP-39 mnemonic (English).",
        discussion: """
        The words are the secret: with --output they go to a new 0600 file (never overwritten), \
        otherwise to standard output. The first account's address is shown on stderr.

        Examples:
          sigil mnemonic new --output seed.txt
          sigil mnemonic new --words 12
        """
    )

    @Option(name: .long, help: "Number of words: 12, 15, 18, 21 or 24.") var words = 24
    @Option(name: .long, help: ArgumentHelp("Write the mnemonic to this new file (0600) instead of stdout.", valueName: "file"),
            completion: .file())
    var output: String?
    @OptionGroup var color: ColorOptions

    func run() throws {
        let mnemonic = try Mnemonic.generate(wordCount: words)
        let first = try mnemonic.privateKey(at: DerivationPath.ethereum(index: 0)).address
        if let output {
            try mnemonic.withPhrase { phrase in try FileIO.writeAtomically(output, Array((phrase + "\n").utf8), mode: 0o600) }
            StandardStreams.writeError("wrote a \(words)-word mnemonic to \(output); first account (m/44'/60'/0'/0/0): \(first.checksummed)\n")
        } else {
            mnemonic.withPhrase { StandardStreams.write($0 + "\n") }
            StandardStreams.writeError("first account (m/44'/60'/0'/0/0): \(first.checksummed)\n")
        }
    }
}

struct MnemonicDeriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "derive",
        abstract: "Derive addresses (and, with --private-keys, keys) from a mnemonic.",
        discussion: """
        By default the Ethereum path m/44'/60'/0'/0/{index} with indices from --index (e.g. 0..9, \
        3, 0,5,7) or --count N (0..N-1). --path derives exactly one path; a --path holding {i} is \
        a template that --index or --count fill in (e.g. m/44'/60'/{i}'/0/0, Ledger Live's layout).

        Examples:
          sigil mnemonic derive --mnemonic-file seed.txt --index 0..4
          sigil mnemonic derive --mnemonic-file seed.txt --path "m/44'/60'/1'/0/0" --json
          sigil mnemonic derive --mnemonic-file seed.txt --path "m/44'/60'/{i}'/0/0" --count 3
        """
    )

    @OptionGroup var mnemonicOptions: MnemonicOptions
    @Option(name: .long, help: "A full derivation path, e.g. m/44'/60'/0'/0/0, or a template with {i} for --index/--count.")
    var path: String?
    @Option(name: .long, help: "Indices on the default path (or the {i} of --path): 0..9, 3, or 0,5,7.") var index: String?
    @Option(name: .long, help: "Derive indices 0..N-1 on the default path (or the {i} of --path).") var count: Int?
    @Flag(name: .long, help: "Also print the private keys (secret!).") var privateKeys = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if index != nil && count != nil { throw ValidationError("give at most one of --index, --count") }
        if let path, !DerivationPath.isTemplate(path), index != nil || count != nil {
            throw ValidationError("--path without {i} derives one path; put {i} in it to use --index or --count")
        }
    }

    func run() throws {
        let mnemonic = try mnemonicOptions.mnemonic()
        let passphrase = try mnemonicOptions.passphrase()
        let derived: [(DerivationPath, PrivateKey)]
        if let path, !DerivationPath.isTemplate(path) {
            let parsed = try DerivationPath(parsing: path)
            derived = [(parsed, try mnemonic.privateKey(at: parsed, passphrase: passphrase))]
        } else {
            let indices = try count.map { n -> [UInt32] in
                guard (1...DerivationPath.defaultMaximumIndexCount).contains(n) else {
                    throw CommandFailure(.usage, "--count must be 1 to \(DerivationPath.defaultMaximumIndexCount)")
                }
                return (0..<UInt32(n)).map { $0 }
            } ?? DerivationPath.parseIndexList(index ?? "0")
            if let template = path {
                let paths = try indices.map { try DerivationPath.instantiating(template: template, index: $0) }
                derived = try mnemonic.privateKeys(paths: paths, passphrase: passphrase)
            } else {
                derived = try mnemonic.privateKeys(parent: DerivationPath(parsing: "m/44'/60'/0'/0"), indices: indices, passphrase: passphrase)
            }
        }
        let rows: [(String, String, String?)] = derived.map { path, key in
            (path.description, key.address.checksummed, privateKeys ? key.withUnsafeSecret { Hex.encode($0) } : nil)
        }
        output.emit(rows.map { ($0.0, $0.1 + ($0.2.map { "  " + $0 } ?? "")) }, json: .array(rows.map { row in
            .object([("path", .string(row.0)), ("address", .string(row.1))] + (row.2.map { [("privateKey", JSONValue.string($0))] } ?? []))
        }))
    }
}
