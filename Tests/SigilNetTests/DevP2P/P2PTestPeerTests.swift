import Foundation
import Glibc
import SigilTestSupport
import Testing

/// The test peer launcher: every mode starts, listens, logs, and stops without leaving a process.
@Suite(.serialized) struct P2PTestPeerTests {
    @Test(.enabled(if: P2PTestPeer.available && TestEnvironment.oraclesEnabled))
    func everyModeStartsListensAndStops() throws {
        let node = try DevNode()
        let genesis = try #require(try node.rpc("eth_getBlockByNumber", ["0x0", false]) as? [String: Any])
        // Started all at once: each takes a second or two of Python imports and node calls.
        let modes = P2PTestPeer.Mode.allCases
        let started = P2PTestPeerTestSupport.Started(count: modes.count)
        DispatchQueue.concurrentPerform(iterations: modes.count) { index in
            started.set(index, Result { try P2PTestPeer(rpcURL: node.url, mode: modes[index]) })
        }
        for (mode, result) in zip(modes, started.results) {
            let peer = try #require(result).get()
            let port = try #require(P2PTestPeerTestSupport.port(of: peer.enode), "enode: \(peer.enode)")
            let listening = try #require(peer.waitForEvent("listening", timeout: 10), "\(mode)")
            #expect(listening["mode"] as? String == mode.rawValue)
            #expect(listening["network_id"] as? Int == 1337)
            #expect(listening["genesis"] as? String == genesis["hash"] as? String)

            // A TCP connection reaches the peer (its auth timeout, 3 s, does not matter here).
            let socket = try #require(P2PTestPeerTestSupport.connect(port: port), "\(mode): connect; events \(peer.events())")
            #expect(peer.waitForEvent("connected", timeout: 10) != nil, "\(mode)")
            close(socket)

            peer.stop()
            #expect(kill(peer.pid, 0) == -1 && errno == ESRCH, "\(mode): process still there")
            peer.stop()  // idempotent
        }
    }

    @Test(.enabled(if: P2PTestPeer.available && TestEnvironment.oraclesEnabled))
    func releasingThePeerKillsIt() throws {
        let node = try DevNode()
        var peer: P2PTestPeer? = try P2PTestPeer(rpcURL: node.url, mode: .silent)
        let pid = try #require(peer?.pid)
        #expect(kill(pid, 0) == 0)
        peer = nil
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test(.enabled(if: P2PTestPeer.available))
    func anUnreachableNodeIsAStartFailure() throws {
        // The peer asks the node for its chain before it listens: no node, no READY, a clear error.
        let error = #expect(throws: P2PTestPeer.Failure.self) {
            _ = try P2PTestPeer(rpcURL: "http://127.0.0.1:9", mode: .normal)
        }
        #expect(error?.description.contains("Connection refused") == true, "\(String(describing: error))")
    }
}

private enum P2PTestPeerTestSupport {
    /// Launch results filled in from several threads.
    final class Started: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<P2PTestPeer, any Error>?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: Result<P2PTestPeer, any Error>) {
            lock.lock(); defer { lock.unlock() }
            slots[index] = result
        }
        var results: [Result<P2PTestPeer, any Error>?] {
            lock.lock(); defer { lock.unlock() }
            return slots
        }
    }

    /// The port of `enode://<128 hex>@127.0.0.1:<port>`, nil if the enode has another shape.
    static func port(of enode: String) -> UInt16? {
        let prefix = "enode://"
        guard enode.hasPrefix(prefix), let at = enode.firstIndex(of: "@") else { return nil }
        let key = enode[enode.index(enode.startIndex, offsetBy: prefix.count)..<at]
        guard key.count == 128, key.allSatisfy(\.isHexDigit) else { return nil }
        let address = enode[enode.index(after: at)...]
        guard address.hasPrefix("127.0.0.1:") else { return nil }
        return UInt16(address.dropFirst("127.0.0.1:".count))
    }

    /// A connected TCP socket to 127.0.0.1:port, or nil.
    static func connect(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { close(fd); return nil }
        return fd
    }
}
