import ArgumentParser
import SigilCore

/// A mnemonic read from a file (or stdin with `-`) and an optional BIP-39 passphrase file.
public struct MnemonicOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("File holding the BIP-39 mnemonic (- for standard input).", valueName: "file"),
            completion: .file())
    public var mnemonicFile: String?

    @Option(name: .long, help: ArgumentHelp("File whose first line is the BIP-39 passphrase (the \"25th word\").", valueName: "file"),
            completion: .file())
    public var passphraseFile: String?

    public init() {}

    public func mnemonic() throws -> Mnemonic {
        guard let mnemonicFile else { throw CommandFailure(.usage, "give the mnemonic with --mnemonic-file FILE (or - for standard input)") }
        SecretFileCheck.warnIfExposed(mnemonicFile)
        return try Mnemonic(phrase: FileIO.readSecret(mnemonicFile, option: "--mnemonic-file"))
    }

    public func passphrase() throws -> SecureBytes {
        guard let passphraseFile else { return SecureBytes(count: 0) }
        return PasswordSource.firstLine(of: try FileIO.readSecret(passphraseFile, option: "--passphrase-file"))
    }
}
