import Foundation
import SigilTestSupport
import Testing

/// A hung peer is remembered between commands (`$SIGIL_HOME/peers/standing`): the send that
/// first meets it waits its grace and marks it; the next send does not wait for it and says why;
/// deleting the file forgets it.
@Suite(.serialized, .enabled(if: TestEnvironment.oraclesEnabled))
struct PeerStandingCommandTests {
    @Test func aHungPeerIsRememberedByTheNextSend() throws {
        let node = try DevNode()
        let hung = try FaultPeer(upstream: node.url, modes: [.hang])
        let home = try TemporaryDirectory()
        let environment = ["SIGIL_HOME": home.url.path]
        let standing = home.url.appendingPathComponent("peers/standing").path
        let key = try devKeyFile(7, in: home)
        func send(_ wei: Int) throws -> ProcessRunner.Result {
            try CLI.run("sigil", ["send", "--to", "0x000000000000000000000000000000000000dEaD", "--value", "\(wei)wei",
                                  "--private-key-file", key, "--yes", "--agree", "1", "--timeout", "5",
                                  "--rpc", hung.url, "--rpc", node.url], environment: environment)
        }
        let remembered = "fell behind within the last 10 minutes"

        let first = try send(1)
        #expect(first.status == 0, "\(first.stderrText)")
        #expect(first.stderrText.contains("could not check the chain id of \(hung.url)") && !first.stderrText.contains(remembered),
                "\(first.stderrText)")
        let text = try String(contentsOfFile: standing, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 1 && !text.contains("127.0.0.1"), "the file names the hung peer, hashed: \(text)")

        let second = try send(2)
        #expect(second.status == 0, "\(second.stderrText)")
        #expect(second.stderrText.contains("could not check the chain id of \(hung.url)") && second.stderrText.contains(remembered),
                "\(second.stderrText)")

        try FileManager.default.removeItem(atPath: standing)
        let third = try send(3)
        #expect(third.status == 0 && !third.stderrText.contains(remembered), "\(third.stderrText)")
        #expect(FileManager.default.fileExists(atPath: standing), "marked again")
        #expect(try node.methodCount("eth_sendRawTransaction") == 3)
    }
}
