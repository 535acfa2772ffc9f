import Foundation
import SigilCore
import SigilTestSupport
import Testing

/// Strict decoding: named errors for each defect, the blob network form, and mutation robustness.
@Suite("Transaction decoder")
struct TransactionDecoderTests {
    typealias R = TransactionDifferentialTests.TxRandom

    /// A valid signed transaction of each kind (legacy, EIP-155, types 1–4).
    static func samples(seed: UInt64, count: Int) -> [[UInt8]] {
        var random = R(seed: seed)
        var out: [[UInt8]] = []
        for kind in 0..<6 {
            for _ in 0..<count {
                let (payload, key, _) = TransactionDifferentialTests.makeCase(kind: kind, random: &random)
                out.append(try! key.sign(payload).rawBytes)
            }
        }
        return out
    }

    private func failure(_ raw: [UInt8]) -> TransactionDecodingError? {
        do { _ = try SignedTransaction.decode(raw); return nil } catch { return error }
    }

    /// Re-encodes `fields` (the signed list) as a transaction of `type` (nil: legacy).
    private func envelope(_ type: UInt8?, _ fields: [RLPItem]) -> [UInt8] {
        (type.map { [$0] } ?? []) + RLP.encode(.list(fields))
    }

    private func signedFields(_ raw: [UInt8]) throws -> [RLPItem] {
        try RLP.decode(raw.first! < 0x80 ? Array(raw.dropFirst()) : raw).list()
    }

    @Test("each defect is rejected with a message naming the field")
    func namedErrors() throws {
        let key = try TxTestSupport.key("0x" + String(repeating: "46", count: 32))
        let to = try Address(parsing: "0x3535353535353535353535353535353535353535")
        let legacy = try key.sign(LegacyTransaction(chainId: 1, nonce: 9, gasPrice: 20_000_000_000, gasLimit: 21000, to: to, value: 1))
        let dynamic = try key.sign(DynamicFeeTransaction(chainId: 1, nonce: 1, maxPriorityFeePerGas: 1, maxFeePerGas: 2,
                                                          gasLimit: 21000, to: to, value: 0,
                                                          accessList: AccessList([.init(address: to, storageKeys: [[UInt8](repeating: 1, count: 32)])])))
        var fields = try signedFields(legacy.rawBytes)

        // Leading zero in an integer.
        fields[0] = .bytes([0x00, 0x09])
        #expect(failure(envelope(nil, fields))?.description == "transaction field 'nonce': integer has a leading zero byte")
        fields = try signedFields(legacy.rawBytes)
        fields[0] = .bytes([UInt8](repeating: 1, count: 9))
        #expect(failure(envelope(nil, fields))?.reason == .integerTooLarge(maxBits: 64))
        // Legacy v values.
        fields = try signedFields(legacy.rawBytes)
        fields[6] = .uint(UInt8(29))
        #expect(failure(envelope(nil, fields))?.description == "transaction field 'v': legacy v value 29 is not 27, 28 or an EIP-155 value")
        fields[6] = .bytes([])
        #expect(failure(envelope(nil, fields))?.reason == .invalidLegacyV("0"))
        // r and s.
        fields = try signedFields(legacy.rawBytes)
        fields[8] = .bytes([])
        #expect(failure(envelope(nil, fields))?.description == "transaction field 's': signature s is zero")
        fields[8] = .bytes(Array(try Hex.decode("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")))
        #expect(failure(envelope(nil, fields))?.reason == .signatureOutOfRange("s"))
        fields = try signedFields(legacy.rawBytes)
        fields[7] = .bytes([])
        #expect(failure(envelope(nil, fields))?.reason == .signatureZero("r"))
        // Address length, item count, trailing bytes, unsupported types.
        fields = try signedFields(legacy.rawBytes)
        fields[3] = .bytes([UInt8](repeating: 0x35, count: 19))
        #expect(failure(envelope(nil, fields))?.description == "transaction field 'to': address must be 20 bytes, found 19")
        #expect(failure(envelope(nil, Array(fields.prefix(8))))?.reason == .wrongItemCount(expected: 9, actual: 8))
        #expect(failure(legacy.rawBytes + [0x00])?.description == "transaction has trailing bytes (1 after the transaction)")
        #expect(failure([0x09] + legacy.rawBytes)?.description == "unsupported transaction type 0x09")
        #expect(failure([0x00] + legacy.rawBytes)?.reason == .unsupportedType(0))
        #expect(failure([0x7f])?.reason == .unsupportedType(0x7f))
        #expect(failure([])?.reason == .emptyInput)
        #expect(failure([0x83, 0x64, 0x6f, 0x67])?.reason == .expectedList)
        #expect(failure(Array(legacy.rawBytes.dropLast()))?.category == .invalidInput)

        // Typed: y-parity, storage key length, creation where not allowed.
        var typed = try signedFields(dynamic.rawBytes)
        typed[9] = .uint(UInt8(2))
        #expect(failure(envelope(2, typed))?.description == "transaction field 'yParity': y-parity 0x2 is not 0 or 1")
        typed = try signedFields(dynamic.rawBytes)
        typed[8] = .list([.list([.bytes(to.bytes), .list([.bytes([UInt8](repeating: 1, count: 31))])])])
        #expect(failure(envelope(2, typed))?.description == "transaction field 'accessList[0].storageKeys[0]': must be 32 bytes, found 31")
        typed = try signedFields(dynamic.rawBytes)
        typed.insert(.bytes([]), at: 9) // 10 unsigned fields: shaped like type 4 but authorizationList is a string
        #expect(failure(envelope(4, typed)) != nil)
        typed = try signedFields(dynamic.rawBytes)
        typed.insert(.list([]), at: 9)
        typed[5] = .bytes([])
        #expect(failure(envelope(4, typed))?.description == "transaction field 'to': must be an address: this transaction type cannot create a contract")
        // Same bytes under a different type byte have the wrong field count.
        #expect(failure([0x01] + Array(dynamic.rawBytes.dropFirst()))?.reason == .wrongItemCount(expected: 11, actual: 12))
    }

    @Test("high s decodes, is reported non-canonical, and recovery refuses it")
    func highS() throws {
        let key = try TxTestSupport.key("0x" + String(repeating: "11", count: 32))
        let tx = DynamicFeeTransaction(chainId: 1, nonce: 0, maxPriorityFeePerGas: 1, maxFeePerGas: 1, gasLimit: 21000, to: nil, value: 0)
        let signed = try key.sign(tx)
        let highS = (TxTestSupport.secp256k1Order - (try U256(bigEndian: signed.signature.s))).bigEndianBytes
        let mirrored = try Signature(r: signed.signature.r, s: highS, yParity: 1 - signed.signature.yParity)
        let decoded = try SignedTransaction.decode(tx.encodedSigned(mirrored))
        #expect(!decoded.isCanonicalSignature && signed.isCanonicalSignature)
        #expect(throws: TransactionDecodingError(field: "s", .highS)) { try decoded.recoverSender() }
        #expect(try decoded.recoverSender(acceptingHighS: true) == key.address)
    }

    @Test("blob network form (EIP-4844 and EIP-7594) decodes to the plain transaction with sidecar counts")
    func blobNetworkForm() throws {
        let key = try TxTestSupport.key("0x" + String(repeating: "22", count: 32))
        let hashes = [[0x01] + [UInt8](repeating: 7, count: 31), [0x01] + [UInt8](repeating: 8, count: 31)]
        let tx = BlobTransaction(chainId: 1, nonce: 3, maxPriorityFeePerGas: 1, maxFeePerGas: 9, gasLimit: 50000,
                                 to: Address.zero, value: 0, maxFeePerBlobGas: 5, blobVersionedHashes: hashes)
        let signed = try key.sign(tx)
        let body = try RLP.decode(Array(signed.rawBytes.dropFirst()))
        let blob = RLPItem.bytes([UInt8](repeating: 0, count: BlobSidecarSummary.blobLength))
        let kzg = RLPItem.bytes([UInt8](repeating: 0xc0, count: 48))
        let legacyForm = [0x03] + RLP.encode(.list([body, .list([blob, blob]), .list([kzg, kzg]), .list([kzg, kzg])]))
        let decoded = try SignedTransaction.decode(legacyForm)
        #expect(decoded.rawBytes == signed.rawBytes && decoded.hash == signed.hash)
        #expect(decoded.blobSidecar?.blobCount == 2 && decoded.blobSidecar?.proofCount == 2 && decoded.blobSidecar?.wrapperVersion == nil)
        #expect(try decoded.recoverSender() == key.address)

        let cellProofs = RLPItem.list([RLPItem](repeating: kzg, count: 256))
        let cellForm = [0x03] + RLP.encode(.list([body, .bytes([1]), .list([blob, blob]), .list([kzg, kzg]), cellProofs]))
        let cellDecoded = try SignedTransaction.decode(cellForm)
        #expect(cellDecoded.blobSidecar == nil ? false : cellDecoded.blobSidecar!.wrapperVersion == 1 && cellDecoded.blobSidecar!.proofCount == 256)
        #expect(cellDecoded.hash == signed.hash)

        let missing = [0x03] + RLP.encode(.list([body, .list([blob]), .list([kzg, kzg]), .list([kzg, kzg])]))
        #expect(failure(missing)?.description == "transaction blob sidecar mismatch: 2 versioned hash(es), 1 blob(s), 2 commitment(s), 2 proofs")
        let badVersion = [0x03] + RLP.encode(.list([body, .bytes([2]), .list([blob, blob]), .list([kzg, kzg]), cellProofs]))
        #expect(failure(badVersion)?.reason == .unsupportedWrapperVersion("0x2"))
        let shortKzg = [0x03] + RLP.encode(.list([body, .list([blob, blob]), .list([kzg, .bytes([1])]), .list([kzg, kzg])]))
        #expect(failure(shortKzg)?.field == "commitments[1]")
        #expect(failure([0x03] + RLP.encode(.list([body, .list([])])))?.reason == .wrongItemCountNetworkForm(actual: 2))
    }

    @Test("EIP-7702 authorization tuples: raw values are kept, recovery checks them")
    func authorizations() throws {
        let key = try TxTestSupport.key("0x" + String(repeating: "33", count: 32))
        let signed = try key.sign(Authorization(chainId: 0, address: Address.zero, nonce: 5))
        #expect(try signed.recoverAuthority() == key.address)
        var bad = signed
        bad.yParity = 2
        #expect(throws: TransactionDecodingError(field: "authorization.yParity", .invalidYParity("2"))) { try bad.recoverAuthority() }
        bad = signed
        bad.s = TxTestSupport.secp256k1Order - signed.s
        #expect(throws: TransactionDecodingError(field: "authorization.s", .highS)) { try bad.recoverAuthority() }
        bad.s = .zero
        #expect(throws: TransactionDecodingError(field: "s", .signatureZero("s"))) { try bad.recoverAuthority() }
    }

    @Test("≥ 10,000 mutations per type never crash: each decodes canonically or throws")
    func mutations() throws {
        // SIGIL_TEST_SEED=N replays a run; the seed is printed either way.
        let seed = SeededGenerator.seedFromEnvironment("SIGIL_TEST_SEED")
        print("decoder mutations: seed \(seed) (replay with SIGIL_TEST_SEED=\(seed))")
        var random = R(seed: seed)
        let samples = Self.samples(seed: seed, count: 8)
        var decodedCount = 0, rejectedCount = 0
        var perKind = [Int](repeating: 0, count: 6)
        for (index, original) in samples.enumerated() {
            let kind = index / 8
            for _ in 0..<1_300 {
                var bytes = original
                switch random.int(0...4) {
                case 0, 1:
                    let position = random.int(0...(bytes.count - 1))
                    bytes[position] ^= UInt8(1) << UInt8(random.int(0...7))
                case 2:
                    bytes.removeLast(random.int(1...bytes.count))
                case 3:
                    bytes.insert(UInt8(random.int(0...255)), at: random.int(0...bytes.count))
                default:
                    bytes.remove(at: random.int(0...(bytes.count - 1)))
                }
                perKind[kind] += 1
                do {
                    let tx = try SignedTransaction.decode(bytes)
                    decodedCount += 1
                    #expect(tx.rawBytes == bytes, "seed \(seed): accepted non-canonical \(Hex.encode(bytes))")
                    #expect(tx.payload.encodedSigned(tx.signature) == bytes, "seed \(seed): \(Hex.encode(bytes))")
                    _ = try? tx.recoverSender()
                } catch {
                    rejectedCount += 1
                    #expect(error.category == .invalidInput)
                    #expect(!error.description.isEmpty)
                }
            }
        }
        print("mutations (seed \(seed)): \(perKind) per kind, \(decodedCount) decoded canonically, \(rejectedCount) rejected")
        #expect(perKind.allSatisfy { $0 >= 10_000 })
    }
}
