import ArgumentParser
import SigilCLI
import SigilCore

struct KeyChangePasswordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change-password",
        abstract: "Re-encrypt an account with a new password (same KDF strength unless --light).",
        discussion: """
        The current password comes from --password-file / SIGIL_PASSWORD / a prompt; the new one \
        from --new-password-file / SIGIL_NEW_PASSWORD / a prompt asked twice. The file is replaced \
        atomically: it holds either the old or the new encryption, never a mix.

        Examples:
          sigil key change-password deployer
          sigil key change-password deployer --password-file old.txt --new-password-file new.txt
        """
    )

    @Argument(help: ArgumentHelp("The keystore account: address or local name.", valueName: "account"),
              completion: .custom(ConfigCompletions.accounts))
    var account: String

    @Flag(name: .long, help: "Use light scrypt parameters (n=4096, p=6) for the new encryption.")
    var light = false

    @OptionGroup var keystore: KeystoreOptions
    @OptionGroup var password: PasswordOptions
    @OptionGroup var newPassword: NewPasswordOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let directory = try keystore.directory
        let found = try directory.resolve(account)
        let key = try found.file.unlock(password: password.password(prompt: "Current password: "))
        let kdf = light ? KeystoreKDF.light : KeyFileStrength.kdf(matching: found.file.kdf)
        var file = try KeystoreFile.encrypt(key, password: newPassword.newPassword(), kdf: kdf)
        file.id = found.file.id ?? file.id
        KeystoreOptions.warnIfOpen(directory)
        try directory.replace(found, with: file)
        let updated = try directory.resolve(found.name ?? key.address.checksummed)
        output.emit(AccountPresenter.fields(updated), json: AccountPresenter.json(updated))
    }
}
