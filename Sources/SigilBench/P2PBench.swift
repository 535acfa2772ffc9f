import CSecp256k1
import Glibc
import SigilCore
import SigilNet

/// Issue 8's figures: the CPU one devp2p handshake costs Sigil (RLPx auth/ack, Hello, Status)
/// against its crypto floor in C, and a broadcast to 16 loopback peers against one.
///
/// The peers are `LoopbackResponder`s in this process (the recipient side of our own RLPx
/// code). The dialing thread's CPU is read with CLOCK_THREAD_CPUTIME_ID, so the responders'
/// work is not counted. For the broadcast, each responder waits `latency` before answering the
/// handshake and before its Pong, as a distant peer's round trips would; without that, loopback
/// wall time is nothing but CPU shared by 2 cores and says nothing about concurrency.
enum P2PBench {
    static let handshakes = 200
    static let latency = 0.05

    static func rows() -> [BenchRow] {
        let chain = benchChain()
        let floor = cFloorNanoseconds()
        let protocolFloor = cProtocolFloorNanoseconds()
        let perPeer = handshakeCPUNanoseconds(chain: chain)
        let inMemory = inMemoryHandshakeNanoseconds()
        let (one, sixteen) = broadcastWallTimes(chain: chain)
        return [
            BenchRow(name: "RLPx auth/ack only, in memory, initiator's CPU", unit: .nanosecondsPerCall,
                     sigil: inMemory, baseline: floor,
                     baselineName: "C floor: 2 secp256k1_ecdh + sign_recoverable + recover", target: .informational),
            BenchRow(name: "devp2p handshake + Hello + Status, Sigil's CPU per peer", unit: .nanosecondsPerCall,
                     sigil: perPeer, baseline: floor,
                     baselineName: "C floor: 2 secp256k1_ecdh + sign_recoverable + recover", target: .atMost(1.5)),
            BenchRow(name: "devp2p handshake + Hello + Status vs the initiator's EC work", unit: .nanosecondsPerCall,
                     sigil: perPeer, baseline: protocolFloor,
                     baselineName: "C: 4 secp256k1_ecdh + 2 ec_pubkey_create + 1 sign_recoverable (what RLPx makes an initiator do)",
                     target: .informational),
            BenchRow(name: "devp2p push to 16 loopback peers (50 ms replies), wall", unit: .nanosecondsPerCall,
                     sigil: sixteen, baseline: one,
                     baselineName: "the same broadcast to 1 peer", target: .atMost(1.3)),
        ]
    }

    static func benchChain() -> ChainIdentity {
        let genesis = Keccak256.hash(Array("sigil bench genesis".utf8))
        return ChainIdentity(networkId: 1337, genesisHash: genesis, headHash: genesis, headNumber: 0, headTime: 0,
                             totalDifficulty: 1, schedule: .allAtGenesis(chainID: 1337, genesisHash: genesis))
    }

    /// Thread CPU of `handshakes` sessions opened (and closed) against one responder, per session.
    static func handshakeCPUNanoseconds(chain: ChainIdentity) -> Double {
        let responder = try! LoopbackResponder(chain: chain, latency: 0)
        defer { responder.stop() }
        let key = PrivateKey.generate()
        var best = Double.infinity
        // Several rounds; the best round is the one least disturbed by other load.
        for _ in 0..<5 {
            var total = 0.0
            for _ in 0..<(handshakes / 5) {
                let start = threadCPU()
                let session = try! DevP2PSession.open(responder.enode, key: key, chain: chain, clientId: "sigil-bench",
                                                      deadline: MonotonicClock.now() + 10)
                total += threadCPU() - start
                session.disconnect(DisconnectReason.requested, deadline: MonotonicClock.now() + 1)
            }
            best = min(best, total / Double(handshakes / 5))
        }
        return best
    }

    /// The initiator's part of RLPx auth/ack alone (no sockets, no Hello/Status): the
    /// recipient's work between makeAuth and readAck is not timed.
    static func inMemoryHandshakeNanoseconds() -> Double {
        let ours = PrivateKey.generate(), theirs = PrivateKey.generate()
        var best = Double.infinity
        for _ in 0..<5 {
            var total = 0.0
            for _ in 0..<(handshakes / 5) {
                var start = threadCPU()
                var initiator = RLPxHandshake(initiator: ours, remote: theirs.publicKey)
                let auth = try! initiator.makeAuth()
                total += threadCPU() - start
                var recipient = RLPxHandshake(recipient: theirs)
                _ = try! recipient.readAuth(auth)
                let ack = try! recipient.makeAck()
                start = threadCPU()
                try! initiator.readAck(ack)
                blackHole(try! initiator.secrets())
                total += threadCPU() - start
            }
            best = min(best, total / Double(handshakes / 5))
        }
        return best
    }

    /// Median wall time of a push broadcast to 1 peer and to 16 peers, in nanoseconds.
    static func broadcastWallTimes(chain: ChainIdentity) -> (Double, Double) {
        let responders = (0..<16).map { _ in try! LoopbackResponder(chain: chain, latency: latency) }
        defer { responders.forEach { $0.stop() } }
        let transaction = DevP2PTransaction(try! benchTransaction())
        let broadcaster = DevP2PBroadcaster(chain: chain, mode: .push, timeout: 10, clientId: "sigil-bench")
        func median(_ enodes: [Enode]) -> Double {
            var times = [Double]()
            for _ in 0..<7 {
                let start = MonotonicClock.now()
                let report = broadcaster.broadcast(transaction, enodes: enodes)
                times.append((MonotonicClock.now() - start) * 1e9)
                precondition(report.acceptedCount == enodes.count, "bench peers did not all take the transaction:\n\(report.table())")
            }
            return times.sorted()[times.count / 2]
        }
        let one = median([responders[0].enode])
        let sixteen = median(responders.map(\.enode))
        return (one, sixteen)
    }

    static func benchTransaction() throws -> SignedTransaction {
        var secret = [UInt8](repeating: 0, count: 32)
        secret[31] = 9
        let key = try PrivateKey(secret: secret.withUnsafeBytes { SecureBytes(copying: $0) })
        let tx = DynamicFeeTransaction(chainId: 1337, nonce: 0, maxPriorityFeePerGas: 1_000_000_000, maxFeePerGas: 10_000_000_000,
                                       gasLimit: 21_000, to: key.address, value: 1)
        return try key.sign(tx)
    }

    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1e9 + Double(ts.tv_nsec)
    }

    /// The floor: 2 ECDH + 1 recoverable sign + 1 recover, straight through libsecp256k1.
    static func cFloorNanoseconds() -> Double {
        cNanoseconds(ecdh: 2, pubkeys: 0, signs: 1, recovers: 1)
    }

    /// The elliptic-curve work RLPx requires of an initiator: ECDH with the peer's static key
    /// (for the signature), ECIES to the peer (a fresh key + ECDH), ECIES from the peer (ECDH),
    /// the ephemeral ECDH (secrets), the ephemeral key, and the auth signature.
    static func cProtocolFloorNanoseconds() -> Double {
        cNanoseconds(ecdh: 4, pubkeys: 2, signs: 1, recovers: 0)
    }

    /// Nanoseconds of one round of the given libsecp256k1 calls (ECDH hashing nothing: the x
    /// coordinate, as RLPx uses it), each round's result feeding the next round's scalar.
    static func cNanoseconds(ecdh: Int, pubkeys: Int, signs: Int, recovers: Int) -> Double {
        let context = secp256k1_context_create(UInt32(SECP256K1_CONTEXT_NONE))!
        defer { secp256k1_context_destroy(context) }
        var seed = [UInt8](repeating: 0x42, count: 32)
        _ = secp256k1_context_randomize(context, &seed)
        var peer = secp256k1_pubkey()
        var other = [UInt8](repeating: 0, count: 32)
        other[31] = 11
        precondition(secp256k1_ec_pubkey_create(context, &peer, other) == 1)
        let copyX: secp256k1_ecdh_hash_function = { output, x, _, _ in
            output!.update(from: x!, count: 32)
            return 1
        }
        let scalar = BenchBuffer(count: 32)
        let result = Benchmark().measure { iterations in
            var shared = [UInt8](repeating: 0, count: 32)
            var signature = secp256k1_ecdsa_recoverable_signature()
            var point = secp256k1_pubkey()
            for _ in 0..<iterations {
                let k = scalar.pointer.assumingMemoryBound(to: UInt8.self)
                k[0] = 1  // below the group order, and nonzero
                for _ in 0..<ecdh where secp256k1_ecdh(context, &shared, &peer, k, copyX, nil) != 1 { fatalError("C ECDH failed") }
                for _ in 0..<pubkeys where secp256k1_ec_pubkey_create(context, &point, k) != 1 { fatalError("C pubkey failed") }
                for _ in 0..<signs where secp256k1_ecdsa_sign_recoverable(context, &signature, shared, k, nil, nil) != 1 {
                    fatalError("C sign failed")
                }
                for _ in 0..<recovers where secp256k1_ecdsa_recover(context, &point, &signature, shared) != 1 { fatalError("C recover failed") }
                shared.withUnsafeBytes { scalar.pointer.copyMemory(from: $0.baseAddress!, byteCount: 32) }
            }
            blackHole(point)
        }
        return result.bestNanoseconds
    }
}
