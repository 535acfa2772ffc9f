import SigilCore

/// How a keystore account is shown, in both executables: human fields and a stable JSON object
/// `{"address", "name", "file", "kdf"}` (address and name may be null).
public enum AccountPresenter {
    public static func fields(_ account: KeystoreAccount) -> [(String, String)] {
        [
            ("address", account.address?.checksummed ?? "(not recorded)"),
            ("name", account.name ?? "-"),
            ("file", account.path),
            ("kdf", kdfText(account.file.kdf)),
        ]
    }

    public static func json(_ account: KeystoreAccount) -> JSONValue {
        .object([
            ("address", account.address.map { .string($0.checksummed) } ?? .null),
            ("name", account.name.map { .string($0) } ?? .null),
            ("file", .string(account.path)),
            ("kdf", .string(account.file.kdf.name)),
            ("kdfParams", kdfParams(account.file.kdf)),
        ])
    }

    static func kdfParams(_ kdf: KeyDerivation) -> JSONValue {
        switch kdf {
        case .scrypt(let n, let r, let p, _, _): .object([("n", .integer(n)), ("r", .integer(r)), ("p", .integer(p))])
        case .pbkdf2(let iterations, _, _): .object([("c", .integer(iterations))])
        }
    }

    public static func kdfText(_ kdf: KeyDerivation) -> String {
        switch kdf {
        case .scrypt(let n, let r, let p, _, _): "scrypt n=\(n) r=\(r) p=\(p)"
        case .pbkdf2(let iterations, _, _): "pbkdf2 c=\(iterations)"
        }
    }

    /// Prints a keystore's accounts: a table, a JSON array with `--json`, or a note on stderr when empty.
    /// Each file that cannot be used gets one warning line on stderr naming it and the reason.
    public static func printList(_ directory: KeystoreDirectory, output: OutputOptions) throws {
        let scan = try directory.scan()
        for file in scan.unusable {
            StandardStreams.writeWarning("skipping keystore file '\(file.fileName)': \(file.reason)")
        }
        let accounts = scan.accounts
        if output.json {
            StandardStreams.write(JSONValue.array(accounts.map(json)).serialized(pretty: true) + "\n")
        } else if accounts.isEmpty {
            StandardStreams.writeError("no accounts in \(directory.path)\n")
        } else {
            StandardStreams.write(table(accounts))
        }
    }

    /// The accounts as an aligned table with a header.
    public static func table(_ accounts: [KeystoreAccount]) -> String {
        let rows = accounts.map { [$0.address?.checksummed ?? "(not recorded)", $0.name ?? "-", kdfText($0.file.kdf), $0.path] }
        let header = ["ADDRESS", "NAME", "KDF", "FILE"]
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2) }
                .joined() + "\n"
        }
        return line(header) + rows.map(line).joined()
    }
}

/// `--light`: the KDF for new key files.
public enum KeyFileStrength {
    public static func kdf(light: Bool) -> KeystoreKDF { light ? .light : .standard }

    /// The same KDF family and cost as an existing file (for password changes).
    public static func kdf(matching existing: KeyDerivation) -> KeystoreKDF {
        switch existing {
        case .scrypt(let n, let r, let p, _, _): .scrypt(n: n, r: r, p: p)
        case .pbkdf2(let iterations, _, _): .pbkdf2(iterations: iterations)
        }
    }
}
