import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Helpers for the eth message tests (prefixed to stay out of other suites' way).
enum EthMessagesTestSupport {
    static func bytes(_ hex: String) -> [UInt8] {
        do { return try Hex.decode(hex, prefix: .optional) } catch { fatalError("bad hex in test: \(hex)") }
    }

    static func hash(_ byte: UInt8) -> [UInt8] { [UInt8](repeating: byte, count: 32) }

    /// The EIP-155 example transaction (legacy, chain 1) and its hash, from EIP-155.
    static let eip155Raw = bytes("f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83")
    static let eip155Hash = bytes("33469b22e9f636356c4160a87eb19df52b7412e8eac32a4a55ffe88ea8350788")

    /// A freshly signed EIP-1559 transaction with `dataCount` bytes of calldata.
    static func dynamicFee(nonce: UInt64, dataCount: Int) throws -> SignedTransaction {
        let key = PrivateKey.generate()
        let tx = DynamicFeeTransaction(chainId: 1337, nonce: nonce, maxPriorityFeePerGas: 1_000_000_000, maxFeePerGas: 30_000_000_000,
                                       gasLimit: 100_000, to: try Address(bytes: [UInt8](repeating: 0x11, count: 20)),
                                       value: U256(nonce), data: [UInt8](repeating: 0xab, count: dataCount))
        return try key.sign(tx)
    }
}

@Suite("EthMessages")
struct EthMessagesTests {
    typealias Support = EthMessagesTestSupport

    static let status = EthStatus(
        networkID: 1, totalDifficulty: U256(w0: 0, w1: 0xc70d_815d_562d_3cfa, w2: 0x0000_0000_0000_0000, w3: 0),
        head: Support.hash(0xab), genesis: ForkSchedule.mainnet.genesisHash,
        forkID: ForkSchedule.mainnet.forkID(headNumber: 22_000_000, headTime: 1_770_000_000))

    @Test("message codes follow the base protocol's 16 reserved ids")
    func codes() {
        #expect(EthMessageCode.status == 0x10)
        #expect(EthMessageCode.transactions == 0x12)
        #expect(EthMessageCode.newPooledTransactionHashes == 0x18)
        #expect(EthMessageCode.getPooledTransactions == 0x19)
        #expect(EthMessageCode.pooledTransactions == 0x1a)
    }

    @Test("Status round trip, and extra trailing items tolerated")
    func statusRoundTrip() throws {
        let encoded = Self.status.encoded()
        #expect(try EthStatus(decoding: encoded) == Self.status)
        var items = try RLP.decode(encoded).list()
        items.append(.bytes([1, 2, 3]))
        #expect(try EthStatus(decoding: RLP.encode(.list(items))) == Self.status)
        #expect(Self.status.version == 68)
    }

    @Test("Status: a hand-assembled payload decodes to its fields")
    func statusKnownAnswer() throws {
        // [68, 1, 0x0400000000, 32×0xab, 32×0xcd, [0xfc64ec04, 1150000]]
        let payload = Support.bytes("f8544401850400000000a0" + String(repeating: "ab", count: 32) + "a0"
            + String(repeating: "cd", count: 32) + "c984fc64ec0483118c30")
        let status = try EthStatus(decoding: payload)
        #expect(status == EthStatus(networkID: 1, totalDifficulty: U256(17_179_869_184), head: Support.hash(0xab),
                                    genesis: Support.hash(0xcd), forkID: ForkID(checksum: 0xfc64ec04, next: 1_150_000)))
        #expect(status.encoded() == payload)
    }

    @Test("malformed Status payloads are rejected with a one-line reason", arguments: [
        ("not RLP", [0xf8]),
        ("not a list", RLP.encode(.bytes([1, 2]))),
        ("five items", RLP.encode(.list([.uint(UInt64(68)), .uint(UInt64(1)), .bytes([]), .bytes(EthMessagesTestSupport.hash(1)), .bytes(EthMessagesTestSupport.hash(2))]))),
        ("short genesis", RLP.encode(.list([.uint(UInt64(68)), .uint(UInt64(1)), .bytes([]), .bytes(EthMessagesTestSupport.hash(1)), .bytes([UInt8](repeating: 2, count: 31)), ForkID(checksum: 1, next: 0).rlp]))),
        ("short head", RLP.encode(.list([.uint(UInt64(68)), .uint(UInt64(1)), .bytes([]), .bytes([]), .bytes(EthMessagesTestSupport.hash(2)), ForkID(checksum: 1, next: 0).rlp]))),
        ("wide td", RLP.encode(.list([.uint(UInt64(68)), .uint(UInt64(1)), .bytes([UInt8](repeating: 1, count: 33)), .bytes(EthMessagesTestSupport.hash(1)), .bytes(EthMessagesTestSupport.hash(2)), ForkID(checksum: 1, next: 0).rlp]))),
        ("leading zero network id", RLP.encode(.list([.uint(UInt64(68)), .bytes([0, 1]), .bytes([]), .bytes(EthMessagesTestSupport.hash(1)), .bytes(EthMessagesTestSupport.hash(2)), ForkID(checksum: 1, next: 0).rlp]))),
        ("list version", RLP.encode(.list([.list([]), .uint(UInt64(1)), .bytes([]), .bytes(EthMessagesTestSupport.hash(1)), .bytes(EthMessagesTestSupport.hash(2)), ForkID(checksum: 1, next: 0).rlp]))),
        ("bad fork id", RLP.encode(.list([.uint(UInt64(68)), .uint(UInt64(1)), .bytes([]), .bytes(EthMessagesTestSupport.hash(1)), .bytes(EthMessagesTestSupport.hash(2)), .list([.bytes([1, 2])])]))),
    ] as [(String, [UInt8])])
    func malformedStatus(name: String, payload: [UInt8]) {
        do {
            _ = try EthStatus(decoding: payload)
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.description.hasPrefix("malformed "), "\(name): \(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("Status names the field: genesis hash must be 32 bytes")
    func statusMessage() {
        var items: [RLPItem] = [.uint(UInt64(68)), .uint(UInt64(1)), .bytes([]), .bytes(Support.hash(1)), .bytes([1]), ForkID(checksum: 1, next: 0).rlp]
        #expect(throws: EthMessageError.malformed(message: "Status", reason: "genesis hash must be 32 bytes, found 1")) {
            try EthStatus(decoding: RLP.encode(.list(items)))
        }
        items[4] = .bytes(Support.hash(2))
        #expect(throws: Never.self) { try EthStatus(decoding: RLP.encode(.list(items))) }
    }

    @Test("Transactions: legacy embedded as a list, typed as a byte string; round trip")
    func transactions() throws {
        let typed = try Support.dynamicFee(nonce: 3, dataCount: 100).rawBytes
        let message = EthTransactions(transactions: [Support.eip155Raw, typed])
        let encoded = message.encoded()
        let items = try RLP.decode(encoded).list()
        #expect(items[0] == (try RLP.decode(Support.eip155Raw)))
        #expect(items[1] == .bytes(typed))
        #expect(try EthTransactions(decoding: encoded) == message)
        #expect(EthTransactions(transactions: []).encoded() == [0xc0])
    }

    @Test("PooledTransactions and GetPooledTransactions round trips")
    func pooled() throws {
        let typed = try Support.dynamicFee(nonce: 9, dataCount: 3000).rawBytes
        let answer = PooledTransactions(requestID: 0x1234_5678_9abc, transactions: [typed, Support.eip155Raw])
        #expect(try PooledTransactions(decoding: answer.encoded()) == answer)
        let request = GetPooledTransactions(requestID: 7, hashes: [Support.hash(1), Support.hash(2)])
        #expect(try GetPooledTransactions(decoding: request.encoded()) == request)
        #expect(request.encoded() == RLP.encode(.list([.uint(UInt64(7)), .list([.bytes(Support.hash(1)), .bytes(Support.hash(2))])])))
    }

    @Test("announcement of a transaction: type, wire size and hash")
    func announcement() throws {
        let legacy = try NewPooledTransactionHashes.announcement(for: Support.eip155Raw)
        #expect(legacy.type == 0)
        #expect(legacy.size == 110)
        #expect(legacy.hash == Support.eip155Hash)
        let signed = try Support.dynamicFee(nonce: 1, dataCount: 500)
        let typed = try NewPooledTransactionHashes.announcement(for: signed.rawBytes)
        #expect(typed.type == 2)
        #expect(Int(typed.size) == signed.rawBytes.count)
        #expect(typed.hash == Keccak256.hash(signed.rawBytes))
        #expect(throws: EthMessageError.self) { try NewPooledTransactionHashes.announcement(for: [0x02, 0xc0]) }
        let message = try NewPooledTransactionHashes(announcing: [Support.eip155Raw, signed.rawBytes])
        #expect(message == NewPooledTransactionHashes(types: [0, 2], sizes: [110, typed.size], hashes: [Support.eip155Hash, typed.hash]))
        #expect(try NewPooledTransactionHashes(decoding: message.encoded()) == message)
    }

    @Test("malformed announcements, requests and transaction lists are rejected", arguments: [
        ("announce: lengths differ", 0, RLP.encode(.list([.bytes([0, 2]), .list([.uint(UInt64(1))]), .list([.bytes(EthMessagesTestSupport.hash(1))])]))),
        ("announce: short hash", 0, RLP.encode(.list([.bytes([0]), .list([.uint(UInt64(1))]), .list([.bytes([1, 2])])]))),
        ("announce: size over 32 bits", 0, RLP.encode(.list([.bytes([0]), .list([.uint(UInt64(1) << 32)]), .list([.bytes(EthMessagesTestSupport.hash(1))])]))),
        ("announce: types as a list", 0, RLP.encode(.list([.list([]), .list([]), .list([])]))),
        ("announce: eth/67 form", 0, RLP.encode(.list([.bytes(EthMessagesTestSupport.hash(1))]))),
        ("get: short hash", 1, RLP.encode(.list([.uint(UInt64(1)), .list([.bytes([1])])]))),
        ("get: hashes not a list", 1, RLP.encode(.list([.uint(UInt64(1)), .bytes(EthMessagesTestSupport.hash(1))]))),
        ("get: no hashes", 1, RLP.encode(.list([.uint(UInt64(1))]))),
        ("txs: byte string that is not typed", 2, RLP.encode(.list([.bytes([0xc3, 1, 2, 3])]))),
        ("txs: empty byte string", 2, RLP.encode(.list([.bytes([])]))),
        ("txs: not a list", 2, RLP.encode(.bytes([1]))),
        ("pooled: request id with leading zero", 3, RLP.encode(.list([.bytes([0, 1]), .list([])]))),
        ("pooled: trailing garbage", 3, RLP.encode(.list([.uint(UInt64(1)), .list([])])) + [0]),
    ] as [(String, Int, [UInt8])])
    func malformedOthers(name: String, kind: Int, payload: [UInt8]) {
        do {
            switch kind {
            case 0: _ = try NewPooledTransactionHashes(decoding: payload)
            case 1: _ = try GetPooledTransactions(decoding: payload)
            case 2: _ = try EthTransactions(decoding: payload)
            default: _ = try PooledTransactions(decoding: payload)
            }
            Issue.record("\(name): accepted")
        } catch {
            #expect(error.description.hasPrefix("malformed "), "\(name): \(error)")
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("differential: Status, announcements, requests and transaction lists against pyrlp sedes",
          .enabled(if: TestEnvironment.oraclesEnabled))
    func differential() throws {
        let seed = SeededGenerator.seedFromEnvironment()
        var rng = SeededGenerator(seed: seed)
        func byte() -> UInt8 { UInt8(truncatingIfNeeded: rng.next()) }
        func coin() -> Bool { rng.next() & 1 == 1 }
        var statuses: [EthStatus] = [Self.status]
        for _ in 0..<20 {
            let td = U256(w0: rng.next(), w1: coin() ? rng.next() : 0, w2: 0, w3: coin() ? rng.next() : 0)
            statuses.append(EthStatus(
                networkID: [0, 1, 11_155_111, rng.next()].randomElement(using: &rng)!, totalDifficulty: coin() ? td : .zero,
                head: (0..<32).map { _ in byte() }, genesis: (0..<32).map { _ in byte() },
                forkID: ForkID(checksum: UInt32(truncatingIfNeeded: rng.next()),
                               next: [0, 1_150_000, 1_767_747_671, UInt64.max].randomElement(using: &rng)!)))
        }
        var announcements: [NewPooledTransactionHashes] = [NewPooledTransactionHashes(types: [], sizes: [], hashes: [])]
        var requests: [GetPooledTransactions] = []
        for count in [1, 2, 5, 40, 300] {
            let hashes = (0..<count).map { _ in (0..<32).map { _ in byte() } }
            announcements.append(NewPooledTransactionHashes(
                types: (0..<count).map { _ in byte() % 5 },
                sizes: (0..<count).map { _ in [0, 1, 127, 128, 256, 131_072, UInt32.max].randomElement(using: &rng)! }, hashes: hashes))
            requests.append(GetPooledTransactions(requestID: [0, 1, rng.next()].randomElement(using: &rng)!, hashes: hashes))
        }
        let transactionLists: [[[UInt8]]] = [[], [Support.eip155Raw],
            [try Support.dynamicFee(nonce: 0, dataCount: 0).rawBytes, Support.eip155Raw, try Support.dynamicFee(nonce: 5, dataCount: 70_000).rawBytes]]
        let request: [String: Any] = [
            "status": statuses.map { [
                "version": String($0.version), "networkid": String($0.networkID), "td": $0.totalDifficulty.description,
                "head": Hex.encode($0.head, prefix: false), "genesis": Hex.encode($0.genesis, prefix: false),
                "forkhash": Hex.encode($0.forkID.hash, prefix: false), "forknext": String($0.forkID.next),
            ] as [String: Any] },
            "announcements": announcements.map { [
                "types": Hex.encode($0.types, prefix: false), "sizes": $0.sizes.map { Int($0) },
                "hashes": $0.hashes.map { Hex.encode($0, prefix: false) },
            ] as [String: Any] },
            "get_pooled": requests.map { ["request_id": String($0.requestID), "hashes": $0.hashes.map { Hex.encode($0, prefix: false) }] as [String: Any] },
            "transactions": transactionLists.map { $0.map { Hex.encode($0, prefix: false) } },
        ]
        let reply = try PythonOracle.run("eth_messages_oracle.py", input: request) as? [String: [String]]
        let reference = try #require(reply)
        for (status, hex) in zip(statuses, try #require(reference["status"])) {
            #expect(status.encoded() == Support.bytes(hex), "seed \(seed): Status \(status)")
            #expect(try EthStatus(decoding: Support.bytes(hex)) == status)
        }
        for (message, hex) in zip(announcements, try #require(reference["announcements"])) {
            #expect(message.encoded() == Support.bytes(hex), "seed \(seed): announcement of \(message.hashes.count)")
            #expect(try NewPooledTransactionHashes(decoding: Support.bytes(hex)) == message)
        }
        for (message, hex) in zip(requests, try #require(reference["get_pooled"])) {
            #expect(message.encoded() == Support.bytes(hex), "seed \(seed): GetPooledTransactions")
        }
        for (list, hex) in zip(transactionLists, try #require(reference["transactions"])) {
            #expect(EthTransactions(transactions: list).encoded() == Support.bytes(hex))
            #expect(try EthTransactions(decoding: Support.bytes(hex)).transactions == list)
        }
        #expect(reference["status"]?.count == statuses.count)
    }
}
