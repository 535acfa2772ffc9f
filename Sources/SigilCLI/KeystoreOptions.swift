import ArgumentParser
import SigilCore

#if canImport(Glibc)
import Glibc
#endif

/// `--keystore DIR`: which keystore folder to use. Defaults to `$SIGIL_KEYSTORE`, then the data
/// directory's `keystore/`. geth's `keystore/` and foundry's `keystores/` folders work as they are.
public struct KeystoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Keystore folder (default: $SIGIL_KEYSTORE, else the data directory's keystore/; geth's and foundry's folders work as they are).",
        valueName: "dir"), completion: .directory)
    public var keystore: String?

    public init() {}

    public var directory: KeystoreDirectory {
        if let keystore { return KeystoreDirectory(path: keystore) }
        if let value = getenv("SIGIL_KEYSTORE"), value.pointee != 0 {
            return KeystoreDirectory(path: String(cString: value))
        }
        return KeystoreDirectory(path: DataDirectory.keystore)
    }
}
