import ArgumentParser
import SigilCore

/// `--keystore DIR`: which keystore folder to use. Defaults to `$SIGIL_KEYSTORE`, then the config
/// file's `[defaults].keystore`, then the data directory's `keystore/`. geth's `keystore/` and
/// foundry's `keystores/` folders work as they are.
public struct KeystoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Keystore folder (default: $SIGIL_KEYSTORE, else [defaults].keystore in the config file, else the data directory's keystore/; geth's and foundry's folders work as they are).",
        valueName: "dir"), completion: .directory)
    public var keystore: String?

    @Flag(name: .long, help: ArgumentHelp(
        "Refuse (exit 5) a key file that is a symbolic link, readable by group or others, or in a folder writable by them, instead of warning."))
    public var strictPermissions = false

    public init() {}

    /// The folder chosen by `--keystore`, `SIGIL_KEYSTORE`, the config file or the data directory.
    public var directory: KeystoreDirectory {
        get throws { try Self.directory(flag: keystore, strict: strictPermissions) }
    }

    /// The folder for a `--keystore` value (nil: `SIGIL_KEYSTORE`, the config file, the data
    /// directory). Key files open to others are warned about, or refused when `strict`.
    public static func directory(flag: String?, strict: Bool = false) throws -> KeystoreDirectory {
        guard let path = try EffectiveSettings.resolveKeystore(flag: flag).value else {
            throw CommandFailure(.failure, "no keystore folder could be determined")
        }
        return KeystoreDirectory(path: path) { exposures in
            if strict {
                throw CommandFailure(.refusedByPolicy, exposures.map(\.description).joined(separator: "; ")
                    + " (refused: --strict-permissions)")
            }
            for exposure in exposures { StandardStreams.writeWarning(exposure.description) }
        }
    }

    /// Writes a new key file into the folder (see `KeystoreDirectory.store`), warning first when
    /// the folder exists and other users may enter it. Sigil never changes the mode of a folder
    /// it did not create; one it creates is 0700.
    public func store(_ file: KeystoreFile, address: Address, name: String?) throws -> KeystoreAccount {
        let directory = try directory
        Self.warnIfOpen(directory)
        return try directory.store(file, address: address, name: name)
    }

    /// Warns (once, on stderr) when an existing keystore folder is open to group or others.
    public static func warnIfOpen(_ directory: KeystoreDirectory) {
        guard FileIO.isDirectory(directory.path), let mode = FileIO.permissions(directory.path), mode & 0o077 != 0 else { return }
        StandardStreams.writeWarning(
            "keystore folder '\(directory.path)' is open to other users (mode \(String(mode, radix: 8))); chmod 700 it")
    }
}
