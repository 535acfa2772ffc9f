import Foundation

/// A dishonest or broken JSON-RPC peer for one test (Tests/Support/devnode/faultpeer.py): a proxy
/// in front of an honest node (usually a `DevNode`) that lies or fails as its modes say.
///
/// Like `DevNode`, it listens on a free port of 127.0.0.1 at `url`, is killed by `stop()` or
/// when the value is released, and dies with the test process. Requests that only call
/// `devnode_*` methods are forwarded untouched, so `rpc("devnode_mine", [])` works through it.
///
///     let node = try DevNode()
///     let liar = try FaultPeer(upstream: node, .fabricateReceipt, .drop)
///     // sigil ... --rpc \(liar.url) --rpc \(node.url)
public final class FaultPeer: LocalRPCServer, @unchecked Sendable {
    /// How the peer misbehaves (faultpeer.py's `--mode`); modes combine.
    public enum Mode: String, CaseIterable, Sendable {
        /// Forwards everything unchanged: a second, independent-looking honest peer.
        case honest
        /// eth_getBalance and eth_getProof's `balance` + 1000 ether; proof nodes left real.
        case inflateBalance = "inflate-balance"
        /// eth_getTransactionCount and eth_getProof's `nonce` + 5.
        case wrongNonce = "wrong-nonce"
        /// For a hash the upstream does not know (including one it dropped): a success receipt and
        /// a transaction in the upstream's latest block (real hash and number), also listed in
        /// that block's eth_getBlockByNumber/ByHash and eth_getBlockReceipts answers.
        case fabricateReceipt = "fabricate-receipt"
        /// Block answers with `stateRoot` and `receiptsRoot` altered, `hash` kept.
        case alterHeader = "alter-header"
        /// One byte flipped in the last accountProof node and in the last node of the first
        /// non-empty storage proof.
        case corruptProof = "corrupt-proof"
        /// Every block (genesis too) under another hash: `hash`, `parentHash` and every
        /// `blockHash`; its fake hashes are accepted back (eth_getBlockByHash, EIP-1898).
        case fakeChain = "fake-chain"
        /// eth_sendRawTransaction answers the transaction's hash but never forwards it.
        case drop
        /// A consistent lie about the target account (`target:`, default key 0x..01's address):
        /// eth_getBalance and eth_getProof's `balance` + 1000 ether with the proof re-hashed up
        /// to a forged root, which every block answer carries as `stateRoot` (hash kept). The
        /// proof verifies against the peer's own header; only keccak(rlp(header)) ≠ hash, or
        /// other peers' headers, show the lie.
        case forgeState = "forge-state"
        /// eth_getTransactionByHash names another sender in `from` (key 0x..02's address, or key
        /// 0x..01's when the transaction is from 0x..02); the signed bytes are left real.
        case wrongFrom = "wrong-from"
        /// eth_getTransactionReceipt answers `gasUsed` as "lots": a receipt no client can parse.
        case badReceipt = "bad-receipt"
        /// Accepts and never answers (until the client closes, at most 120 s).
        case hang
        /// Closes each connection with a TCP RST (SO_LINGER 0), answering nothing.
        case reset
        /// HTTP 200 with an HTML, non-JSON body.
        case garbage
        /// HTTP 200 with a 100 MiB JSON-looking body (`{"jsonrpc":"2.0","id":1,"result":"0x000…`), streamed.
        case huge
        /// eth_chainId answers 0x1 and net_version "1" (mainnet), whatever the upstream's chain.
        case wrongChain = "wrong-chain"
        /// eth_call without `to` (a contract-creation call) answers an error, as some providers do.
        case noCreateCall = "no-create-call"
        /// Every JSON-RPC error message gets ANSI escapes appended (clear screen, window title,
        /// a green "confirmed OK"); eth_sendRawTransaction is refused with such a message.
        case ansi
        /// Waits 2 s, then forwards (other modes still apply).
        case slow
    }

    /// `http://127.0.0.1:PORT`.
    public let url: String
    /// The peer's process id.
    public let pid: Int32
    /// The modes it was started with.
    public let modes: [Mode]

    private let child: ChildProcess

    /// Starts a peer in front of the node at `upstream` and waits until it listens; `target` is
    /// the account `.forgeState` lies about (nil: key 0x..01's address).
    public init(upstream: String, modes: [Mode], target: String? = nil) throws {
        precondition(!modes.isEmpty, "FaultPeer needs at least one mode")
        let arguments = ["--upstream", upstream] + modes.flatMap { ["--mode", $0.rawValue] }
            + (target.map { ["--target", $0] } ?? [])
        let (child, url) = try ChildProcess.startServer(script: "faultpeer.py", arguments: arguments)
        self.child = child
        self.pid = child.pid
        self.url = url
        self.modes = modes
    }

    /// Starts a peer in front of `upstream`.
    public convenience init(upstream: DevNode, _ modes: Mode...) throws {
        try self.init(upstream: upstream.url, modes: modes)
    }

    deinit { stop() }

    /// Kills the peer and waits until it has exited. Idempotent.
    public func stop() {
        child.stop { try? child.stdout.fileHandleForReading.close() }
    }
}
