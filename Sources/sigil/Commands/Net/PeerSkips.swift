import SigilCLI
import SigilNet

/// Names, one warning line each, the peers a read skipped because they failed (down, slow,
/// an HTTP error, garbage): the answer came from the next peer.
enum PeerSkips {
    static func warn(_ client: JSONRPCClient) {
        for skipped in client.skippedPeers {
            StandardStreams.writeWarning("peer \(skipped.url) failed (\(skipped.error)); asked the next peer")
        }
    }
}
