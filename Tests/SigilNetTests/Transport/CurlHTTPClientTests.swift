import Foundation
import Testing
import SigilNet
import SigilTestSupport

/// https:// through the dlopen'd libcurl, against a local TLS server (Python `http.server` +
/// `ssl`) with a self-signed certificate made by the `openssl` CLI.
@Suite(.serialized) struct CurlHTTPClientTests {
    @Test func libcurlLoadsAndAClosedPortIsAConnectionError() throws {
        try CurlHTTPClient.ensureLoaded()
        let port = NetTestSupport.closedPort()
        #expect {
            try HTTPTransport.post(url: "https://127.0.0.1:\(port)/", body: [], timeout: 3)
        } throws: { error in
            error as? TransportError == .connectionRefused(endpoint: "127.0.0.1:\(port)")
        }
        #expect {
            try JSONRPCClient(url: "https://127.0.0.1:\(port)/", timeout: 3).call("eth_chainId")
        } throws: { error in
            (error as? RPCError)?.category == .network
        }
    }

    @Test(.enabled(if: TestEnvironment.oraclesEnabled))
    func postsOverTLSWithACustomCAFile() throws {
        let directory = try TemporaryDirectory()
        let cert = directory.url.appendingPathComponent("cert.pem").path
        let key = directory.url.appendingPathComponent("key.pem").path
        let made = try ProcessRunner.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert,
        ])
        try #require(made.status == 0, "openssl: \(made.stderrText)")
        let script = """
        import http.server, ssl, sys
        class H(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers['Content-Length']))
                answer = b'{"jsonrpc":"2.0","id":1,"result":"0x539"}' if b'eth_chainId' in body else body
                self.send_response(200); self.send_header('Content-Length', str(len(answer))); self.end_headers()
                self.wfile.write(answer)
            def log_message(self, *args): pass
        server = http.server.HTTPServer(('127.0.0.1', 0), H)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER); context.load_cert_chain(sys.argv[1], sys.argv[2])
        server.socket = context.wrap_socket(server.socket, server_side=True)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """
        let process = Process()
        process.executableURL = TestEnvironment.python
        process.arguments = ["-c", script, cert, key]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        // SIGKILL: the child may inherit a blocked SIGTERM from the test runner.
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = PipeReader.readSome(pipe.fileHandleForReading.fileDescriptor) ?? Data()
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let port = try #require(Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        let url = "https://127.0.0.1:\(port)/"

        // Without the CA file the self-signed certificate is refused...
        unsetenv("SIGIL_CA_FILE")
        #expect {
            try HTTPTransport.post(url: url, body: Array("x".utf8), timeout: 5)
        } throws: { error in
            if case TransportError.unreachable(_, let reason) = error { return reason.lowercased().contains("certificate") }
            return false
        }
        // ...and with it the exchange works, body intact.
        setenv("SIGIL_CA_FILE", cert, 1)
        defer { unsetenv("SIGIL_CA_FILE") }
        let echoed = try HTTPTransport.post(url: url, body: Array("{\"echo\":[1,2,3]}".utf8), timeout: 5)
        #expect(echoed.status == 200 && String(decoding: echoed.body, as: UTF8.self) == "{\"echo\":[1,2,3]}")
        #expect(try JSONRPCClient(url: url, timeout: 5).call("eth_chainId") == .string("0x539"))
    }
}
