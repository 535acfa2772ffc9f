import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SigilTestSupport
import Testing

/// Nothing a peer or a file sends reaches the terminal raw: ANSI escapes and other control
/// characters in a node's error message, a request file or a payout file are shown as text
/// (`\x1b[2J`), never as the byte itself, on stdout and stderr alike.
@Suite(.serialized) struct OutsideTextTests {
    /// What a hostile peer puts in its error messages: clear the screen, set the window title,
    /// and a green line that looks like Sigil's own.
    static let hostileMessage = "\u{1b}[2J\u{1b}]0;pwned\u{07}\u{1b}[32mconfirmed OK\u{1b}[0m\u{9b}31m\nfake line"

    /// A JSON-RPC server that answers eth_chainId with 0x1 and every other call with an error
    /// whose message is `message`. Stopped when the value is released.
    final class HostilePeer {
        let pid: Int32
        let url: String
        let directory: TemporaryDirectory

        init(message text: String = OutsideTextTests.hostileMessage) throws {
            let message = text.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()
            let script = """
            import json, os, sys
            os.closerange(3, 65536)  # inherited pipe ends of the test process: let their readers see EOF
            from http.server import BaseHTTPRequestHandler, HTTPServer
            MESSAGE = json.loads(r'"\(message)"')
            def answer(call):
                if call.get("method") == "eth_chainId":
                    return {"jsonrpc": "2.0", "id": call.get("id"), "result": "0x1"}
                return {"jsonrpc": "2.0", "id": call.get("id"), "error": {"code": -32000, "message": MESSAGE}}
            class H(BaseHTTPRequestHandler):
                def log_message(self, *a): pass
                def do_POST(self):
                    body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                    out = [answer(c) for c in body] if isinstance(body, list) else answer(body)
                    data = json.dumps(out).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
            server = HTTPServer(("127.0.0.1", 0), H)
            with open(sys.argv[1] + ".tmp", "w") as f: f.write("http://127.0.0.1:%d" % server.server_address[1])
            os.rename(sys.argv[1] + ".tmp", sys.argv[1])
            server.serve_forever()
            """
            let folder = try TemporaryDirectory()
            let scriptFile = try folder.file("peer.py", contents: script)
            let urlFile = folder.url.appendingPathComponent("url")
            // Started in the background by a shell (all its descriptors redirected), so that no
            // long-lived child holds a pipe of the test process.
            let shell = try ProcessRunner.run("/bin/sh", ["-c", "python3 \"$0\" \"$1\" </dev/null >/dev/null 2>&1 & echo $!",
                                                          scriptFile.path, urlFile.path])
            pid = Int32(shell.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            var found = ""
            for _ in 0..<200 where found.isEmpty {
                found = (try? String(contentsOf: urlFile, encoding: .utf8)) ?? ""
                if found.isEmpty { usleep(25_000) }
            }
            self.url = found
            directory = folder
            guard pid > 0, url.hasPrefix("http://") else { throw CocoaError(.fileReadCorruptFile) }
        }

        deinit { kill(pid, SIGKILL) }
    }

    /// No raw control character other than newline (and the tab of aligned tables) in either stream.
    func expectNoRawControls(_ result: ProcessRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, text) in [("stdout", result.stdoutText), ("stderr", result.stderrText)] {
            let raw = text.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            #expect(raw.isEmpty, "\(name) holds raw control characters \(raw.map { $0.value })", sourceLocation: sourceLocation)
        }
    }

    func signedTransaction(in home: TemporaryDirectory) throws -> String {
        let request = try home.file("tx.json", contents: """
            {"format":"sigil.unsigned-tx/1","type":"0x2","chainId":"0x1","nonce":"0","to":"0x000000000000000000000000000000000000dEaD","value":"7","data":"0x","gas":"21000","maxFeePerGas":"20000000000","maxPriorityFeePerGas":"1","accessList":[]}
            """)
        let r = try sigil("sign", "tx", request.path, "--private-key-file", try devKeyFile(1, in: home))
        #expect(r.status == 0, "\(r.stderrText)")
        return r.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aPeersErrorMessageIsShownEscaped() throws {
        let home = try TemporaryDirectory()
        let peer = try HostilePeer()
        let raw = try signedTransaction(in: home)
        // the per-peer table on stdout
        let table = try sigil("broadcast", raw, "--rpc", peer.url, environment: ["SIGIL_HOME": home.url.path])
        #expect(table.status == 6, "\(table.stderrText)")
        expectNoRawControls(table)
        #expect((table.stdoutText + table.stderrText).contains("\\x1b[2J\\x1b]0;pwned\\x07\\x1b[32mconfirmed OK"))
        #expect((table.stdoutText + table.stderrText).contains("\\x9b31m\\nfake line"))
        // an error line built from the node's message (a read that the node refuses)
        let read = try sigil("nonce", "0x000000000000000000000000000000000000dEaD", "--rpc", peer.url,
                             environment: ["SIGIL_HOME": home.url.path])
        #expect(read.status != 0)
        expectNoRawControls(read)
        // --json carries the text as JSON strings (escaped by JSON itself)
        let json = try sigil("broadcast", raw, "--rpc", peer.url, "--json", environment: ["SIGIL_HOME": home.url.path])
        expectNoRawControls(json)
    }

    @Test func aLongPeerMessageIsCapped() throws {
        let home = try TemporaryDirectory()
        let peer = try HostilePeer(message: "\u{1b}[31m" + String(repeating: "spam ", count: 4000))
        let raw = try signedTransaction(in: home)
        let r = try sigil("broadcast", raw, "--rpc", peer.url, environment: ["SIGIL_HOME": home.url.path])
        #expect(r.status == 6)
        expectNoRawControls(r)
        #expect((r.stdoutText + r.stderrText).contains("more bytes)"), "\(r.stdoutText)")
        #expect((r.stdoutText + r.stderrText).split(separator: "\n").allSatisfy { $0.count < 600 })
    }

    @Test func aRequestFileStartingWithEscapeIsNotEchoed() throws {
        let home = try TemporaryDirectory()
        let request = home.url.appendingPathComponent("evil.json")
        try Data("\u{1b}[2J\u{1b}]0;title\u{07}{\"format\":1}".utf8).write(to: request)
        let r = try sigil("sign", "tx", request.path, "--private-key-file", try devKeyFile(1, in: home))
        #expect(r.status == 65, "\(r.stderrText)")
        expectNoRawControls(r)
        // a payout file with control characters in an id
        let payouts = home.url.appendingPathComponent("pay.csv")
        try Data("id,to,value\nrow1,0xnot-an-address\u{1b}[31m,1wei\n".utf8).write(to: payouts)
        let batch = try sigil("send", "--batch", payouts.path, "--private-key-file", try devKeyFile(1, in: home), "--yes",
                              "--rpc", "http://127.0.0.1:9", environment: ["SIGIL_HOME": home.url.path])
        #expect(batch.status != 0)
        expectNoRawControls(batch)
    }

    @Test func aHugeFileNameOrContentIsCapped() throws {
        let home = try TemporaryDirectory()
        let request = home.url.appendingPathComponent("long.json")
        try Data(("\u{1b}" + String(repeating: "A", count: 5000)).utf8).write(to: request)
        let r = try sigil("sign", "tx", request.path, "--private-key-file", try devKeyFile(1, in: home))
        #expect(r.status == 65)
        expectNoRawControls(r)
        #expect(r.stderrText.count < 2000, "\(r.stderrText.count) characters")
    }
}
