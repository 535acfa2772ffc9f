import Foundation
import SigilTestSupport
import Testing

/// sigil-signer as a person at a terminal sees it (a pty), and what the binary carries.
@Suite struct SignerTerminalTests {
    /// Runs `sigil-signer ARGS` on a pseudo-terminal (stdin and stderr; stdout goes to `stdoutFile`,
    /// so that what it prints there can be told apart), answers `answer` at the [y/N] question,
    /// and returns the terminal's text (CR LF made LF) and the exit status.
    func onTerminal(_ box: SignerSandbox, _ arguments: [String], answer: String, stdoutFile: String) throws -> ProcessRunner.Result {
        let binary = TestEnvironment.binDirectory.appendingPathComponent("sigil-signer").path
        return try PseudoTerminal.run(binary, arguments,
                                      environment: ["SIGIL_HOME": box.dir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1"],
                                      exchanges: [("[y/N] ", answer)], stdoutFile: stdoutFile, in: box.dir)
    }

    /// The preview line for `label` ("Label:   value"), if shown.
    func shown(_ terminal: String, _ label: String) -> String? {
        terminal.split(separator: "\n").map(String.init).first { $0.hasPrefix(label + ":") }
            .map { String($0.dropFirst(label.count + 1)).trimmingCharacters(in: .whitespaces) }
    }

    /// A request, shown decoded on the terminal and declined with "n": exit 9, nothing on stdout,
    /// no output file, a "declined" audit line, and the daily total as it was.
    func declines(requestData data: String, to: String?, value: String, expect: [(String, String)]) throws {
        let box = try SignerSandbox()
        let policy = try box.policy(#"{"maxDailyValueWei": "5000000000000000000"}"#)
        // Something signed earlier today, so that the daily total is not zero.
        let earlier = try box.run("sign", try box.request(value: "250000000000000000"), "--private-key-file", box.key,
                                  "--policy", policy, "--yes")
        #expect(earlier.status == 0, "\(earlier.stderrText)")
        let stateBefore = try #require(try box.dailyState())
        #expect(stateBefore.spentWei == "250000000000000000")
        let linesBefore = try box.auditLines()

        let request = try box.request(to: to, value: value, data: data)
        let output = box.dir + "/signed.out"
        let stdoutFile = box.dir + "/stdout.txt"
        let r = try onTerminal(box, ["sign", request, "--private-key-file", box.key, "--policy", policy, "-o", output],
                               answer: "n", stdoutFile: stdoutFile)
        let terminal = r.stdoutText
        #expect(r.status == 9, "\(terminal) \(r.stderrText)")
        for (label, value) in expect {
            #expect(shown(terminal, label) == value, "\(label) in \(terminal)")
        }
        #expect(terminal.contains("Sign this transaction? [y/N] "))
        #expect(terminal.contains("not signed"))
        #expect(try String(contentsOfFile: stdoutFile, encoding: .utf8).isEmpty, "stdout must stay empty")
        #expect(!FileManager.default.fileExists(atPath: output))
        let lines = try box.auditLines()
        #expect(lines.count == linesBefore.count + 1)
        #expect(lines.last?.contains("\"decision\":\"declined\"") == true)
        #expect(lines.last?.contains("\"signedHash\":null") == true)
        let stateAfter = try #require(try box.dailyState())
        #expect(stateAfter == stateBefore)
        #expect(try box.run("audit", "verify").status == 0)
    }

    @Test func previewOnATerminalAndNoSignsNothing() throws {
        try declines(requestData: "0x", to: nil, value: "1500000000000000000", expect: [
            ("Type", "EIP-1559 dynamic fee (0x02)"),
            ("Chain", "Ethereum mainnet (1)"),
            ("From", keyOneAddress),
            ("To", "0x2B5AD5c4795c026514f8317c7a215E218DcCD6cF"),
            ("Value", "1.5 ether"),
            ("Call", "none"),
            ("Gas limit", "60000"),
            ("Max fee per gas", "30 gwei"),
            ("Priority fee", "1 gwei"),
            ("Fee cap", "0.0018 ether (gas limit × max fee)"),
            ("Nonce", "7"),
        ])
    }

    @Test func erc20TransferPreviewOnATerminalAndNoSignsNothing() throws {
        let token = "0x1efF47bc3a10a45D4B230B5d10E37751FE6AA718"
        let bob = "0x6813Eb9362372EEF6200f3b1dbC3f819671cBA69"
        let data = "0xa9059cbb" + String(repeating: "0", count: 24) + bob.dropFirst(2).lowercased()
            + String(repeating: "0", count: 61) + "3e8"
        try declines(requestData: data, to: token, value: "0", expect: [
            ("Type", "EIP-1559 dynamic fee (0x02)"),
            ("Chain", "Ethereum mainnet (1)"),
            ("From", keyOneAddress),
            ("To", token),
            ("Value", "0 ether"),
            ("Call", "ERC-20 transfer: token \(token), recipient \(bob), amount 1000 (token units)"),
            ("Gas limit", "60000"),
            ("Max fee per gas", "30 gwei"),
            ("Nonce", "7"),
        ])
    }

    /// The offline signer carries no networking. SigilNet loads libcurl with dlopen, so `ldd`
    /// alone could never see it: the full symbol table must hold nothing of SigilNet (Swift
    /// mangles the module as `8SigilNet`) nor of the curl shim, and the binary no libcurl name.
    /// The same checks on `sigil` must find all three, or the test could not fail.
    @Test func signerLinksNoNetworkCode() throws {
        func inspect(_ tool: String) throws -> (ldd: String, symbols: String, strings: String) {
            let binary = TestEnvironment.binDirectory.appendingPathComponent(tool).path
            let ldd = try ProcessRunner.run("/usr/bin/ldd", [binary])
            #expect(ldd.status == 0, "\(ldd.stderrText)")
            let nm = try ProcessRunner.run("/usr/bin/nm", [binary])
            #expect(nm.status == 0, "\(tool) has no symbol table: \(nm.stderrText)")
            let strings = try ProcessRunner.run("/usr/bin/strings", ["-a", binary])
            #expect(strings.status == 0)
            return (ldd.stdoutText, nm.stdoutText, strings.stdoutText)
        }
        let signer = try inspect("sigil-signer")
        #expect(!signer.ldd.contains("libcurl"))
        #expect(!signer.ldd.contains("FoundationNetworking"))
        #expect(!signer.symbols.contains("8SigilNet"))
        #expect(!signer.symbols.contains("sigil_curl_"))
        #expect(!signer.symbols.contains("FoundationNetworking"))
        #expect(!signer.strings.contains("libcurl.so"))
        #expect(signer.symbols.contains("9SigilCore"), "the check must see the modules the signer does link")

        let sigil = try inspect("sigil")
        #expect(sigil.symbols.contains("8SigilNet"))
        #expect(sigil.symbols.contains("sigil_curl_"))
        #expect(sigil.strings.contains("libcurl.so"))
    }
}
