import Foundation
import SigilTestSupport
import Testing

/// A secret typed where the path of its file belongs is never echoed: errors about
/// `--private-key-file`, `--password-file`, `--mnemonic-file` and `--passphrase-file` name the
/// option, not the value. (`sigil(…)` scans both streams for the registered secrets.)
@Suite struct SecretPathTests {
    let key = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
    let password = "correct horse battery staple"
    let mnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

    @Test func aKeyGivenAsThePathIsNotEchoed() throws {
        let home = try TemporaryDirectory()
        let secrets = Secrets(privateKeys: [key])
        let request = try home.file("tx.json", contents: """
            {"format":"sigil.unsigned-tx/1","type":"0x2","chainId":"0x1","nonce":"0","to":"0x000000000000000000000000000000000000dEaD","value":"7","data":"0x","gas":"21000","maxFeePerGas":"20000000000","maxPriorityFeePerGas":"1","accessList":[]}
            """)
        for value in [key, String(key.dropFirst(2))] {
            let r = try sigil("sign", "tx", request.path, "--private-key-file", value, secrets: secrets)
            expectFailure(r, status: 66, message: "--private-key-file")
            let imported = try sigil(["key", "import", "--private-key-file", value, "--light", "--name", "x"],
                                     environment: ["SIGIL_HOME": home.url.path, "SIGIL_PASSWORD": "pw-for-import"], secrets: secrets)
            expectFailure(imported, status: 66, message: "--private-key-file")
        }
    }

    @Test func aPasswordGivenAsThePathIsNotEchoed() throws {
        let home = try TemporaryDirectory()
        let r = try sigil(["key", "new", "--light", "--name", "a", "--password-file", password],
                          environment: ["SIGIL_HOME": home.url.path], secrets: Secrets(passwords: [password]))
        expectFailure(r, status: 66, message: "--password-file")
        #expect(!r.stderrText.contains("horse"))
        // a directory given by mistake is named by the option too
        let d = try sigil(["key", "new", "--light", "--name", "a", "--password-file", home.url.path],
                          environment: ["SIGIL_HOME": home.url.path])
        expectFailure(d, status: 65, message: "--password-file is a directory")
    }

    @Test func aMnemonicOrPassphraseGivenAsThePathIsNotEchoed() throws {
        let secrets = Secrets(passwords: [password], mnemonics: [mnemonic])
        let r = try sigil(["mnemonic", "derive", "--mnemonic-file", mnemonic], secrets: secrets)
        expectFailure(r, status: 66, message: "--mnemonic-file")
        let home = try TemporaryDirectory()
        let file = try home.file("seed.txt", contents: mnemonic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        let p = try sigil(["mnemonic", "derive", "--mnemonic-file", file.path, "--passphrase-file", password], secrets: secrets)
        expectFailure(p, status: 66, message: "--passphrase-file")
    }
}
