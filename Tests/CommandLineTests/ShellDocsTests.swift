import Foundation
import SigilTestSupport
import Testing

/// Finding the shell tools these tests use. A missing tool skips its test on a developer's
/// machine and fails it under CI=true (`scripts/install-deps.sh zsh fish mandoc` installs them).
enum ShellDocsSupport {
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") + ["/usr/bin", "/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether a test needing `tool` runs: the tool is there, or we are in CI (where it must be).
    static func available(_ tool: String) -> Bool { TestEnvironment.isCI || which(tool) != nil }

    static func require(_ tool: String) throws -> String {
        try #require(which(tool), "\(tool) is not installed: scripts/install-deps.sh \(tool)")
    }

    static let tools = ["sigil", "sigil-signer"]
    static let completionFiles: [(shell: String, file: @Sendable (String) -> String)] = [
        ("bash", { "\($0).bash" }), ("zsh", { "_\($0)" }), ("fish", { "\($0).fish" }),
    ]

    static var root: URL { TestEnvironment.packageRoot }
    static var generateManual: URL { TestEnvironment.binDirectory.appendingPathComponent("generate-manual") }

    static func manPages(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".1") }.sorted()
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> ProcessRunner.Result {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        return try ProcessRunner.run(executable, arguments, environment: env, currentDirectory: currentDirectory)
    }
}

@Suite struct ShellDocsTests {
    /// completions/ holds exactly what the binaries generate now. If this fails, run
    /// `scripts/generate-docs.sh` and commit the result.
    @Test func completionScriptsMatchTheCommands() throws {
        for tool in ShellDocsSupport.tools {
            for (shell, file) in ShellDocsSupport.completionFiles {
                let generated = try CLI.run(tool, ["--generate-completion-script", shell])
                #expect(generated.status == 0, "\(tool) \(shell): \(generated.stderrText)")
                let committed = ShellDocsSupport.root.appendingPathComponent("completions/" + file(tool))
                let text = try String(contentsOf: committed, encoding: .utf8)
                let same = generated.stdoutText == text
                #expect(same,
                        "completions/\(file(tool)) is stale: run scripts/generate-docs.sh and commit")
            }
        }
    }

    /// man/man1 is exactly what scripts/generate-docs.sh produces from the binaries now.
    @Test(.enabled(if: TestEnvironment.isCI
        || FileManager.default.isExecutableFile(atPath: ShellDocsSupport.generateManual.path),
        "generate-manual is not built: swift build --product generate-manual"))
    func manPagesMatchTheCommands() throws {
        let tool = ShellDocsSupport.generateManual.path
        try #require(FileManager.default.isExecutableFile(atPath: tool),
                     "build swift-argument-parser's tool first: swift build --product generate-manual")
        let out = try TemporaryDirectory()
        let result = try ShellDocsSupport.run(
            "/bin/bash", [ShellDocsSupport.root.appendingPathComponent("scripts/generate-docs.sh").path, "--out", out.url.path],
            environment: ["SIGIL_BIN_DIR": TestEnvironment.binDirectory.path, "GENERATE_MANUAL": tool])
        try #require(result.status == 0, "generate-docs.sh failed: \(result.stderrText)")
        let fresh = out.url.appendingPathComponent("man/man1")
        let committed = ShellDocsSupport.root.appendingPathComponent("man/man1")
        let freshPages = try ShellDocsSupport.manPages(in: fresh)
        #expect(freshPages == (try ShellDocsSupport.manPages(in: committed)),
                "the set of man pages changed: run scripts/generate-docs.sh and commit")
        #expect(freshPages.contains("sigil.1") && freshPages.contains("sigil-signer.1"))
        for page in freshPages {
            let a = try Data(contentsOf: fresh.appendingPathComponent(page))
            let b = try? Data(contentsOf: committed.appendingPathComponent(page))
            #expect(a == b, "man/man1/\(page) is stale: run scripts/generate-docs.sh and commit")
        }
    }

    @Test func topLevelManPagesListEveryExitCode() throws {
        for tool in ShellDocsSupport.tools {
            let page = try String(contentsOf: ShellDocsSupport.root.appendingPathComponent("man/man1/\(tool).1"), encoding: .utf8)
            let section = try #require(page.range(of: ".Sh \"EXIT STATUS\"")).upperBound
            let exitStatus = String(page[section...])
            for code in ["0", "1", "3", "4", "5", "6", "7", "8", "9", "10", "64", "65", "66", "73"] {
                #expect(exitStatus.contains("\n.It \(code)\n"), "\(tool).1 lacks exit code \(code)")
            }
            #expect(!page.contains("Exit status:"), "the table must move out of DESCRIPTION")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsParse(shell: String) throws {
        guard ShellDocsSupport.available(shell) else {
            print("skipped: \(shell) is not installed (scripts/install-deps.sh \(shell)); CI=true fails instead")
            return
        }
        let executable = try ShellDocsSupport.require(shell)
        for tool in ShellDocsSupport.tools {
            let file = ShellDocsSupport.completionFiles.first { $0.shell == shell }!.file(tool)
            let path = ShellDocsSupport.root.appendingPathComponent("completions/" + file).path
            let result = try ShellDocsSupport.run(executable, ["-n", path])
            #expect(result.status == 0, "\(shell) -n \(file): \(result.stderrText)")
        }
    }

    /// Every page renders without errors (mandoc's linter when present, else man-db's man).
    @Test(.enabled(if: ShellDocsSupport.available("mandoc") || ShellDocsSupport.which("man") != nil))
    func manPagesRender() throws {
        let directory = ShellDocsSupport.root.appendingPathComponent("man/man1")
        let pages = try ShellDocsSupport.manPages(in: directory)
        #expect(pages.count >= 2)
        if let mandoc = ShellDocsSupport.which("mandoc") {
            let result = try ShellDocsSupport.run(mandoc, ["-T", "lint", "-W", "error"] + pages, currentDirectory: directory)
            #expect(result.status == 0, "mandoc: \(result.stdoutText)\(result.stderrText)")
        } else {
            #expect(!TestEnvironment.isCI, "mandoc is not installed: scripts/install-deps.sh mandoc")
            let man = try ShellDocsSupport.require("man")
            for page in pages {
                let result = try ShellDocsSupport.run(man, ["-l", directory.appendingPathComponent(page).path],
                                                      environment: ["MANPAGER": "cat", "MANWIDTH": "80"])
                #expect(result.status == 0 && !result.stdoutText.isEmpty, "man -l \(page): \(result.stderrText)")
            }
        }
    }

    /// Every rendered man page shows its examples exactly as `--help` prints them, every
    /// character kept (generate-manual alone dropped all non-ASCII, so `sigil sign tx 0x02f0…`
    /// read `0x02f0`).
    @Test(.enabled(if: ShellDocsSupport.available("mandoc")))
    func manPageExamplesEqualHelp() throws {
        let mandoc = try ShellDocsSupport.require("mandoc")
        let directory = ShellDocsSupport.root.appendingPathComponent("man/man1")
        /// The lines under "Examples:" up to the next blank line, trimmed.
        func examples(_ text: String) -> [String] {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let start = lines.firstIndex(of: "Examples:") else { return [] }
            // The page puts a blank line between the heading and its display; help does not.
            return Array(lines[(start + 1)...].drop { $0.isEmpty }.prefix { !$0.isEmpty })
        }
        var compared = 0, withEllipsis = 0
        for page in try ShellDocsSupport.manPages(in: directory) {
            let words = page.dropLast(2).split(separator: ".").map(String.init)
            // Wide enough that help wraps no example line.
            let help = try CLI.run(words[0], Array(words.dropFirst()) + ["--help"], environment: ["COLUMNS": "400"])
            let expected = examples(help.stdoutText)
            guard !expected.isEmpty else { continue }
            let rendered = try ShellDocsSupport.run(mandoc, ["-T", "utf8", directory.appendingPathComponent(page).path],
                                                    environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
            // Drop overstrike (bold "c\bc", underline "_\bc") that -T utf8 writes.
            var plain = ""
            for character in rendered.stdoutText {
                if character == "\u{8}" { if !plain.isEmpty { plain.removeLast() } } else { plain.append(character) }
            }
            #expect(examples(plain) == expected, "\(page): the man page's examples differ from --help's")
            compared += 1
            if expected.contains(where: { $0.contains("…") }) { withEllipsis += 1 }
        }
        #expect(compared >= 40 && withEllipsis >= 10, "\(compared) pages compared, \(withEllipsis) with …")
    }

    /// A real bash sources completions/sigil.bash and completes as a user's TAB would.
    @Test func bashCompletesSubcommandsAndAccountNames() throws {
        let bash = try ShellDocsSupport.require("bash")
        let home = try TemporaryDirectory()
        let keystore = home.url.appendingPathComponent("ks").path
        let imported = try sigil("key", "import", "--private-key-file", "-", "--light", "--name", "deployer",
                                 "--keystore", keystore, stdin: keyOneHex, environment: ["SIGIL_PASSWORD": "pw"])
        try #require(imported.status == 0, "key import: \(imported.stderrText)")
        let driver = try home.file("complete.sh", contents: """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _sigil "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """)
        let script = ShellDocsSupport.root.appendingPathComponent("completions/sigil.bash").path
        func complete(_ line: String, _ environment: [String: String] = [:]) throws -> [String] {
            var env = ["PATH": TestEnvironment.binDirectory.path + ":/usr/bin:/bin", "HOME": home.url.path,
                       "XDG_CONFIG_HOME": home.url.path + "/config", "SIGIL_HOME": home.url.path + "/data"]
            for (key, value) in environment { env[key] = value }
            let result = try ProcessRunner.run(bash, [driver.path, script, line], environment: env)
            #expect(result.status == 0, "bash: \(result.stderrText)")
            return result.stdoutText.split(separator: "\n").map(String.init)
        }
        #expect(try complete("sigil k") == ["key"])
        #expect(try complete("sigil key ins") == ["inspect"])
        #expect(try complete("sigil key inspect d", ["SIGIL_KEYSTORE": keystore]) == ["deployer"])
        #expect(try complete("sigil key inspect ", ["SIGIL_KEYSTORE": keystore]).sorted() == ["deployer", keyOneAddress].sorted())
        #expect(try complete("sigil sign message --keystore \(keystore) --from 0x7") == [keyOneAddress])
        #expect(try complete("sigil key remove d").isEmpty, "no account in the default keystore")
    }

    /// `make install` puts binaries, completions and man pages where shells and man look.
    @Test(.enabled(if: ShellDocsSupport.which("make") != nil || TestEnvironment.isCI))
    func makeInstallInstallsEverything() throws {
        let make = try ShellDocsSupport.require("make")
        let prefix = try TemporaryDirectory()
        let result = try ShellDocsSupport.run(
            make, ["-s", "install", "INSTALL_BIN_DIR=\(TestEnvironment.binDirectory.path)", "PREFIX=\(prefix.url.path)"],
            currentDirectory: ShellDocsSupport.root)
        try #require(result.status == 0, "make install: \(result.stderrText)")
        let p = prefix.url.path
        for file in ["bin/sigil", "bin/sigil-signer",
                     "share/bash-completion/completions/sigil", "share/bash-completion/completions/sigil-signer",
                     "share/zsh/site-functions/_sigil", "share/zsh/site-functions/_sigil-signer",
                     "share/fish/vendor_completions.d/sigil.fish", "share/fish/vendor_completions.d/sigil-signer.fish",
                     "share/man/man1/sigil.1", "share/man/man1/sigil-signer.1", "share/man/man1/sigil.key.inspect.1"] {
            #expect(FileManager.default.fileExists(atPath: p + "/" + file), "missing \(file)")
        }
        let version = try ProcessRunner.run(p + "/bin/sigil", ["--version"])
        #expect(version.status == 0 && version.stdoutText.hasPrefix("sigil "))
        if let man = ShellDocsSupport.which("man") {
            let page = try ShellDocsSupport.run(man, ["-M", p + "/share/man", "sigil"],
                                                environment: ["MANPAGER": "cat", "MANWIDTH": "80", "PAGER": "cat"])
            #expect(page.status == 0, "man -M: \(page.stderrText)")
            #expect(page.stdoutText.contains("EXIT STATUS"))
        }
    }
}
