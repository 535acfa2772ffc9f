import ArgumentParser
import SigilCore

#if canImport(Glibc)
import Glibc
#endif

/// Where a keystore password comes from: `--password-file`, `SIGIL_PASSWORD`, or a no-echo
/// prompt when standard input is a terminal. Never an argument value.
public struct PasswordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "File whose first line is the keystore password (else SIGIL_PASSWORD, else a prompt on a terminal).",
        valueName: "file"), completion: .file())
    public var passwordFile: String?

    public init() {}

    public static let environmentVariable = "SIGIL_PASSWORD"

    /// The password for an existing key.
    public func password(prompt: String = "Password: ") throws -> SecureBytes {
        try PasswordSource.obtain(file: passwordFile, environment: Self.environmentVariable, fileOption: "--password-file",
                                  prompt: prompt, confirm: false)
    }

    /// A password for a new key: on a terminal it is asked twice and must match.
    public func newPassword(prompt: String = "New password: ") throws -> SecureBytes {
        try PasswordSource.obtain(file: passwordFile, environment: Self.environmentVariable, fileOption: "--password-file",
                                  prompt: prompt, confirm: true)
    }
}

/// `--new-password-file` / `SIGIL_NEW_PASSWORD` / a prompt asked twice: the new password of
/// `key change-password`.
public struct NewPasswordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "File whose first line is the new password (else SIGIL_NEW_PASSWORD, else a prompt asked twice).",
        valueName: "file"), completion: .file())
    public var newPasswordFile: String?

    public init() {}

    public func newPassword() throws -> SecureBytes {
        try PasswordSource.obtain(file: newPasswordFile, environment: "SIGIL_NEW_PASSWORD", fileOption: "--new-password-file",
                                  prompt: "New password: ", confirm: true)
    }
}

enum PasswordSource {
    static func obtain(file: String?, environment: String, fileOption: String, prompt: String, confirm: Bool) throws -> SecureBytes {
        if let file {
            return firstLine(of: try FileIO.readSecret(file, option: fileOption))
        }
        if let value = getenv(environment) {
            var bytes = Array(String(cString: value).utf8)
            return SecureBytes(consuming: &bytes)
        }
        guard StandardStreams.stdinIsTerminal else {
            throw CommandFailure(.usage,
                "a password is needed: give \(fileOption) FILE, set \(environment), or run on a terminal to be prompted")
        }
        let first = try TerminalPrompt.readSecretLine(prompt)
        guard confirm else { return first }
        let second = try TerminalPrompt.readSecretLine("Repeat password: ")
        guard first.constantTimeEquals(second) else {
            throw CommandFailure(.invalidInput, "the two passwords do not match")
        }
        return first
    }

    /// The bytes up to the first line break (geth's --password convention), as a new secret.
    static func firstLine(of secret: SecureBytes) -> SecureBytes {
        let length = secret.withUnsafeBytes { raw in
            raw.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) ?? raw.count
        }
        return secret.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
    }
}

/// Prompts on the terminal with echo turned off; the prompt goes to stderr.
public enum TerminalPrompt {
    nonisolated(unsafe) private static var savedTermios = termios()
    nonisolated(unsafe) private static var echoDisabled = false

    public static func readSecretLine(_ prompt: String) throws -> SecureBytes {
        var original = termios()
        guard tcgetattr(0, &original) == 0 else {
            throw CommandFailure(.failure, "cannot read the terminal settings of standard input")
        }
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        savedTermios = original
        echoDisabled = true
        // Restore echo if the user presses Ctrl-C at the prompt.
        signal(SIGINT) { _ in
            if TerminalPrompt.echoDisabled { tcsetattr(0, TCSAFLUSH, &TerminalPrompt.savedTermios) }
            _exit(130)
        }
        // Echo goes off (discarding anything typed ahead) before the prompt appears, so whatever
        // is typed after seeing the prompt is read and never echoed.
        tcsetattr(0, TCSAFLUSH, &silent)
        StandardStreams.writeError(prompt)
        defer {
            tcsetattr(0, TCSAFLUSH, &original)
            echoDisabled = false
            signal(SIGINT, SIG_DFL)
            StandardStreams.writeError("\n")
        }
        let line = SecureBytes(count: 4096)
        var length = 0
        var byte: UInt8 = 0
        while length < line.count {
            let n = read(0, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 || byte == 0x0A || byte == 0x0D { break }
            line.withUnsafeMutableBytes { $0[length] = byte }
            length += 1
        }
        byte = 0
        return line.withUnsafeBytes { SecureBytes(copying: UnsafeRawBufferPointer(rebasing: $0[0..<length])) }
    }

    /// Asks a yes/no question on the terminal (stderr); false unless the answer starts with y.
    public static func confirm(_ question: String) -> Bool {
        StandardStreams.writeError(question + " [y/N] ")
        var answer = [UInt8]()
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1, byte != 0x0A { answer.append(byte) }
        return answer.first == UInt8(ascii: "y") || answer.first == UInt8(ascii: "Y")
    }
}
