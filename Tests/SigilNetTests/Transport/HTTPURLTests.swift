import Testing
import SigilNet

@Suite struct HTTPURLTests {
    @Test func parsesHostPortAndTarget() throws {
        let url = try HTTPURL(parsing: "http://127.0.0.1:8545")
        #expect(url.scheme == .http && url.host == "127.0.0.1" && url.port == 8545 && url.target == "/")
        let hosted = try HTTPURL(parsing: "HTTPS://node.example/v3/abc?x=1#frag")
        #expect(hosted.scheme == .https && hosted.port == 443 && hosted.target == "/v3/abc?x=1")
        #expect(hosted.endpoint == "node.example:443")
        let v6 = try HTTPURL(parsing: "http://[::1]:9/")
        #expect(v6.host == "::1" && v6.port == 9 && v6.endpoint == "[::1]:9")
        #expect(try HTTPURL(parsing: "http://h?q").target == "/?q")
    }

    @Test func refusesOtherSchemesCredentialsAndBadPorts() {
        #expect(throws: TransportError.unsupportedScheme("ws")) { try HTTPURL(parsing: "ws://x:1") }
        #expect(throws: TransportError.credentialsInURL) { try HTTPURL(parsing: "https://user:pw@x/") }
        #expect(throws: TransportError.self) { try HTTPURL(parsing: "127.0.0.1:8545") }
        #expect(throws: TransportError.self) { try HTTPURL(parsing: "http://x:99999") }
        #expect(throws: TransportError.self) { try HTTPURL(parsing: "http://:80") }
        #expect(throws: TransportError.self) { try HTTPURL(parsing: "http://x/a b") }
        #expect(TransportError.credentialsInURL.category == .invalidInput)
    }
}
