import Foundation
import SigilTestSupport
import Testing

/// `--color auto|always|never` on the built binaries: escape codes only where they are asked
/// for, never in JSON, never into a pipe by default, never with NO_COLOR or TERM=dumb.
@Suite struct ColorTests {
    static let escape = "\u{1B}["
    static let red = "\u{1B}[31m", green = "\u{1B}[32m", yellow = "\u{1B}[33m", bold = "\u{1B}[1m"

    /// A scratch folder (SIGIL_HOME) with key one, a signed message and signer requests/policies.
    struct Sandbox {
        let dir: TemporaryDirectory
        let key: String
        let signature: String
        let request: String
        let openPolicy: String
        let zeroPolicy: String
        let messagePolicy: String

        init() throws {
            dir = try TemporaryDirectory()
            let keyFile = try dir.file("key", contents: keyOneHex)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
            key = keyFile.path
            // An unknown chain id: the signer's preview carries a "Warning:" line.
            request = try dir.file("request.json", contents: """
                {"format": "sigil.unsigned-tx/1", "type": "0x2", "chainId": "999999", "nonce": "7", "from": "\(keyOneAddress)",
                 "to": "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "value": "1", "data": "0x", "gas": "60000",
                 "maxFeePerGas": "30000000000", "maxPriorityFeePerGas": "1000000000", "accessList": []}
                """).path
            openPolicy = try dir.file("open.json", contents: "{}").path
            zeroPolicy = try dir.file("zero.json", contents: #"{"maxValueWei": "0"}"#).path
            messagePolicy = try dir.file("messages.json", contents: #"{"allowMessages": true}"#).path
            signature = try CLI.run("sigil", ["sign", "message", "hi", "--private-key-file", key]).stdoutText
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Runs a tool with exactly this environment (no NO_COLOR unless given), stdout and stderr pipes.
        func run(_ tool: String, _ arguments: [String], noColor: String? = nil, term: String = "xterm-256color") throws -> ProcessRunner.Result {
            var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": term, "SIGIL_HOME": dir.url.path]
            if let noColor { environment["NO_COLOR"] = noColor }
            let path = TestEnvironment.binDirectory.appendingPathComponent(tool).path
            return try ProcessRunner.run(path, arguments, stdin: Data(), environment: environment)
        }

        /// Commands whose output (stdout or stderr) colour applies to, with the colour expected under `always`.
        var coloured: [(tool: String, arguments: [String], stream: KeyPath<ProcessRunner.Result, String>, expected: String)] {
            [
                ("sigil", ["units", "1.5parsec"], \.stderrText, "sigil: \(red)error:\u{1B}[0m unknown unit"),
                ("sigil", ["verify", "message", "hi", "--address", keyOneAddress, "--signature", signature], \.stdoutText,
                 "\(green)valid\u{1B}[0m: signed by \(keyOneAddress)"),
                ("sigil", ["verify", "message", "hi", "--address", "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF", "--signature", signature],
                 \.stderrText, "sigil: \(red)error: signature is valid but was made by"),
                ("sigil-signer", ["policy", "check", request, "--policy", openPolicy], \.stdoutText, "\(green)allowed\u{1B}[0m"),
                ("sigil-signer", ["policy", "check", request, "--policy", zeroPolicy], \.stdoutText, "\(red)refused by policy rule maxValueWei"),
                ("sigil-signer", ["sign", request, "--private-key-file", key, "--policy", zeroPolicy, "--yes"], \.stderrText,
                 "sigil-signer: \(red)error: refused by policy rule maxValueWei"),
                ("sigil-signer", ["sign", request, "--private-key-file", key, "--policy", openPolicy, "--yes"], \.stderrText,
                 "\(yellow)Warning:\u{1B}[0m chain id 999999 is not a known chain"),
                ("sigil-signer", ["sign-message", "hi", "--private-key-file", key, "--policy", messagePolicy, "--yes"], \.stderrText,
                 "\(bold)Message (EIP-191, 2 bytes):\u{1B}[0m \"hi\""),
                ("sigil-signer", ["audit", "verify"], \.stdoutText, "\(green)"),
            ]
        }
    }

    @Test func alwaysColoursErrorsVerdictsWarningsAndHeadings() throws {
        let box = try Sandbox()
        for (tool, arguments, stream, expected) in box.coloured {
            // NO_COLOR does not override an explicit --color always (no-color.org: flags win).
            let r = try box.run(tool, arguments + ["--color", "always"], noColor: "1")
            #expect(r[keyPath: stream].contains(expected), "\(tool) \(arguments): \(r.stdoutText.debugDescription) \(r.stderrText.debugDescription)")
            let equals = try box.run(tool, arguments + ["--color=always"], noColor: "1")
            #expect(equals[keyPath: stream].contains(expected), "--color=always is the same as --color always")
        }
    }

    @Test func neverPipesNoColorAndDumbTerminalsHaveNoEscapeCodes() throws {
        let box = try Sandbox()
        for (tool, arguments, _, _) in box.coloured {
            let runs = [
                ("--color never", try box.run(tool, arguments + ["--color", "never"])),
                ("default into a pipe", try box.run(tool, arguments)),
                ("auto into a pipe", try box.run(tool, arguments + ["--color", "auto"])),
                ("NO_COLOR=1 with auto", try box.run(tool, arguments + ["--color", "auto"], noColor: "1")),
            ]
            for (name, r) in runs {
                #expect(!(r.stdoutText + r.stderrText).contains("\u{1B}"), "\(name): \(tool) \(arguments): \(r.stderrText.debugDescription)")
                #expect(r.status != 64, "\(name): \(r.stderrText)")
            }
        }
    }

    @Test func jsonIsNeverColouredEvenWithAlways() throws {
        let box = try Sandbox()
        for (tool, arguments, _, _) in box.coloured {
            let r = try box.run(tool, arguments + ["--json", "--color", "always"])
            #expect(!(r.stdoutText + r.stderrText).contains("\u{1B}"), "\(tool) \(arguments): \(r.stdoutText) \(r.stderrText)")
            // The document is on stdout on success, and the last line of stderr on failure (after
            // a preview, for the signer); either way it parses.
            let document = !r.stdout.isEmpty ? r.stdout : Data((r.stderrText.split(separator: "\n").last ?? "").utf8)
            #expect((try? JSONSerialization.jsonObject(with: document)) != nil, "\(tool) \(arguments): \(r.stdoutText) \(r.stderrText)")
        }
    }

    @Test func anUnknownValueIsAUsageErrorNamingTheValidOnes() throws {
        let box = try Sandbox()
        for (tool, arguments) in [("sigil", ["units", "1ether", "--color", "sometimes"]), ("sigil-signer", ["list", "--color=sometimes"]),
                                  ("sigil", ["key", "export", "x", "--color", "sometimes"])] {
            let r = try box.run(tool, arguments)
            expectFailure(r, status: 64, message: "'sometimes'")
            for valid in ["auto", "always", "never"] { #expect(r.stderrText.contains("'\(valid)'"), "\(r.stderrText)") }
        }
    }

    /// Every command's help offers --color (the man pages list every command).
    @Test func everyCommandTakesColor() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: TestEnvironment.packageRoot.appendingPathComponent("man/man1").path)
        var leaves = 0
        for page in pages where page.hasSuffix(".1") {
            let words = page.dropLast(2).split(separator: ".").map(String.init)
            guard words.last != "help" else { continue }
            let help = try CLI.run(words[0], Array(words.dropFirst()) + ["--help"]).stdoutText
            guard !help.contains("SUBCOMMANDS:") else { continue }
            leaves += 1
            #expect(help.contains("--color <when>"), "\(words.joined(separator: " ")) has no --color")
        }
        #expect(leaves > 40)
    }

    /// `auto` on a real terminal (a pty from util-linux `script`): colour, unless NO_COLOR is set,
    /// TERM is dumb, or --color never.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func autoColoursOnATerminal() throws {
        let box = try Sandbox()
        let sigil = TestEnvironment.binDirectory.appendingPathComponent("sigil").path
        func onTerminal(_ environment: [String], _ extra: String = "") throws -> String {
            let command = (["env", "-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"] + environment + [sigil, "units", "1.5parsec"]).joined(separator: " ")
            let r = try ProcessRunner.run("/usr/bin/script", ["-qec", command + extra, "/dev/null"], stdin: Data(),
                                          environment: ["PATH": "/usr/bin:/bin", "HOME": box.dir.url.path])
            #expect(r.status == 65, "\(r.stdoutText)")
            #expect(r.stdoutText.contains("unknown unit"), "\(r.stdoutText)")
            return r.stdoutText
        }
        #expect(try onTerminal(["TERM=xterm"]).contains("sigil: \(Self.red)error:\u{1B}[0m unknown unit"))
        #expect(try onTerminal(["TERM=xterm", "NO_COLOR="]).contains(Self.red), "an empty NO_COLOR is unset")
        #expect(!(try onTerminal(["TERM=xterm", "NO_COLOR=1"])).contains(Self.escape))
        #expect(!(try onTerminal(["TERM=dumb"])).contains(Self.escape))
        #expect(!(try onTerminal(["TERM=xterm"], " --color never")).contains(Self.escape))
        #expect(!(try onTerminal(["TERM=xterm"], " --json")).contains(Self.escape))
    }
}
